"""Staff actions beside the SOP's moves: notes and messages, assignment, revealing the reporter's identity.

None of these changes a handling's state (that is ``services_handling``). A handling or complaint the actor
cannot see is NotFound, the same as one that does not exist; one they see but may not change is NotPermitted.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.attachments import Upload, files_clean, staff_attachments_save
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling, ReporterIdentity
from tuntas.complaints.notifications import notify_reporter, notify_staff_about
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


def handling_assign(*, actor: User, handling_id: int, assignee_id: int | None) -> Handling:
    """Give the handling to a member of its organisation (or clear it). Petugas may only take it themselves."""
    with transaction.atomic():
        handling = _visible_locked(actor, handling_id)
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
        elif not (roles_in(actor, handling.organisation_id) & access.ASSIGNING_ROLES):
            raise NotPermitted(_("Anda tidak dapat mengubah penugasan."))
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
        if assignee is not None and assignee.pk != before and assignee.pk != actor.pk:
            notify_staff_about(
                complaint=handling.complaint,
                organisation=handling.organisation,
                key="staff_assigned",
                context={"assigned_by": actor.display_name, "due_date": handling.due_date},
                users=[assignee],
                event=event,
            )
    return handling


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
