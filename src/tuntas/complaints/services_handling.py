"""Staff actions on a handling: transition, dispose, comment, assign, reveal identity.

This module is the only writer of ``Handling.state`` (see tests/complaints/test_one_writer.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling, ReporterIdentity
from tuntas.core import clock as time
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.directory.models import Organisation, User
from tuntas.notify.services import notify_reporter
from tuntas.sla.services import clocks_apply, clocks_stop_all
from tuntas.workflows import engine
from tuntas.workflows.registry import active_definition, workflow_of

SYSTEM = "sistem"
REPORTER = "pelapor"


@dataclass(frozen=True)
class Actor:
    """Who acts: a staff user, the reporter (proved by the tracking secret) or the system (clock expiry)."""

    user: User | None = None
    kind: str = ""  # "" for staff, "pelapor", "sistem"

    @property
    def roles_override(self) -> set[str] | None:
        return {self.kind} if self.kind else None


def workflow_for(handling: Handling) -> engine.Workflow:
    return workflow_of(handling.workflow)


def _lock(handling_id: int) -> Handling:
    try:
        return (
            Handling.objects.select_for_update()
            .select_related("complaint", "organisation", "workflow", "complaint__category")
            .get(pk=handling_id)
        )
    except Handling.DoesNotExist as exc:
        raise NotFound(_("Penanganan tidak ditemukan.")) from exc


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
) -> Handling:
    """Open a handling at ``organisation`` in its own SOP's initial state and start the SOP's first clocks."""
    definition = active_definition(organisation.workflow_slug)
    wf = workflow_of(definition)
    handling = Handling.objects.create(
        complaint=complaint,
        organisation=organisation,
        workflow=definition,
        state=wf.initial,
        parent=parent,
        instruction=instruction,
        opened_at=time.now(),
    )
    clocks_apply(handling=handling, workflow=wf, ops=wf.clock_ops_on_open(), tier_days=_tier(handling))
    handling.save(update_fields=["due_date"])
    event_add(
        complaint=complaint,
        handling=handling,
        kind=Event.Kind.HANDLING_OPENED,
        actor=actor.user,
        actor_kind=actor.kind,
        visibility=Event.Visibility.PUBLIC,
        message=_("Diterima oleh %(org)s.") % {"org": organisation.name},
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
        closure_reason=closure_reason or handling.closure_reason,
        version=F("version") + 1,
    )
    if updated != 1:
        raise Conflict(_("Penanganan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi."))
    handling.refresh_from_db(fields=["state", "is_open", "closed_at", "closure_reason", "version"])


def _resolve_fields(spec: engine.TransitionSpec, data: dict, handling: Handling) -> dict:
    """Turn organisation/user ids in the cleaned data into objects, checking they are valid targets."""
    resolved = dict(data)
    for field in spec.fields:
        value = data.get(field.name)
        if value in (None, ""):
            continue
        if field.type == "organisation":
            org = (
                Organisation.objects.select_related("kind")
                .filter(pk=value if str(value).isdigit() else None)
                .first()
                or Organisation.objects.select_related("kind").filter(slug=str(value)).first()
            )
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
            resolved[field.name] = org
        elif field.type == "user":
            user = User.objects.filter(
                pk=value, memberships__organisation_id=handling.organisation_id, memberships__is_active=True
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


def handling_transition(
    *,
    actor: Actor,
    handling_id: int,
    transition: str,
    data: dict | None = None,
    expected_version: int | None = None,
) -> Handling:
    """Take an SOP transition: check role, state and required fields, then move, run clocks, record, notify.

    ``expected_version`` is the version the actor saw; if someone else changed the handling since, the call
    fails with Conflict instead of acting on a state the actor never saw.
    """
    with transaction.atomic():
        handling = _lock(handling_id)
        if actor.kind == "" and not (
            actor.user
            and (
                actor.user.is_superuser or handling.organisation_id in access.organisation_ids_of(actor.user)
            )
        ):
            raise NotFound(_("Penanganan tidak ditemukan."))
        if expected_version is not None and expected_version != handling.version:
            raise Conflict(
                _("Penanganan ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi.")
            )
        wf = workflow_for(handling)
        roles = actor.roles_override or access.roles_in(actor.user, handling.organisation_id)
        try:
            spec, cleaned = wf.check(handling.state, transition, roles, data or {})
        except engine.TransitionNotAllowed as exc:
            if not handling.is_open:
                raise Conflict(_("Penanganan ini sudah selesai.")) from exc
            raise TransitionNotAllowed(str(exc)) from exc
        except engine.InvalidTransitionData as exc:
            raise InvalidInput(_("Periksa isian yang wajib."), errors=dict(exc.errors)) from exc
        values = _resolve_fields(spec, cleaned, handling)
        before = handling.state
        _move(handling, wf, spec.target, closure_reason=str(cleaned.get("closure_reason", "") or ""))
        if wf.state(spec.target).final:
            clocks_stop_all(handling)
        else:
            clocks_apply(handling=handling, workflow=wf, ops=spec.clocks, tier_days=_tier(handling))
        if "severity" in cleaned:
            handling.severity = str(cleaned["severity"])
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
        if spec.effect == "dispose":
            target = values["target"]
            handling_open(
                complaint=handling.complaint,
                organisation=target,
                actor=actor,
                parent=handling,
                instruction=str(cleaned.get("instruction", "") or ""),
            )
        if spec.visibility != Event.Visibility.INTERNAL:
            state = wf.state(spec.target)
            notify_reporter(
                complaint=handling.complaint,
                event=event,
                template="complaint_updated",
                context={"status": state.public_label, "message": message},
            )
        complaint_refresh_status(handling.complaint, actor=actor)
    return handling


def handlings_withdraw(*, complaint: Complaint, actor: Actor, reason: str) -> None:
    """The reporter withdrew (dicabut): every open handling goes to its SOP's withdrawn state."""
    for h in (
        complaint.handlings.filter(is_open=True)
        .select_for_update()
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


def complaint_refresh_status(complaint: Complaint, *, actor: Actor) -> None:
    """A complaint is closed when its last open handling is; its closure reason is that handling's."""
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


def comment_add(*, actor: User, handling_id: int, text: str, to_reporter: bool = False) -> Event:
    """An internal note, or (``to_reporter``) a message the reporter sees on the tracking page."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Tulis isi catatan."), errors={"text": _("Wajib diisi.")})
    if len(text) > 10_000:
        raise InvalidInput(_("Catatan terlalu panjang."), errors={"text": _("Maksimal 10.000 karakter.")})
    with transaction.atomic():
        handling = _lock(handling_id)
        if not access.can_act_on(actor, handling):
            raise NotPermitted(_("Anda tidak dapat menulis pada penanganan ini."))
        if to_reporter and not handling.complaint.is_open:
            raise Conflict(_("Pengaduan sudah ditutup."))
        kind = Event.Kind.REPLIED if to_reporter else Event.Kind.COMMENTED
        visibility = Event.Visibility.REPORTER if to_reporter else Event.Visibility.INTERNAL
        event = event_add(
            complaint=handling.complaint,
            handling=handling,
            kind=kind,
            actor=actor,
            visibility=visibility,
            message=text,
        )
        if to_reporter:
            notify_reporter(
                complaint=handling.complaint,
                event=event,
                template="complaint_updated",
                context={"status": _("Pesan dari petugas"), "message": text},
            )
    return event


def handling_assign(*, actor: User, handling_id: int, assignee_id: int | None) -> Handling:
    """Give the handling to a member of its organisation (or clear it). Petugas may only take it themselves."""
    with transaction.atomic():
        handling = _lock(handling_id)
        assignee = None
        if assignee_id is not None:
            assignee = (
                User.objects.filter(
                    pk=assignee_id,
                    is_active=True,
                    memberships__organisation_id=handling.organisation_id,
                    memberships__is_active=True,
                )
                .distinct()
                .first()
            )
            if assignee is None:
                raise InvalidInput(
                    _("Petugas bukan anggota unit ini."), errors={"assignee": _("Tidak valid.")}
                )
            if not access.can_assign(actor, handling, assignee):
                raise NotPermitted(_("Anda tidak dapat menugaskan penanganan ini."))
        elif not (access.roles_in(actor, handling.organisation_id) & access.ASSIGNING_ROLES):
            raise NotPermitted(_("Anda tidak dapat mengubah penugasan."))
        before = handling.assignee_id
        Handling.objects.filter(pk=handling.pk).update(assignee=assignee, version=F("version") + 1)
        handling.refresh_from_db(fields=["assignee", "version"])
        event_add(
            complaint=handling.complaint,
            handling=handling,
            kind=Event.Kind.ASSIGNED,
            actor=actor,
            payload={
                "from": before,
                "to": assignee.pk if assignee else None,
                "name": str(assignee) if assignee else "",
            },
        )
    return handling


def identity_view(*, actor: User, complaint_id: int) -> ReporterIdentity | None:
    """Show the reporter's identity to an allowed role; each view of a confidential identity is recorded."""
    complaint = access.visible_complaints(actor).filter(pk=complaint_id).first()
    if complaint is None:
        raise NotFound(_("Pengaduan tidak ditemukan."))
    if not access.can_see_identity(actor, complaint):
        raise NotPermitted(_("Anda tidak berhak melihat identitas pelapor."))
    identity = ReporterIdentity.objects.filter(complaint=complaint).first()
    if identity is not None and complaint.privacy == Complaint.Privacy.CONFIDENTIAL:
        event_add(
            complaint=complaint,
            kind=Event.Kind.IDENTITY_VIEWED,
            actor=actor,
            payload={"privacy": complaint.privacy},
        )
    return identity
