"""Reads, already filtered by what the actor may see. Anything not visible is NotFound, like a missing row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuntas.complaints import access
from tuntas.complaints.escalation import escalation_option
from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.codes import format_code, normalise
from tuntas.core.errors import NotFound
from tuntas.core.i18n import english
from tuntas.directory.models import Organisation, Role, User
from tuntas.sla.policy import DUE_SOON_WORKING_DAYS
from tuntas.workflows.registry import workflow_for


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
    channel: str = ""  # Complaint.Channel value
    opened_from: dt.date | None = None  # handling opened on or after (local date); the dashboard's drill-down
    opened_to: dt.date | None = None  # handling opened on or before (local date)


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


# A text of 4 to 20 characters is also read as part of a tracking code (fewer letters match too many).
MIN_CODE_FRAGMENT, MAX_CODE_TEXT = 4, 20


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
    if f.channel:
        qs = qs.filter(complaint__channel=f.channel)
    if f.opened_from:
        qs = qs.filter(opened_at__gte=_local_midnight(f.opened_from))
    if f.opened_to:
        qs = qs.filter(opened_at__lt=_local_midnight(f.opened_to + dt.timedelta(days=1)))
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
        text = Q(complaint__title__icontains=q) | Q(complaint__description__icontains=q)
        fragment = normalise(q)
        if len(fragment) >= MIN_CODE_FRAGMENT and len(q) <= MAX_CODE_TEXT:
            # Part of a tracking code ("GMR9", "gmr9q2", "KTB-GMR9"), dashes and spaces ignored, in the
            # same query as the rest: the stored code with its dashes taken out contains the fragment.
            qs = qs.alias(_code_plain=Replace("complaint__tracking_code", Value("-"), Value("")))
            text |= Q(_code_plain__contains=fragment)
        else:
            text |= Q(complaint__tracking_code=format_code(q))
        qs = qs.filter(text)
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
class HandlingStatus:
    """One open handling as the citizen sees it (a complaint may be handled by two bodies at once)."""

    organisation: str
    label: str
    next_step: str
    due_date: dt.date | None
    waiting_for_reporter: bool


@dataclass(frozen=True)
class PublicStatus:
    label: str
    next_step: str
    due_date: dt.date | None
    organisation: str  # the most recently opened handling's; ``handlings`` lists every open one
    waiting_for_reporter: bool
    can_reply: bool
    can_accept: bool
    can_rate: bool
    can_withdraw: bool
    handlings: tuple[HandlingStatus, ...] = ()
    can_escalate: bool = False
    escalate_to: str = ""  # the oversight body's name
    escalate_kind: str = ""  # "inspektorat" | "ombudsman"
    escalate_until: dt.date | None = None  # for a closed complaint: the last day to ask


def _escalation_fields(complaint: Complaint, handlings: list[Handling]) -> dict:
    option = escalation_option(complaint, handlings)
    if option is None:
        return {}
    return {
        "can_escalate": True,
        "escalate_to": option.organisation.name,
        "escalate_kind": "ombudsman" if option.external else "inspektorat",
        "escalate_until": option.until,
    }


def _handling_status(h: Handling) -> HandlingStatus:
    state = workflow_for(h).state(h.state)
    due_text = date_format(h.due_date, "j F Y") if h.due_date else ""  # "7 Desember 2026" in the language
    template = state.public_next_en if english() else state.public_next
    return HandlingStatus(
        organisation=h.organisation.name,
        label=state.public_label_en if english() else state.public_label,
        next_step=template.replace("{due}", due_text) if template else "",
        due_date=h.due_date,
        waiting_for_reporter=state.waiting_for_reporter,
    )


def _closed_label(handlings: list[Handling]) -> str:
    """The citizen's words for a closed complaint: "Selesai" only where the ending is a resolution; any other
    ending (not carried out, outside the remit, a duplicate, ...) reads "Ditutup: <reason>", never "Selesai:"."""
    resolved = _("Selesai")
    ended = [h for h in handlings if h.closure_reason]
    last = max(ended, key=lambda h: (h.closed_at, h.id)) if ended else None
    reason = workflow_for(last).closure_reasons.get(last.closure_reason) if last is not None else None
    text = (reason.public_label_en if english() else reason.public_label) if reason else ""
    if not text or text.casefold().startswith(resolved.casefold()):  # "Selesai", "Selesai, rekomendasi ..."
        return text or resolved
    return _("Ditutup: %(reason)s") % {"reason": text}


def public_status(complaint: Complaint) -> PublicStatus:
    """Plain words for the citizen: where it is, what happens next and by when, what they can do now,
    every open handling (two bodies may handle it at once), and whether they may escalate it."""
    if complaint.status == Complaint.Status.WITHDRAWN:
        return PublicStatus(_("Dicabut oleh pelapor"), "", None, "", False, False, False, False, False)
    every = list(complaint.handlings.select_related("workflow", "organisation__kind"))
    if complaint.status == Complaint.Status.CLOSED:
        return PublicStatus(
            label=_closed_label(every),
            next_step="",
            due_date=None,
            organisation="",
            waiting_for_reporter=False,
            can_reply=False,
            can_accept=False,
            can_rate=complaint.rating is None,
            can_withdraw=False,
            **_escalation_fields(complaint, every),
        )
    handlings = sorted((h for h in every if h.is_open), key=lambda h: (h.opened_at, h.id))
    if not handlings:
        return PublicStatus(_("Dalam proses"), "", None, "", False, True, False, False, True)
    current = handlings[-1]  # the most recently opened
    shown = _handling_status(current)
    waiting = any(workflow_for(h).state(h.state).waiting_for_reporter for h in handlings)
    can_accept = any(workflow_for(h).reporter_transition(h.state, "accept") is not None for h in handlings)
    return PublicStatus(
        label=shown.label,
        next_step=shown.next_step,
        due_date=current.due_date,
        organisation=shown.organisation,
        waiting_for_reporter=waiting,
        can_reply=True,
        can_accept=can_accept,
        can_rate=False,
        can_withdraw=True,
        handlings=tuple(_handling_status(h) for h in handlings),
        **_escalation_fields(complaint, every),
    )


# --- what a receiving organisation will see -------------------------------------------------------------

IDENTITY_FIELDS = ("name", "email", "phone", "nik", "address")
# What every organisation handling a complaint reads on the console's complaint page.
PREVIEW_FIELDS = (
    ("tracking_code", gettext_lazy("Kode lacak")),
    ("title", gettext_lazy("Judul")),
    ("description", gettext_lazy("Uraian")),
    ("classification", gettext_lazy("Klasifikasi")),
    ("category", gettext_lazy("Kategori")),
    ("region", gettext_lazy("Wilayah")),
    ("location_text", gettext_lazy("Lokasi")),
    ("reported_organisation", gettext_lazy("Instansi yang diadukan")),
    ("service_name", gettext_lazy("Layanan")),
    ("occurred_on", gettext_lazy("Tanggal kejadian")),
    ("channel", gettext_lazy("Kanal")),
    ("submitted_at", gettext_lazy("Diajukan")),
)


def _field_value(complaint: Complaint, name: str) -> str:
    display = getattr(complaint, f"get_{name}_display", None)
    value = display() if display else getattr(complaint, name)
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return date_format(timezone.localtime(value), "j F Y, H.i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    return str(value)


def _identity_reason(org: Organisation, complaint: Complaint, visible: bool) -> str:
    if complaint.privacy == Complaint.Privacy.ANONYMOUS:
        return "anonymous"
    if complaint.privacy == Complaint.Privacy.PUBLIC:
        return "public"
    if visible:
        return "oversight"
    return "terlapor" if access.is_terlapor(org, complaint) else "unit"


def receiver_preview(user: User, complaint: Complaint, organisation: Organisation) -> dict:
    """What members of ``organisation`` will see of ``complaint`` once it is moved there, for the sender to
    check before sending: the complaint's fields, whether the reporter's identity (and which parts of it) is
    visible and to which roles, which attachments, and how many staff notes travel with the timeline.

    Decided by the same rule as the access checks (``access.organisation_sees_identity``). Tells the sender
    nothing they may not see themselves: identifying attachments they cannot open are only counted.
    NotFound if ``user`` cannot see the complaint."""
    if not access.can_view_complaint(user, complaint):
        raise NotFound(_("Pengaduan tidak ditemukan."))
    visible = access.organisation_sees_identity(organisation, complaint)
    identity = ReporterIdentity.objects.filter(complaint=complaint).first()
    identity_fields = [
        str(ReporterIdentity._meta.get_field(name).verbose_name)
        for name in IDENTITY_FIELDS
        if visible and identity is not None and getattr(identity, name)
    ]
    sender_sees_identity = access.can_see_identity(user, complaint)
    attachments, for_receiver_only, hidden = [], 0, 0
    for a in complaint.attachments.order_by("created_at", "id"):
        if a.identifying and not visible:
            hidden += 1
        elif a.identifying and not sender_sees_identity:
            for_receiver_only += 1
        else:
            attachments.append({"id": a.pk, "name": a.original_name, "identifying": a.identifying})
    roles = access.identity_roles_in(organisation, complaint) - {Role.VIEWER}
    return {
        "organisation": {"id": organisation.pk, "name": organisation.name, "kind": organisation.kind_id},
        "privacy": complaint.privacy,
        "privacy_label": complaint.get_privacy_display(),
        "is_terlapor": access.is_terlapor(organisation, complaint),
        "identity_visible": visible,
        "identity_reason": _identity_reason(organisation, complaint, visible),
        "identity_fields": identity_fields,
        "identity_roles": sorted(str(Role(r).label) for r in roles) if visible else [],
        "fields": [
            {"name": name, "label": str(label), "value": _field_value(complaint, name)}
            for name, label in PREVIEW_FIELDS
        ],
        "attachments": attachments,
        "attachments_identifying_not_shown_to_you": for_receiver_only,
        "attachments_hidden": hidden,
        "internal_notes": complaint.events.filter(kind=Event.Kind.COMMENTED).count(),
    }
