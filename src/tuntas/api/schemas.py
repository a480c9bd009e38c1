"""Input and output shapes of the API (the boundary; services keep their own dataclasses)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from tuntas.complaints import limits

MAX_ATTACHMENTS = 5  # settings.TUNTAS_MAX_ATTACHMENTS; the service checks the configured value again


class ErrorOut(Schema):
    code: str = Field(description="machine-readable: invalid_input, unauthenticated, not_found, ...")
    message: str
    errors: dict[str, str] = Field(default_factory=dict, description="field (dotted path) -> message")


# --- references --------------------------------------------------------------------------------------
class OrganisationRef(Schema):
    id: int
    slug: str
    name: str


class CategoryRef(Schema):
    slug: str
    name: str


class RegionRef(Schema):
    code: str
    name: str


class UserRef(Schema):
    id: int
    name: str


# --- public directory ----------------------------------------------------------------------------------
class CategoryOut(Schema):
    slug: str
    name: str
    parent: str | None = Field(None, description="slug of the parent category")


class RegionOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    parent: str | None


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    accepts_complaints: bool


class ServiceOut(Schema):
    id: int
    name: str
    organisation: str = Field(description="slug of the organisation that provides it")
    standard_url: str


# --- public: filing and tracking -------------------------------------------------------------------------
class ReporterIn(Schema):
    name: str = Field("", max_length=limits.NAME_MAX)
    email: str = Field("", max_length=limits.EMAIL_MAX)
    phone: str = Field("", max_length=30)
    nik: str = Field("", max_length=16, description="16-digit NIK")
    address: str = Field("", max_length=300)


class AttachmentIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    content_base64: str = Field(description="JPEG, PNG, WebP or PDF, base64-encoded")


class ComplaintIn(Schema):
    # The upper sizes the intake service enforces, declared so clients can check first; the lower ones
    # (after trimming spaces) come back from the service with the other field errors in one answer.
    title: str = Field(
        max_length=limits.TITLE_MAX, description=f"{limits.TITLE_MIN} to {limits.TITLE_MAX} characters"
    )
    description: str = Field(
        max_length=limits.DESCRIPTION_MAX,
        description=f"{limits.DESCRIPTION_MIN} to {limits.DESCRIPTION_MAX} characters",
    )
    privacy: str = Field(
        "confidential",
        json_schema_extra={"enum": ["public", "confidential", "anonymous"]},
        description="anonymous stores no identity at all; confidential hides it from the unit complained about",
    )
    classification: str = Field(
        "pengaduan", json_schema_extra={"enum": ["pengaduan", "aspirasi", "permintaan_informasi"]}
    )
    category: str | None = Field(None, description="category slug (GET /categories)")
    region_code: str | None = Field(None, max_length=13, description="Kemendagri code, e.g. 63.02.06.2005")
    location_text: str = Field("", max_length=1000)
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    reported_organisation: str | None = Field(None, description="slug of the organisation complained about")
    intake_organisation: str | None = Field(None, description="slug of a unit that takes complaints directly")
    service_name: str = Field("", max_length=1000)
    service_id: int | None = Field(
        None, description="id of a registered service (GET /services); sets the terlapor"
    )
    occurred_on: dt.date | None = None
    reporter: ReporterIn = Field(default_factory=ReporterIn)
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)


class SubmittedOut(Schema):
    tracking_code: str
    secret: str = Field(description="shown once: with the tracking code it opens the complaint")
    status: str
    status_label: str
    next_step: str
    due_date: dt.date | None


class TrackIn(Schema):
    tracking_code: str = Field(max_length=40)
    secret: str = Field(max_length=40)


class ReplyIn(TrackIn):
    message: str = ""
    accept: bool = Field(False, description="the answer settles it (the handling closes)")
    attachments: list[AttachmentIn] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)


class RateIn(TrackIn):
    rating: int = Field(ge=1, le=5, description="1 (poor) to 5 (excellent)")
    comment: str = ""


class WithdrawIn(TrackIn):
    reason: str = ""


class PublicEventOut(Schema):
    kind: str
    kind_label: str
    at: dt.datetime
    message: str
    state_label: str = Field(description="the public status this event led to, if any")
    organisation: str


class PublicAttachmentOut(Schema):
    name: str
    size: int
    content_type: str


class PublicHandlingOut(Schema):
    organisation: str
    label: str
    next_step: str
    due_date: dt.date | None
    waiting_for_reporter: bool


class TrackOut(Schema):
    code: str
    title: str
    description: str
    category: str
    classification: str
    privacy: str
    submitted_at: dt.datetime
    status: str
    status_label: str
    organisation: str
    next_step: str
    due_date: dt.date | None
    can_reply: bool
    can_accept: bool
    can_rate: bool
    can_withdraw: bool
    handlings: list[PublicHandlingOut] = Field(description="every body handling the complaint now")
    can_escalate: bool = Field(
        description="the reporter may ask the next oversight body (POST /track/escalate)"
    )
    escalate_to: str = Field(description="that body's name, when can_escalate")
    escalate_kind: str = Field(description='"inspektorat" or "ombudsman", when can_escalate')
    escalate_until: dt.date | None = Field(description="for a closed complaint: the last day to ask")
    rating: int | None
    timeline: list[PublicEventOut]
    attachments: list[PublicAttachmentOut]


# --- staff ------------------------------------------------------------------------------------------------
class HandlingFilters(Schema):
    status: str = Field("open", description="open | closed | all")
    state: str = ""
    category: str = Field("", description="category slug")
    due: str = Field("", description="overdue | soon")
    assignee: str = Field("", description="me | none | user id")
    region: str = Field("", description="region code prefix")
    q: str = Field("", description="text or tracking code")
    organisation: int | None = None
    sort: str = Field("due", description="due | opened | -opened")
    limit: int = Field(25, ge=1, description="at most 100")
    offset: int = Field(0, ge=0)


class HandlingListItem(Schema):
    id: int
    complaint_id: int
    tracking_code: str
    title: str
    category: CategoryRef | None
    region: RegionRef | None
    organisation: OrganisationRef
    state: str
    state_label: str
    assignee: UserRef | None
    due_date: dt.date | None
    overdue: bool
    version: int


class HandlingPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[HandlingListItem]


class ChoiceOut(Schema):
    value: str
    label: str


class FieldOut(Schema):
    name: str
    type: str
    required: bool
    label: str
    help: str
    choices: list[ChoiceOut]
    kinds: list[str] = Field(description="organisation kinds allowed (type organisation)")


class TransitionOut(Schema):
    name: str
    label: str
    style: str
    fields: list[FieldOut]


class HandlingOut(Schema):
    id: int
    complaint_id: int
    organisation: OrganisationRef
    workflow: str
    state: str
    state_label: str
    is_open: bool
    assignee: UserRef | None
    parent_id: int | None
    instruction: str
    severity: str
    closure_reason: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    due_date: dt.date | None
    overdue: bool
    version: int
    transitions: list[TransitionOut] = Field(description="what the caller may do now")


class StaffEventOut(Schema):
    id: int
    kind: str
    kind_label: str
    at: dt.datetime
    visibility: str
    actor: UserRef | None
    actor_kind: str = Field(description="pelapor, sistem, or empty for a staff actor")
    handling_id: int | None
    organisation: str
    message: str
    payload: dict[str, Any]


class StaffAttachmentOut(Schema):
    id: int
    name: str
    size: int
    content_type: str
    from_reporter: bool
    identifying: bool
    visibility: str
    created_at: dt.datetime


class ReporterOut(Schema):
    name: str
    email: str
    phone: str
    nik: str
    address: str


class ComplaintStaffOut(Schema):
    id: int
    tracking_code: str
    title: str
    description: str
    classification: str
    category: CategoryRef | None
    channel: str
    privacy: str
    region: RegionRef | None
    location_text: str
    latitude: Decimal | None
    longitude: Decimal | None
    reported_organisation: OrganisationRef | None
    intake_organisation: OrganisationRef
    service_name: str
    occurred_on: dt.date | None
    status: str
    closure_reason: str
    submitted_at: dt.datetime
    closed_at: dt.datetime | None
    rating: int | None
    rating_comment: str
    version: int
    handlings: list[HandlingOut]
    timeline: list[StaffEventOut]
    attachments: list[StaffAttachmentOut]
    reporter: ReporterOut | None = Field(
        description="only for public complaints and callers who may see it; see /identity for confidential"
    )
    identity_available: bool = Field(
        description="a confidential identity the caller may open with GET /complaints/{id}/identity (logged)"
    )


class IdentityOut(Schema):
    reporter: ReporterOut | None


class TransitionIn(Schema):
    transition: str
    data: dict[str, Any] = Field(default_factory=dict)
    expected_version: int | None = Field(None, description="the version you saw; 409 if it changed since")


class CommentIn(Schema):
    text: str
    to_reporter: bool = False


class AssignIn(Schema):
    assignee_id: int | None
