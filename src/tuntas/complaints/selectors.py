"""Reads, already filtered by what the actor may see. Anything not visible is NotFound, like a missing row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.models import Attachment, Complaint, Event, Handling
from tuntas.complaints.services_handling import workflow_for
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.codes import format_code
from tuntas.core.errors import NotFound
from tuntas.directory.models import User

DUE_SOON_WORKING_DAYS = 2


@dataclass(frozen=True)
class InboxFilters:
    state: str = ""
    category: str = ""  # slug
    due: str = ""  # "overdue" | "soon"
    assignee: str = ""  # "me" | "none" | user id
    region: str = ""  # Kemendagri code prefix (kecamatan or desa)
    q: str = ""  # text or tracking code
    status: str = "open"  # "open" | "closed" | "all"
    organisation: int | None = None
    sort: str = "due"  # "due" | "-opened" | "opened"


def inbox(user: User, f: InboxFilters) -> QuerySet[Handling]:
    """Handlings of the user's organisations, filtered and sorted (earliest deadline first by default).

    "overdue": open with a due date before today; "soon": due today or within DUE_SOON_WORKING_DAYS working
    days. One query for the rows (complaint, category, region, organisation, assignee, workflow joined)."""
    qs = access.visible_handlings(user).select_related(
        "complaint", "complaint__category", "complaint__region", "organisation", "assignee", "workflow"
    )
    if f.organisation:
        qs = qs.filter(organisation_id=f.organisation)
    if f.status == "open":
        qs = qs.filter(is_open=True)
    elif f.status == "closed":
        qs = qs.filter(is_open=False)
    if f.state:
        qs = qs.filter(state=f.state)
    if f.category:
        qs = qs.filter(complaint__category__slug=f.category)
    today = time.today()
    if f.due == "overdue":
        qs = qs.filter(is_open=True, due_date__lt=today)
    elif f.due == "soon":
        limit = calendar_for(None).working_days_add(today, DUE_SOON_WORKING_DAYS)
        qs = qs.filter(is_open=True, due_date__gte=today, due_date__lte=limit)
    if f.assignee == "me":
        qs = qs.filter(assignee=user)
    elif f.assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif f.assignee.isdigit():
        qs = qs.filter(assignee_id=int(f.assignee))
    if f.region:
        qs = qs.filter(
            Q(complaint__region_id=f.region) | Q(complaint__region__code__startswith=f.region + ".")
        )
    q = f.q.strip()
    if q:
        qs = qs.filter(
            Q(complaint__tracking_code=format_code(q))
            | Q(complaint__title__icontains=q)
            | Q(complaint__description__icontains=q)
        )
    if f.sort == "opened":
        return qs.order_by("opened_at", "id")
    if f.sort == "-opened":
        return qs.order_by("-opened_at", "-id")
    return qs.order_by(F("due_date").asc(nulls_last=True), "opened_at", "id")  # earliest deadline first


def handling_for(user: User, handling_id: int) -> Handling:
    h = (
        access.visible_handlings(user)
        .select_related("complaint", "organisation", "workflow", "assignee", "complaint__category")
        .filter(pk=handling_id)
        .first()
    )
    if h is None:
        raise NotFound(_("Penanganan tidak ditemukan."))
    return h


def complaint_for(user: User, complaint_id: int) -> Complaint:
    c = (
        access.visible_complaints(user)
        .select_related(
            "category", "region", "region__parent", "reported_organisation", "intake_organisation"
        )
        .filter(pk=complaint_id)
        .first()
    )
    if c is None:
        raise NotFound(_("Pengaduan tidak ditemukan."))
    return c


def staff_timeline(complaint: Complaint) -> QuerySet[Event]:
    return complaint.events.select_related("actor", "handling__organisation").order_by("created_at", "id")


def reporter_timeline(complaint: Complaint) -> QuerySet[Event]:
    return (
        complaint.events.filter(visibility__in=[Event.Visibility.REPORTER, Event.Visibility.PUBLIC])
        .select_related("handling__organisation")
        .order_by("created_at", "id")
    )


def staff_attachments(user: User, complaint: Complaint) -> QuerySet[Attachment]:
    """Identity documents only for those who may see the identity."""
    qs = complaint.attachments.all()
    if not access.can_see_identity(user, complaint):
        qs = qs.filter(identifying=False)
    return qs


def reporter_attachments(complaint: Complaint) -> QuerySet[Attachment]:
    return complaint.attachments.filter(visibility__in=[Event.Visibility.REPORTER, Event.Visibility.PUBLIC])


@dataclass(frozen=True)
class PublicStatus:
    label: str
    next_step: str
    due_date: dt.date | None
    organisation: str
    waiting_for_reporter: bool
    can_reply: bool
    can_accept: bool
    can_rate: bool
    can_withdraw: bool


def _en() -> bool:
    return (get_language() or "id").startswith("en")


def public_status(complaint: Complaint) -> PublicStatus:
    """Plain words for the citizen: where it is, what happens next and by when, what they can do now."""
    if complaint.status == Complaint.Status.WITHDRAWN:
        return PublicStatus(_("Dicabut oleh pelapor"), "", None, "", False, False, False, False, False)
    if complaint.status == Complaint.Status.CLOSED:
        label = _("Selesai")
        last = complaint.handlings.exclude(closure_reason="").order_by("-closed_at", "-id").first()
        if last is not None:
            reason = workflow_for(last).closure_reasons.get(last.closure_reason)
            text = (reason.public_label_en if _en() else reason.public_label) if reason else ""
            if text and text.casefold() != label.casefold():  # no "Selesai: Selesai"
                label = f"{label}: {text}"
        return PublicStatus(label, "", None, "", False, False, False, complaint.rating is None, False)
    handlings = list(complaint.handlings.filter(is_open=True).select_related("workflow", "organisation"))
    current = max(handlings, key=lambda h: (h.opened_at, h.id)) if handlings else None
    if current is None:
        return PublicStatus(_("Dalam proses"), "", None, "", False, True, False, False, True)
    wf = workflow_for(current)
    state = wf.state(current.state)
    due = current.due_date
    due_text = date_format(due, "j F Y") if due else ""  # "7 Desember 2026" in the active language
    template = state.public_next_en if _en() else state.public_next
    next_step = template.replace("{due}", due_text) if template else ""
    waiting = any(workflow_for(h).state(h.state).waiting_for_reporter for h in handlings)
    can_accept = any(workflow_for(h).reporter_transition(h.state, "accept") is not None for h in handlings)
    return PublicStatus(
        label=state.public_label_en if _en() else state.public_label,
        next_step=next_step,
        due_date=due,
        organisation=current.organisation.name,
        waiting_for_reporter=waiting,
        can_reply=True,
        can_accept=can_accept,
        can_rate=False,
        can_withdraw=True,
    )
