"""Citizen endpoints: no account, no cookies. Filing and tracking are rate limited per client address;
the tracking secret travels in the body, never in a URL (URLs end up in logs and browser history)."""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import Iterator

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited
from ninja import Query, Router, Schema, Status
from ninja.throttling import BaseThrottle

from tuntas.api import present
from tuntas.api.schemas import (
    AttachmentIn,
    CategoryOut,
    ComplaintIn,
    ErrorOut,
    OrganisationOut,
    RateIn,
    RegionOut,
    ReplyIn,
    ServiceOut,
    SubmittedOut,
    TrackIn,
    TrackOut,
    WithdrawIn,
)
from tuntas.complaints import services
from tuntas.complaints.models import Category, Complaint
from tuntas.core.errors import InvalidInput
from tuntas.directory.models import Organisation, Region
from tuntas.standards.selectors import published_standards

router = Router(tags=["public"])

# 400: a body that is not JSON at all; 422: JSON that breaks the schema or the service's rules.
ERRORS = {400: ErrorOut, 422: ErrorOut, 429: ErrorOut}
TRACK_ERRORS = {404: ErrorOut, 409: ErrorOut, **ERRORS}

# Service error keys -> the API's field paths, so a client can point at the field it sent.
API_FIELDS = {
    "name": "reporter.name",
    "email": "reporter.email",
    "phone": "reporter.phone",
    "nik": "reporter.nik",
    "region": "region_code",
    "service": "service_id",
    "files": "attachments",
}


class IpRateLimit(BaseThrottle):
    """django-ratelimit's per-address counter as a ninja throttle, so it runs before the body is parsed and
    malformed requests count too. The rate is read from settings on each request."""

    def __init__(self, group: str, rate_setting: str) -> None:
        self.group, self.rate_setting = group, rate_setting

    def allow_request(self, request: HttpRequest) -> bool:
        # is_ratelimited itself honours settings.RATELIMIT_ENABLE.
        rate = getattr(settings, self.rate_setting)
        return not is_ratelimited(request, group=self.group, key="ip", rate=rate, increment=True)


@contextlib.contextmanager
def _api_field_names() -> Iterator[None]:
    try:
        yield
    except InvalidInput as exc:
        errors = {API_FIELDS.get(k, k): v for k, v in exc.errors.items()}
        raise InvalidInput(exc.message, errors=errors) from exc


SUBMIT_RATE = IpRateLimit("tuntas:submit", "TUNTAS_RATE_SUBMIT")
TRACK_RATE = IpRateLimit("tuntas:track", "TUNTAS_RATE_TRACK")


def _decode(files: list[AttachmentIn]) -> tuple[tuple[str, bytes], ...]:
    decoded, errors = [], {}
    for i, f in enumerate(files):
        try:
            decoded.append((f.name, base64.b64decode(f.content_base64, validate=True)))
        except (binascii.Error, ValueError):
            errors[f"attachments.{i}.content_base64"] = _("Bukan base64 yang sah.")
    if errors:
        raise InvalidInput(_("Lampiran tidak dapat dibaca."), errors=errors)
    return tuple(decoded)


@router.post(
    "/complaints", response={201: SubmittedOut, **ERRORS}, url_name="complaint_submit", throttle=SUBMIT_RATE
)
def complaint_submit(request: HttpRequest, payload: ComplaintIn):
    """File a complaint. The response carries the tracking code and the secret; the secret is shown once."""
    r = payload.reporter
    data = services.ComplaintInput(
        title=payload.title,
        description=payload.description,
        privacy=payload.privacy,
        classification=payload.classification,
        category=payload.category,
        region_code=payload.region_code,
        location_text=payload.location_text,
        latitude=payload.latitude,
        longitude=payload.longitude,
        reported_organisation=payload.reported_organisation,
        intake_organisation=payload.intake_organisation,
        service_name=payload.service_name,
        service=payload.service_id,
        occurred_on=payload.occurred_on,
        reporter=services.ReporterInput(
            name=r.name, email=r.email, phone=r.phone, nik=r.nik, address=r.address
        ),
        files=_decode(payload.attachments),
    )
    with _api_field_names():
        result = services.complaint_submit(data=data, channel=Complaint.Channel.API)
    return Status(201, present.submitted(result))


@router.post("/track", response={200: TrackOut, **TRACK_ERRORS}, url_name="track", throttle=TRACK_RATE)
def track(request: HttpRequest, payload: TrackIn):
    """Follow a complaint with its tracking code and secret. A wrong code or secret is the same 404."""
    return present.track(services.complaint_by_secret(payload.tracking_code, payload.secret))


@router.post(
    "/track/reply", response={200: TrackOut, **TRACK_ERRORS}, url_name="track_reply", throttle=TRACK_RATE
)
def track_reply(request: HttpRequest, payload: ReplyIn):
    """Answer the unit (or send the information it asked for); with ``accept`` the answer settles it."""
    with _api_field_names():
        event = services.reporter_reply(
            code=payload.tracking_code,
            secret=payload.secret,
            message=payload.message,
            files=_decode(payload.attachments),
            accept=payload.accept,
        )
    # Read again as stored, by id: the secret was checked once (its PBKDF2 costs ~11 ms; not twice a request).
    return present.track(Complaint.objects.get(pk=event.complaint_id))


@router.post(
    "/track/rate", response={200: TrackOut, **TRACK_ERRORS}, url_name="track_rate", throttle=TRACK_RATE
)
def track_rate(request: HttpRequest, payload: RateIn):
    """Rate the handling 1-5, once, after the complaint is closed."""
    complaint = services.reporter_rate(
        code=payload.tracking_code, secret=payload.secret, rating=payload.rating, comment=payload.comment
    )
    return present.track(complaint)


@router.post(
    "/track/withdraw",
    response={200: TrackOut, **TRACK_ERRORS},
    url_name="track_withdraw",
    throttle=TRACK_RATE,
)
def track_withdraw(request: HttpRequest, payload: WithdrawIn):
    """Withdraw the complaint (dicabut): every open handling closes."""
    complaint = services.reporter_withdraw(
        code=payload.tracking_code, secret=payload.secret, reason=payload.reason
    )
    return present.track(complaint)


class EscalateIn(TrackIn):
    reason: str = ""


@router.post(
    "/track/escalate",
    response={200: TrackOut, **TRACK_ERRORS},
    url_name="track_escalate",
    throttle=TRACK_RATE,
)
def track_escalate(request: HttpRequest, payload: EscalateIn):
    """Take the complaint to the next oversight body (the Inspektorat, then the Ombudsman Perwakilan) with
    a reason: while an answer awaits the reporter's response, or up to 10 working days after closure (409
    otherwise). A closed complaint opens again; earlier handlings stay in the timeline."""
    with _api_field_names():
        opened = services.reporter_escalate(
            code=payload.tracking_code, secret=payload.secret, reason=payload.reason
        )
    return present.track(Complaint.objects.get(pk=opened.complaint_id))


# --- directory --------------------------------------------------------------------------------------------
@router.get("/categories", response={200: list[CategoryOut], 422: ErrorOut}, url_name="categories")
def categories(request: HttpRequest):
    rows = Category.objects.filter(is_active=True).select_related("parent")
    return [
        {
            "slug": c.slug,
            "name": present.category_ref(c)["name"],
            "parent": c.parent.slug if c.parent else None,
        }
        for c in rows
    ]


class RegionFilters(Schema):
    parent: str | None = None  # empty: the provinces


@router.get("/regions", response={200: list[RegionOut], 422: ErrorOut}, url_name="regions")
def regions(request: HttpRequest, filters: Query[RegionFilters]):
    """Children of a region (``?parent=63.02`` lists its kecamatan); without ``parent``, the provinces."""
    qs = Region.objects.all()
    qs = qs.filter(parent_id=filters.parent) if filters.parent else qs.filter(parent__isnull=True)
    return [
        {"code": r.code, "name": r.name, "level": r.level, "kind": r.kind, "parent": r.parent_id}
        for r in qs.order_by("code")
    ]


class OrganisationFilters(Schema):
    kind: str | None = None
    accepts_complaints: bool | None = None


@router.get("/organisations", response={200: list[OrganisationOut], 422: ErrorOut}, url_name="organisations")
def organisations(request: HttpRequest, filters: Query[OrganisationFilters]):
    """The public directory of active organisations (``?kind=opd``, ``?accepts_complaints=true``)."""
    qs = Organisation.objects.filter(is_active=True)
    if filters.kind:
        qs = qs.filter(kind_id=filters.kind)
    if filters.accepts_complaints is not None:
        qs = qs.filter(accepts_complaints=filters.accepts_complaints)
    return [
        {
            "id": o.pk,
            "slug": o.slug,
            "name": o.name,
            "kind": o.kind_id,
            "accepts_complaints": o.accepts_complaints,
        }
        for o in qs.order_by("name")
    ]


class ServiceFilters(Schema):
    organisation: str | None = None  # slug


@router.get("/services", response={200: list[ServiceOut], 422: ErrorOut}, url_name="services")
def services_list(request: HttpRequest, filters: Query[ServiceFilters]):
    """Services with a published standard (``?organisation=disdukcapil``): a complaint names one with
    ``service_id``; ``standard_url`` is its public page with the 14 components."""
    qs = published_standards().select_related("service__organisation")
    if filters.organisation:
        qs = qs.filter(service__organisation__slug=filters.organisation)
    return [
        {
            "id": st.service_id,
            "name": st.service.name,
            "organisation": st.service.organisation.slug,
            "standard_url": request.build_absolute_uri(
                reverse("portal:standard_detail", args=[st.service.organisation.slug, st.service.slug])
            ),
        }
        for st in qs.order_by("service__organisation__name", "service__sort", "service__name")
    ]
