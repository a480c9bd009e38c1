"""Staff actions beside the SOP's moves: notes and messages, assignment, revealing the reporter's identity.

None of these changes a handling's state (that is ``services_handling``). A handling or complaint the actor
cannot see is NotFound, the same as one that does not exist; one they see but may not change is NotPermitted.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.attachments import Upload, files_clean, staff_attachments_save
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling, ReporterIdentity
from tuntas.complaints.notifications import complaint_summary, notify_reporter, notify_staff_about
from tuntas.complaints.services_handling import _lock
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.directory.access import roles_in
from tuntas.directory.models import User


def _visible_locked(actor: User, handling_id: int) -> Handling:
    if not access.visible_handlings(actor).filter(pk=handling_id).exists():
        raise NotFound(_("Penanganan tidak ditemukan."))
    return _lock(handling_id)


def comment_add(
    *,
    actor: User,
    handling_id: int,
    text: str,
    to_reporter: bool = False,
    files: tuple[Upload, ...] = (),
) -> Event:
    """An internal note, or (``to_reporter``) a message the reporter sees on the tracking page and by email;
    ``files`` are attached to it, cleaned, seen by whoever reads it (``attachments``)."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Tulis isi catatan."), errors={"text": _("Wajib diisi.")})
    if len(text) > 10_000:
        raise InvalidInput(_("Catatan terlalu panjang."), errors={"text": _("Maksimal 10.000 karakter.")})
    cleaned = files_clean(files)
    with transaction.atomic():
        handling = _visible_locked(actor, handling_id)
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
        staff_attachments_save(event=event, files=cleaned)
        if to_reporter:
            notify_reporter(
                complaint=handling.complaint,
                event=event,
                template="complaint_updated",
                context={"status": _("Pesan dari petugas"), "message": text},
            )
    return event


BULK_ASSIGN_LIMIT = 100  # a page of the inbox is 25; four pages at most in one go


def _assignee(handling: Handling, assignee_id: int | None) -> User | None:
    """The active member of the handling's organisation with ``assignee_id`` (None clears the handling)."""
    if assignee_id is None:
        return None
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
        raise InvalidInput(_("Petugas bukan anggota unit ini."), errors={"assignee": _("Tidak valid.")})
    return assignee


def _check_may_assign(actor: User, handling: Handling, assignee: User | None) -> None:
    if assignee is not None:
        if not access.can_assign(actor, handling, assignee):
            raise NotPermitted(_("Anda tidak dapat menugaskan penanganan ini."))
    elif not (roles_in(actor, handling.organisation_id) & access.ASSIGNING_ROLES):
        raise NotPermitted(_("Anda tidak dapat mengubah penugasan."))


def _assign(actor: User, handling: Handling, assignee: User | None) -> tuple[Event, bool]:
    """Write the assignment of a locked, checked handling: the row (version bumped) and its ASSIGNED event;
    and whether the assignee is someone to tell (not the actor, and not already holding it)."""
    before = handling.assignee_id
    Handling.objects.filter(pk=handling.pk).update(assignee=assignee, version=F("version") + 1)
    handling.refresh_from_db(fields=["assignee", "version"])
    event = event_add(
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
    return event, assignee is not None and assignee.pk not in (before, actor.pk)


def handling_assign(*, actor: User, handling_id: int, assignee_id: int | None) -> Handling:
    """Give the handling to a member of its organisation (or clear it). Petugas may only take it themselves."""
    with transaction.atomic():
        handling = _visible_locked(actor, handling_id)
        assignee = _assignee(handling, assignee_id)
        _check_may_assign(actor, handling, assignee)
        event, tell = _assign(actor, handling, assignee)
        if tell:
            notify_staff_about(
                complaint=handling.complaint,
                organisation=handling.organisation,
                key="staff_assigned",
                context={"assigned_by": actor.display_name, "due_date": handling.due_date},
                users=[assignee],
                event=event,
            )
    return handling


def handlings_assign(*, actor: User, handling_ids: Iterable[int], assignee_id: int | None) -> list[Handling]:
    """Give several handlings to one member (or clear them): all of them or none.

    One transaction; the handlings are locked in id order (two pimpinan reassigning overlapping lists wait
    for each other instead of deadlocking) and each is checked as ``handling_assign`` checks one, plus that it
    is still open. The first one refused refuses the whole batch, its tracking code in the message, and
    nothing is written. Each handling gets its ASSIGNED event; the assignee gets one message per unit
    listing what they were given (``staff_assigned`` for one, ``staff_assigned_bulk`` for several)."""
    ids = sorted(set(handling_ids))
    if not ids:
        raise InvalidInput(
            _("Pilih setidaknya satu penanganan."), errors={"handlings": _("Belum ada yang dipilih.")}
        )
    if len(ids) > BULK_ASSIGN_LIMIT:
        raise InvalidInput(
            _("Paling banyak %(limit)d penanganan sekali tugaskan.") % {"limit": BULK_ASSIGN_LIMIT},
            errors={"handlings": _("Terlalu banyak.")},
        )
    if access.visible_handlings(actor).filter(pk__in=ids).count() != len(ids):
        raise NotFound(_("Penanganan tidak ditemukan."))
    with transaction.atomic():
        handlings = list(
            Handling.objects.select_related("complaint", "organisation")
            .select_for_update(of=("self",))
            .filter(pk__in=ids)
            .order_by("pk")
        )
        chosen: list[tuple[Handling, User | None]] = []
        for handling in handlings:
            code = handling.complaint.tracking_code
            if not handling.is_open:
                raise InvalidInput(
                    _("%(code)s sudah selesai ditangani; hapus dari pilihan lalu coba lagi.")
                    % {"code": code},
                    errors={"handlings": code},
                )
            try:
                assignee = _assignee(handling, assignee_id)
                _check_may_assign(actor, handling, assignee)
            except (InvalidInput, NotPermitted) as exc:
                raise type(exc)(f"{code}: {exc.message}", errors={"handlings": code}) from exc
            chosen.append((handling, assignee))
        told: dict[int, list[tuple[Handling, Event]]] = {}
        for handling, assignee in chosen:
            event, tell = _assign(actor, handling, assignee)
            if tell:
                told.setdefault(handling.organisation_id, []).append((handling, event))
        assignee = chosen[0][1]
        for given in told.values():
            _tell_bulk(actor, assignee, given)
    return handlings


def _tell_bulk(actor: User, assignee: User, given: list[tuple[Handling, Event]]) -> None:
    first, event = given[0]
    if len(given) == 1:
        context = {"assigned_by": actor.display_name, "due_date": first.due_date}
        key = "staff_assigned"
    else:
        dates = [h.due_date for h, _e in given if h.due_date]
        context = {
            "assigned_by": actor.display_name,
            "items": [complaint_summary(h.complaint) for h, _e in given],
            "total": len(given),
            "due_date": min(dates) if dates else None,
        }
        key = "staff_assigned_bulk"
    notify_staff_about(
        complaint=first.complaint,
        organisation=first.organisation,
        key=key,
        context=context,
        users=[assignee],
        event=event,
    )


def identity_view(*, actor: User, complaint_id: int) -> ReporterIdentity | None:
    """Show the reporter's identity to an allowed role (see ``access``); each view of a confidential
    identity is recorded as an IDENTITY_VIEWED event (internal) naming the viewer."""
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
