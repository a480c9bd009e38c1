"""Moves between organisations that are not a step of the sender's SOP.

- ``handling_take_over`` (limpah ke atas, ambil alih): the Inspektorat takes a complaint over from a unit; the
  unit's handling closes ("dilimpahkan") and one opens at the Inspektorat.
- ``reporter_escalate``: a reporter unhappy with the answer takes the complaint to the Inspektorat covering
  its region, and from there to the Ombudsman Perwakilan (see ``escalation`` for when). The Inspektorat takes
  the waiting handlings over; the Ombudsman examines alongside them. A closed complaint opens again.

The moves that are SOP transitions (disposisi, teruskan, limpah ke bawah, eskalasi by a unit, kembalikan) run
through ``services_handling.handling_transition``. Every move is one transaction: the sender's handling
closes (or stays, for a parallel examination), the receiver's opens, both are in the timeline, the
TRANSFERRED event links them and the receiving organisation gets an outbox email (``transfers``).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from tuntas.complaints import routing, transfers
from tuntas.complaints.escalation import EscalationOption, escalation_option
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.complaints.notifications import notify_reporter
from tuntas.complaints.services_handling import (
    TRANSFER_STATE,
    Actor,
    complaint_reopen,
    handling_close_for_transfer,
    handling_open,
    receiver_problem,
)
from tuntas.complaints.services_reporter import REPORTER, complaint_by_secret, complaint_by_token
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Organisation, Role, User
from tuntas.workflows.registry import workflow_for

# The Inspektur (pimpinan) decides a take-over; an admin of the Inspektorat may record it.
TAKE_OVER_ROLES = frozenset({Role.PIMPINAN, Role.ADMIN})
MAX_REASON = 5000


def _reason(text: str, *, field: str = "reason") -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Tulis alasannya."), errors={field: _("Wajib diisi.")})
    if len(text) > MAX_REASON:
        raise InvalidInput(_("Alasan terlalu panjang."), errors={field: _("Maksimal 5.000 karakter.")})
    return text


def _inspektorat_of(actor: User, complaint: Complaint) -> Organisation:
    """The actor's Inspektorat covering the complaint's region, where they hold a take-over role.

    Someone with no Inspektorat covering it cannot see the handling at all (NotFound); a member without the
    role sees it but may not take it over (NotPermitted)."""
    code = routing.complaint_region_code(complaint)
    covering = [
        m
        for m in memberships_of(actor)
        .filter(organisation__kind__oversight_rank__gt=0, organisation__kind__is_external_oversight=False)
        .select_related("organisation", "organisation__kind")
        if code is None or routing.covers(m.organisation, code)
    ]
    if not covering:
        raise NotFound(_("Penanganan tidak ditemukan."))
    allowed = [m.organisation for m in covering if m.role in TAKE_OVER_ROLES]
    if not allowed:
        raise NotPermitted(_("Hanya Inspektur yang dapat mengambil alih pengaduan."))
    return allowed[0]


def handling_take_over(*, actor: User, handling_id: int, reason: str) -> Handling:
    """Limpah ke atas: the Inspektur takes over an open handling of a unit in the Inspektorat's region.

    The unit's handling closes into its SOP's "dilimpahkan" state (reason "dilimpahkan"); a handling opens at
    the Inspektorat in its SOP's first state with the reason as its instruction. Returns the new handling."""
    reason = _reason(reason)
    seen = (
        Handling.objects.select_related("complaint", "organisation__kind", "workflow")
        .filter(pk=handling_id)
        .first()
    )
    if seen is None:
        raise NotFound(_("Penanganan tidak ditemukan."))
    inspektorat = _inspektorat_of(actor, seen.complaint)
    if seen.organisation.kind.is_oversight:
        raise Conflict(_("Penanganan oleh lembaga pengawas tidak dapat diambil alih."))
    if not seen.is_open:
        raise Conflict(_("Penanganan ini sudah selesai."))
    if TRANSFER_STATE not in workflow_for(seen).states:
        raise Conflict(_("SOP unit ini tidak mengenal pelimpahan ke Inspektorat."))
    problem = receiver_problem(seen.complaint_id, inspektorat)
    if problem is not None:
        raise Conflict(problem)
    by = Actor(user=actor)
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(pk=seen.complaint_id)
        handling = Handling.objects.select_related("organisation", "workflow").get(pk=seen.pk)
        if not handling.is_open:
            raise Conflict(_("Penanganan ini sudah selesai."))
        handling_close_for_transfer(
            handling=handling,
            actor=by,
            closure_reason="dilimpahkan",
            move=transfers.AMBIL_ALIH,
            reason=reason,
        )
        opened = handling_open(
            complaint=complaint, organisation=inspektorat, actor=by, parent=handling, instruction=reason
        )
        event = transfers.transfer_recorded(
            complaint=complaint,
            move=transfers.AMBIL_ALIH,
            sender=handling,
            receiver=opened,
            actor_user=actor,
            reason=reason,
        )
        notify_reporter(
            complaint=complaint,
            event=event,
            template="complaint_updated",
            context={"status": workflow_for(opened).state(opened.state).public_label},
        )
    return opened


def _escalated_from(complaint: Complaint, option: EscalationOption) -> Handling | None:
    """The handling the reporter escalates from: the latest answer awaiting them, else the last closed one."""
    if option.waiting:
        return max(option.waiting, key=lambda h: (h.opened_at, h.pk))
    return (
        complaint.handlings.filter(is_open=False)
        .select_related("organisation")
        .order_by("-closed_at", "-id")
        .first()
    )


def reporter_escalate(*, code: str, secret: str = "", token: str = "", reason: str) -> Handling:
    """The reporter asks the next oversight body to look at the complaint, with a reason.

    Allowed while an answer awaits their response or within the window after closure (``escalation``).
    A closed complaint opens again; escalating to the Inspektorat closes the answers awaiting the reporter
    (the Inspektorat takes them over), escalating to the Ombudsman leaves them open (parallel examination).
    Returns the new handling."""
    reason = _reason(reason)
    proved = complaint_by_token(code, token) if token else complaint_by_secret(code, secret)
    with transaction.atomic():
        complaint = Complaint.objects.select_for_update().get(pk=proved.pk)
        option = escalation_option(complaint)
        if option is None:
            raise Conflict(_("Pengaduan ini tidak dapat diajukan ke lembaga pengawas saat ini."))
        target = option.organisation
        problem = receiver_problem(complaint.pk, target)
        if problem is not None:
            raise Conflict(problem)
        sender = _escalated_from(complaint, option)
        event_add(
            complaint=complaint,
            kind=Event.Kind.ESCALATION_REQUESTED,
            actor_kind=REPORTER.kind,
            visibility=Event.Visibility.REPORTER,
            message=reason,
            payload={"organisation": {"id": target.pk, "name": target.name}, "reopens": option.reopens},
        )
        if option.reopens:
            complaint_reopen(complaint, actor=REPORTER)
        if not option.external:
            for h in option.waiting:
                handling_close_for_transfer(
                    handling=h,
                    actor=REPORTER,
                    closure_reason="dieskalasi_pelapor",
                    move=transfers.ESKALASI_PELAPOR,
                    reason=reason,
                )
        opened = handling_open(
            complaint=complaint, organisation=target, actor=REPORTER, parent=sender, instruction=reason
        )
        transfers.transfer_recorded(
            complaint=complaint,
            move=transfers.ESKALASI_PELAPOR,
            sender=sender,
            receiver=opened,
            actor_kind=REPORTER.kind,
            reason=reason,
        )
    return opened
