"""Opening, transitioning and withdrawing handlings: the SOP's moves.

This module is the only writer of ``Handling.state`` (see tests/complaints/test_one_writer.py).
Staff notes, assignment and identity views are in ``services_staff``; moves between organisations that are
not SOP transitions (ambil alih, the reporter's escalation) are orchestrated in ``services_transfer``, which
closes handlings through ``handling_close_for_transfer`` here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tuntas.complaints import access, routing, transfers
from tuntas.complaints.attachments import Upload, files_clean, staff_attachments_save
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.complaints.notifications import notify_reporter
from tuntas.core import clock as time
from tuntas.core.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from tuntas.directory.access import organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, User
from tuntas.sla.services import clocks_apply, clocks_stop_all
from tuntas.workflows import engine
from tuntas.workflows.registry import active_definition, workflow_for, workflow_of

SYSTEM = "sistem"
REPORTER = "pelapor"
# Names the SOPs give the disposal instruction field (lapor-admin, inspektorat: "instruksi"); a forward's or
# return's reason ("alasan") is what the receiving unit reads as its instruction.
INSTRUCTION_FIELDS = ("instruksi", "instruction", "alasan")
# The final state a handling is closed into when the complaint passes up to oversight outside its SOP's own
# transitions (ambil alih by the Inspektorat, the reporter's escalation). SOPs without it stay open.
TRANSFER_STATE = "dilimpahkan"


@dataclass(frozen=True)
class Actor:
    """Who acts: a staff user, the reporter (proved by the tracking secret) or the system (clock expiry)."""

    user: User | None = None
    kind: str = ""  # "" for staff, "pelapor", "sistem"

    @property
    def roles_override(self) -> set[str] | None:
        return {self.kind} if self.kind else None


def _stale() -> Conflict:
    return Conflict(_("Penanganan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi."))


def _get(handling_id: int, *, lock: bool) -> Handling:
    qs = Handling.objects.select_related("complaint", "organisation", "workflow", "complaint__category")
    try:
        # OF self: lock the handling only (not its organisation or SOP rows, which every other handling
        # shares), and PostgreSQL refuses FOR UPDATE on the nullable side of the category's outer join.
        return (qs.select_for_update(of=("self",)) if lock else qs).get(pk=handling_id)
    except Handling.DoesNotExist as exc:
        raise NotFound(_("Penanganan tidak ditemukan.")) from exc


def _lock(handling_id: int) -> Handling:
    return _get(handling_id, lock=True)


def _tier(handling: Handling) -> int | None:
    category = handling.complaint.category
    return category.tier_days if category else None


def handling_open(
    *,
    complaint: Complaint,
    organisation: Organisation,
    actor: Actor,
    parent: Handling | None = None,
    instruction: str = "",
    at: dt.datetime | None = None,
) -> Handling:
    """Open a handling at ``organisation`` in its own SOP's initial state and start the SOP's first clocks
    (counting from ``at``, default now)."""
    definition = active_definition(organisation.workflow_slug)
    wf = workflow_of(definition)
    handling = Handling.objects.create(
        complaint=complaint,
        organisation=organisation,
        workflow=definition,
        state=wf.initial,
        parent=parent,
        instruction=instruction,
        opened_at=at or time.now(),
    )
    clocks_apply(handling=handling, workflow=wf, ops=wf.clock_ops_on_open(), tier_days=_tier(handling), at=at)
    handling.save(update_fields=["due_date"])
    event_add(
        complaint=complaint,
        handling=handling,
        kind=Event.Kind.HANDLING_OPENED,
        actor=actor.user,
        actor_kind=actor.kind,
        visibility=Event.Visibility.PUBLIC,
        # No stored sentence: pages say "received by <organisation>" in the reader's language.
        payload={
            "organisation": organisation.pk,
            "state": wf.initial,
            "parent": parent.pk if parent else None,
        },
    )
    return handling


def _move(handling: Handling, wf: engine.Workflow, target: str, *, closure_reason: str = "") -> None:
    """Set the new state under the row lock; the version check makes a stale concurrent write fail."""
    final = wf.state(target).final
    now = time.now()
    updated = Handling.objects.filter(pk=handling.pk, version=handling.version).update(
        state=target,
        is_open=not final,
        closed_at=now if final else None,
        closure_reason=closure_reason if final else "",
        version=F("version") + 1,
    )
    if updated != 1:
        raise _stale()
    handling.refresh_from_db(fields=["state", "is_open", "closed_at", "closure_reason", "version"])


def _organisation(value: object) -> Organisation | None:
    qs = Organisation.objects.select_related("kind")
    if isinstance(value, int) or str(value).isdigit():
        found = qs.filter(pk=int(str(value))).first()
        if found is not None:
            return found
    return qs.filter(slug=str(value)).first()


def _resolve_fields(spec: engine.TransitionSpec, data: dict, handling: Handling) -> dict:
    """Turn organisation/user ids in the cleaned data into objects, checking they are valid targets."""
    resolved = dict(data)
    for field in spec.fields:
        value = data.get(field.name)
        if value in (None, ""):
            continue
        if field.type == "organisation":
            org = _organisation(value)
            if org is None or not org.is_active:
                raise InvalidInput(
                    _("Unit tujuan tidak ditemukan."), errors={field.name: _("Unit tidak ditemukan.")}
                )
            if field.kinds and org.kind_id not in field.kinds:
                raise InvalidInput(
                    _("Unit tujuan tidak sesuai."),
                    errors={field.name: _("Jenis unit ini tidak dapat dipilih di sini.")},
                )
            if org.pk == handling.organisation_id:
                raise InvalidInput(
                    _("Unit tujuan sama dengan unit ini."), errors={field.name: _("Pilih unit lain.")}
                )
            if field.name == "target" and spec.effect == "dispose":
                try:  # the new handling follows the target's SOP: it must be loaded
                    active_definition(org.workflow_slug)
                except NotFound as exc:
                    raise InvalidInput(
                        _("Unit tujuan belum memiliki SOP."), errors={field.name: exc.message}
                    ) from exc
            resolved[field.name] = org
        elif field.type == "user":
            user = User.objects.filter(
                pk=value if str(value).isdigit() else None,
                is_active=True,
                memberships__organisation_id=handling.organisation_id,
                memberships__is_active=True,
            ).first()
            if user is None:
                raise InvalidInput(
                    _("Petugas tidak ditemukan."), errors={field.name: _("Bukan anggota unit ini.")}
                )
            resolved[field.name] = user
    return resolved


def _payload_value(value: object) -> object:
    if isinstance(value, Organisation):
        return {"id": value.pk, "name": value.name}
    if isinstance(value, User):
        return {"id": value.pk, "name": str(value)}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _ensure_visible(actor: Actor, handling: Handling) -> None:
    """Staff only see handlings of their own organisations: another one does not exist for them."""
    if actor.kind:  # the reporter (proved by the secret) and the system
        return
    user = actor.user
    if user is None or not (user.is_superuser or handling.organisation_id in organisation_ids_of(user)):
        raise NotFound(_("Penanganan tidak ditemukan."))


def _check(
    actor: Actor, handling: Handling, transition: str, data: dict
) -> tuple[engine.Workflow, engine.TransitionSpec, dict, dict]:
    """The check step: may ``actor`` take ``transition`` on the handling as read, with ``data``?"""
    wf = workflow_for(handling)
    roles = actor.roles_override or roles_in(actor.user, handling.organisation_id)
    try:
        spec, cleaned = wf.check(handling.state, transition, roles, data)
    except engine.TransitionNotAllowed as exc:
        if not handling.is_open:
            raise Conflict(_("Penanganan ini sudah selesai.")) from exc
        raise TransitionNotAllowed(str(exc)) from exc
    except engine.InvalidTransitionData as exc:
        raise InvalidInput(_("Periksa isian yang wajib."), errors=dict(exc.errors)) from exc
    return wf, spec, cleaned, _resolve_fields(spec, cleaned, handling)


def _receiver(
    handling: Handling, spec: engine.TransitionSpec, values: dict
) -> tuple[Organisation, str] | None:
    """Where a transition moves the complaint, and the kind of move: the disposal's target, or the sender
    for a return ("bukan wewenang kami"). Checked before anything is written."""
    if spec.effect == "dispose":
        receiver = values["target"]
        move = transfers.dispose_move(handling.organisation, receiver)
    elif spec.closure_reason == transfers.RETURN_REASON:
        receiver = routing.return_destination(handling)
        if receiver is None:
            raise Conflict(_("Tidak ada unit pengirim yang dapat menerima pengaduan ini kembali."))
        move = transfers.KEMBALIKAN
    else:
        return None
    problem = receiver_problem(handling.complaint_id, receiver)
    if problem is not None:
        if spec.effect == "dispose":  # the user chose the target: say so next to the field
            raise InvalidInput(problem, errors={"target": problem})
        raise Conflict(problem)
    return receiver, move


def receiver_problem(complaint_id: int, receiver: Organisation) -> str | None:
    """Why ``receiver`` cannot take the complaint now: no SOP loaded, it is already handling it, or it is an
    oversight body the complaint is about (``access.is_about_itself``)."""
    try:
        active_definition(receiver.workflow_slug)
    except NotFound:
        return _("%(org)s belum memiliki SOP.") % {"org": receiver.name}
    if receiver.kind.oversight_rank > 0:
        complaint = Complaint.objects.only("reported_organisation_id").get(pk=complaint_id)
        if access.is_about_itself(receiver, complaint):
            return _(
                "%(org)s adalah pihak yang diadukan: lembaga pengawas tidak menangani pengaduan tentang dirinya "
                "sendiri. Teruskan ke lembaga pengawas di atasnya."
            ) % {"org": receiver.name}
    if Handling.objects.filter(complaint_id=complaint_id, organisation=receiver, is_open=True).exists():
        return _("%(org)s sedang menangani pengaduan ini.") % {"org": receiver.name}
    return None


def _assign_on_first_action(actor: Actor, handling: Handling, wf: engine.Workflow) -> None:
    """The staff member who takes the first action on an unassigned handling owns it, when the SOP says so
    (``assign_on: first_action``) and they could take it themselves (a member of its unit with a working
    role: ``access.can_assign``). Recorded as the ASSIGNED event ``handling_assign`` writes.

    The caller holds the handling's row lock and bumps its version (``_move``)."""
    user = actor.user
    if actor.kind or user is None or handling.assignee_id is not None or not wf.assigns_on_first_action:
        return
    if handling.organisation_id not in organisation_ids_of(user) or not access.can_assign(
        user, handling, user
    ):
        return
    Handling.objects.filter(pk=handling.pk).update(assignee=user)
    handling.assignee = user
    event_add(
        complaint=handling.complaint,
        handling=handling,
        kind=Event.Kind.ASSIGNED,
        actor=user,
        payload={"from": None, "to": user.pk, "name": str(user), "on": "first_action"},
    )


def handling_transition(
    *,
    actor: Actor,
    handling_id: int,
    transition: str,
    data: dict | None = None,
    expected_version: int | None = None,
    files: tuple[Upload, ...] = (),
) -> Handling:
    """Take an SOP transition: check role, state and fields on the handling as read, then under the locks
    (complaint, then handling) move it, run the clocks, record one TRANSITIONED event and notify.

    A transition decided on one version of the handling is never applied to another: if it changed after
    the caller read it (``expected_version``, else the version read here), the call is a Conflict and
    writes nothing. Two people taking the same action at once: one wins, the other gets Conflict.

    A staff member's action on an unassigned handling also assigns it to them, unless the SOP says
    ``assign_on: never`` (``_assign_on_first_action``).

    ``files`` (staff evidence: a photo of the repair, a letter) are cleaned before the transaction and
    attached to the event, seen by whoever reads it (``attachments.staff_file_visibility``).
    """
    seen = _get(handling_id, lock=False)
    _ensure_visible(actor, seen)
    if expected_version is not None and expected_version != seen.version:
        raise _stale()
    wf, spec, cleaned, values = _check(actor, seen, transition, data or {})
    moving = _receiver(seen, spec, values)
    cleaned_files = files_clean(files)
    with transaction.atomic():
        # Complaint first, then handling: the same order as the reporter's services, so no deadlock, and
        # deciding whether the complaint is closed sees every handling's committed state.
        Complaint.objects.select_for_update().filter(pk=seen.complaint_id).values_list("pk").first()
        handling = _lock(handling_id)
        if handling.version != seen.version:
            raise _stale()
        _assign_on_first_action(actor, handling, wf)
        before = handling.state
        final = wf.state(spec.target).final
        _move(handling, wf, spec.target, closure_reason=wf.closure_reason_of(spec, cleaned) or "")
        if final:
            clocks_stop_all(handling)
        else:
            clocks_apply(handling=handling, workflow=wf, ops=spec.clocks, tier_days=_tier(handling))
        severity = next(
            (str(cleaned[f.name]) for f in spec.fields if f.type == "severity" and f.name in cleaned), None
        )
        if severity is not None:
            handling.severity = severity
        handling.save(update_fields=["due_date", "severity"])
        message = str(cleaned.get(spec.message_field, "")) if spec.message_field else ""
        event = event_add(
            complaint=handling.complaint,
            handling=handling,
            kind=Event.Kind.TRANSITIONED,
            actor=actor.user,
            actor_kind=actor.kind,
            visibility=spec.visibility,
            message=message,
            payload={
                "transition": spec.name,
                "from": before,
                "to": spec.target,
                "data": {k: _payload_value(v) for k, v in values.items()},
            },
        )
        staff_attachments_save(event=event, files=cleaned_files)
        if moving is not None:
            receiver, move = moving
            instruction = next((str(cleaned[n]) for n in INSTRUCTION_FIELDS if cleaned.get(n)), "")
            opened = handling_open(
                complaint=handling.complaint,
                organisation=receiver,
                actor=actor,
                parent=handling,
                instruction=instruction,
            )
            transfers.transfer_recorded(
                complaint=handling.complaint,
                move=move,
                sender=handling,
                receiver=opened,
                actor_user=actor.user,
                actor_kind=actor.kind,
                reason=instruction,
            )
        # The reporter is told what staff and the system did, not what they did themselves.
        if spec.visibility != Event.Visibility.INTERNAL and actor.kind != REPORTER:
            notify_reporter(
                complaint=handling.complaint,
                event=event,
                template="complaint_updated",
                context={"status": wf.state(spec.target).public_label, "message": message},
            )
        complaint_refresh_status(handling.complaint, actor=actor)
    return handling


def handlings_withdraw(*, complaint: Complaint, actor: Actor, reason: str) -> None:
    """The reporter withdrew (dicabut): every open handling goes to its SOP's withdrawn state.

    The caller holds the complaint's row lock."""
    for h in (
        complaint.handlings.filter(is_open=True)
        .select_for_update(of=("self",))
        .select_related("workflow", "organisation")
    ):
        wf = workflow_for(h)
        before = h.state
        _move(h, wf, wf.on_withdraw, closure_reason="dicabut")
        clocks_stop_all(h)
        h.save(update_fields=["due_date"])
        event_add(
            complaint=complaint,
            handling=h,
            kind=Event.Kind.TRANSITIONED,
            actor_kind=actor.kind,
            payload={"transition": "cabut", "from": before, "to": wf.on_withdraw},
        )


def handling_close_for_transfer(
    *,
    handling: Handling,
    actor: Actor,
    closure_reason: str,
    move: str,
    reason: str = "",
) -> bool:
    """Close an open handling because the complaint passes up to oversight (ambil alih, the reporter's
    escalation): into its SOP's TRANSFER_STATE, clocks stopped, one public TRANSITIONED event (the reason
    stays in the payload, shown to staff only). False, and nothing written, when the SOP has no such state.

    The caller holds the complaint's row lock (so no transition runs meanwhile); the handling is locked here."""
    wf = workflow_for(handling)
    target = wf.states.get(TRANSFER_STATE)
    if target is None or not target.final:
        return False
    locked = _lock(handling.pk)
    if not locked.is_open:
        raise _stale()
    before = locked.state
    _move(locked, wf, TRANSFER_STATE, closure_reason=closure_reason)
    clocks_stop_all(locked)
    locked.save(update_fields=["due_date"])
    event_add(
        complaint=locked.complaint,
        handling=locked,
        kind=Event.Kind.TRANSITIONED,
        actor=actor.user,
        actor_kind=actor.kind,
        visibility=Event.Visibility.PUBLIC,
        payload={
            "transition": move,
            "from": before,
            "to": TRANSFER_STATE,
            "data": {"alasan": reason} if reason else {},
        },
    )
    handling.refresh_from_db()
    return True


def complaint_reopen(complaint: Complaint, *, actor: Actor) -> Event:
    """A closed complaint is open again (the reporter escalated it in time); its closure is cleared but the
    CLOSED event stays in the timeline. The caller holds the complaint's row lock."""
    updated = Complaint.objects.filter(pk=complaint.pk, status=Complaint.Status.CLOSED).update(
        status=Complaint.Status.OPEN, closed_at=None, closure_reason="", version=F("version") + 1
    )
    if updated != 1:
        raise Conflict(_("Pengaduan ini tidak dalam keadaan selesai."))
    before = complaint.closure_reason
    complaint.refresh_from_db(fields=["status", "closed_at", "closure_reason", "version"])
    return event_add(
        complaint=complaint,
        kind=Event.Kind.REOPENED,
        actor=actor.user,
        actor_kind=actor.kind,
        visibility=Event.Visibility.PUBLIC,
        payload={"closure_reason": before},
    )


def complaint_refresh_status(complaint: Complaint, *, actor: Actor) -> None:
    """A complaint is closed when its last open handling is; its closure reason is that handling's.

    The caller holds the complaint's row lock, so two handlings closing at once cannot both miss it."""
    complaint.refresh_from_db(fields=["status", "version"])
    if complaint.status != Complaint.Status.OPEN or complaint.handlings.filter(is_open=True).exists():
        return
    last = complaint.handlings.order_by("-closed_at", "-id").first()
    reason = last.closure_reason if last else ""
    Complaint.objects.filter(pk=complaint.pk).update(
        status=Complaint.Status.CLOSED, closed_at=time.now(), closure_reason=reason, version=F("version") + 1
    )
    complaint.refresh_from_db(fields=["status", "closed_at", "closure_reason", "version"])
    event = event_add(
        complaint=complaint,
        kind=Event.Kind.CLOSED,
        actor=actor.user,
        actor_kind=actor.kind,
        visibility=Event.Visibility.PUBLIC,
        payload={"closure_reason": reason},
    )
    notify_reporter(
        complaint=complaint,
        event=event,
        template="complaint_updated",
        context={"status": _("Selesai"), "next": _("Anda dapat menilai penanganan pengaduan ini.")},
    )
