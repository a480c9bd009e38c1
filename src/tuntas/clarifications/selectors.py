"""Reads for requests, filtered by what the actor may see (invisible = NotFound), with deadline flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tuntas.clarifications import access
from tuntas.clarifications.models import Document, InfoRequest, Routing
from tuntas.complaints import selectors as complaint_selectors
from tuntas.complaints.models import Attachment, Complaint, ReporterIdentity
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import NotFound
from tuntas.directory.access import organisation_ids_of
from tuntas.directory.models import Organisation, User
from tuntas.sla.policy import DUE_SOON_WORKING_DAYS

BOXES = ("incoming", "outgoing")


@dataclass(frozen=True)
class DueWindow:
    today: dt.date
    soon_until: dt.date

    def flag(self, due: dt.date | None, running: bool) -> str:
        """ "overdue", "soon" or "" — the same rule as the complaint inbox."""
        if not running or due is None:
            return ""
        if due < self.today:
            return "overdue"
        if due <= self.soon_until:
            return "soon"
        return ""


def due_window(today: dt.date | None = None) -> DueWindow:
    today = today or time.today()
    return DueWindow(today, calendar_for(None).working_days_add(today, DUE_SOON_WORKING_DAYS))


def request_flag(request: InfoRequest, window: DueWindow) -> str:
    return window.flag(request.due_date, request.awaiting_receiver)


def routing_flag(row: Routing, window: DueWindow) -> str:
    return window.flag(row.due_date, row.is_open and row.request.awaiting_receiver)


def _base(user: User) -> QuerySet[InfoRequest]:
    return access.visible_requests(user).select_related(
        "complaint", "kind", "sender_organisation", "receiver_organisation", "sender"
    )


def incoming(user: User) -> QuerySet[InfoRequest]:
    """Requests my organisations must answer: received, or routed to one of my units."""
    orgs = organisation_ids_of(user)
    return _base(user).filter(Q(receiver_organisation_id__in=orgs) | Q(routings__organisation_id__in=orgs))


def outgoing(user: User) -> QuerySet[InfoRequest]:
    return _base(user).filter(sender_organisation_id__in=organisation_ids_of(user))


def request_list(
    user: User, *, box: str = "incoming", due: str = "", status: str = "open"
) -> QuerySet[InfoRequest]:
    """One tab of the list: ``due`` "overdue" | "soon"; ``status`` "open" (not closed) | "closed" | "all".
    Earliest deadline first."""
    qs = outgoing(user) if box == "outgoing" else incoming(user)
    if status == "open":
        qs = qs.exclude(status__in=InfoRequest.CLOSED_STATUSES)
    elif status == "closed":
        qs = qs.filter(status__in=InfoRequest.CLOSED_STATUSES)
    window = due_window()
    running = qs.filter(status__in=InfoRequest.OPEN_STATUSES)
    if due == "overdue":
        qs = running.filter(due_date__lt=window.today)
    elif due == "soon":
        qs = running.filter(due_date__gte=window.today, due_date__lte=window.soon_until)
    return qs.distinct().order_by("due_date", "id")


def overdue_counts(user: User) -> dict[str, int]:
    today = time.today()
    return {
        box: request_list(user, box=box)
        .filter(status__in=InfoRequest.OPEN_STATUSES, due_date__lt=today)
        .count()
        for box in BOXES
    }


def open_counts(user: User) -> dict[str, int]:
    """Requests not yet closed in each box: the tab labels, and which box the list opens on."""
    return {box: request_list(user, box=box).count() for box in BOXES}


def default_box(counts: dict[str, int]) -> str:
    """The box the list opens on: incoming when it holds anything (work to do), else outgoing when that
    does (answers to wait for), else incoming."""
    if counts.get("incoming") or not counts.get("outgoing"):
        return "incoming"
    return "outgoing"


def request_for(user: User, request_id: int) -> InfoRequest:
    r = _base(user).filter(pk=request_id).first()
    if r is None:
        raise NotFound(_("Permintaan tidak ditemukan."))
    return r


def routings_for(user: User, request: InfoRequest) -> list[Routing]:
    """Every routing for the sender and the receiver; a unit sees only its own."""
    qs = request.routings.select_related("organisation", "routed_by", "answered_by", "request")
    if not access.sees_whole_thread(user, request):
        qs = qs.filter(organisation_id__in=organisation_ids_of(user))
    return list(qs.order_by("routed_at", "id"))


def documents_for(user: User, request: InfoRequest) -> QuerySet[Document]:
    """The request's files; the receiver sees all, the sender what was sent to it (its own, the reply and
    the unit documents passed on), a unit the request's files and its own answers."""
    qs = request.documents.select_related("organisation")
    orgs = organisation_ids_of(user)
    if user.is_superuser or request.receiver_organisation_id in orgs:
        return qs
    shown = Q(stage=Document.Stage.REQUEST)
    if request.sender_organisation_id in orgs:
        shown |= Q(stage=Document.Stage.REPLY) | Q(stage=Document.Stage.UNIT, in_reply=True)
    shown |= Q(routing__organisation_id__in=orgs)
    return qs.filter(shown)


def complaint_attachments_for(user: User, request: InfoRequest) -> QuerySet[Attachment]:
    """The complaint's attachments a request participant may open from the request: never an identifying
    one unless the request's pages may show the identity to this user (a public complaint)."""
    qs = request.complaint.attachments.all()
    if not access.viewer_sees_identity(user, request):
        qs = qs.filter(identifying=False)
    return qs


def identity_for(user: User, request: InfoRequest) -> ReporterIdentity | None:
    if not access.viewer_sees_identity(user, request):
        return None
    return ReporterIdentity.objects.filter(complaint=request.complaint).first()


def complaint_requests(user: User, complaint: Complaint) -> QuerySet[InfoRequest]:
    return _base(user).filter(complaint=complaint).order_by("-sent_at", "-id")


def request_preview(user: User, complaint: Complaint, receiver: Organisation) -> dict:
    """What ``receiver``'s members will see of the complaint through the request, for the sender to check
    before sending: ``complaint_selectors.receiver_preview`` (the same fields and attachment rule as a
    transfer) with the identity decided by the request rule (``access.shows_identity``)."""
    preview = complaint_selectors.receiver_preview(user, complaint, receiver)
    visible = access.shows_identity(receiver, complaint)
    if not visible and preview["identity_visible"]:
        # An oversight body would see a confidential identity on its own handling; a request never carries
        # it, and identifying attachments stay behind too.
        hidden = sum(1 for a in preview["attachments"] if a["identifying"])
        preview = {
            **preview,
            "identity_visible": False,
            "identity_reason": "request",
            "identity_fields": [],
            "identity_roles": [],
            "attachments": [a for a in preview["attachments"] if not a["identifying"]],
            "attachments_hidden": preview["attachments_hidden"]
            + hidden
            + preview["attachments_identifying_not_shown_to_you"],
            "attachments_identifying_not_shown_to_you": 0,
        }
    preview["internal_notes"] = 0  # the timeline does not travel with a request
    return preview


def complaint_substance(complaint: Complaint) -> list[dict]:
    """The complaint's fields a request shows every participant: the same list a transfer preview shows
    (never the identity: that is decided separately by ``identity_for``)."""
    rows = []
    for name, label in complaint_selectors.PREVIEW_FIELDS:
        display = getattr(complaint, f"get_{name}_display", None)
        value = display() if display else getattr(complaint, name)
        if isinstance(value, dt.datetime):
            value = date_format(timezone.localtime(value), "j F Y, H.i")
        elif isinstance(value, dt.date):
            value = date_format(value, "j F Y")
        rows.append({"name": name, "label": str(label), "value": "" if value is None else str(value)})
    return rows
