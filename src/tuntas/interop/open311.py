"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over our complaints: what each endpoint
returns, as plain dicts and lists; ``views.py`` turns them into JSON or XML.

Services are the active complaint categories (service_code = category slug). status is "open" while the
complaint is open, "closed" once it is closed or withdrawn; status_notes is the message of the newest
event the public may read (``complaints.access.audience``: none on a confidential or anonymous complaint,
whose answers reach only its reporter). A complaint that is not public is listed without its text, address
or coordinates, and no
request ever carries the reporter's identity (Open311 has no field for it, and we add none).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.models import Category, Complaint, Event
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit
from tuntas.core import clock as time
from tuntas.core.errors import InvalidInput
from tuntas.interop.models import Open311Client, Open311Request

SPEC = "http://wiki.open311.org/GeoReport_v2"
DEFAULT_DAYS = 90  # the spec's default window when no dates are given, and the widest window served
MAX_REQUESTS = 1000  # the spec's default and our maximum number of requests per answer
PRIVACY_ATTRIBUTE = "privacy"


class Open311Error(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def jurisdiction() -> str:
    return settings.TUNTAS_OPEN311_JURISDICTION or "tuntas"


def check_jurisdiction(value: str) -> None:
    if value and value != jurisdiction():
        raise Open311Error(404, _("jurisdiction_id tidak dikenal: %(j)s") % {"j": value})


def discovery(base_url: str) -> dict:
    return {
        "changeset": "2026-12-03T00:00:00Z",
        "contact": getattr(settings, "DEFAULT_FROM_EMAIL", ""),
        "key_service": _("Kunci API diberikan oleh admin Tuntas per aplikasi klien."),
        "endpoints": [
            {
                "specification": SPEC,
                "url": base_url,
                "changeset": "2026-12-03T00:00:00Z",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def _categories():
    return Category.objects.filter(is_active=True).select_related("parent").order_by("sort", "name")


def services() -> list[dict]:
    return [
        {
            "service_code": c.slug,
            "service_name": c.name,
            "description": c.name_en or c.name,
            "metadata": True,
            "type": "realtime",
            "keywords": "",
            "group": c.parent.name if c.parent_id else "",
        }
        for c in _categories()
    ]


def _category(code: str) -> Category:
    category = Category.objects.filter(slug=code, is_active=True).first()
    if category is None:
        raise Open311Error(404, _("service_code tidak dikenal: %(c)s") % {"c": code})
    return category


def service_definition(code: str) -> dict:
    category = _category(code)
    return {
        "service_code": category.slug,
        "attributes": [
            {
                "variable": True,
                "code": PRIVACY_ATTRIBUTE,
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": _(
                    "Kerahasiaan pengaduan. Tanpa nama dan kontak pelapor: anonim; dengan: rahasia."
                ),
                "order": 1,
                "description": _("Kerahasiaan"),
                "values": [{"key": k, "name": str(n)} for k, n in Complaint.Privacy.choices],
            }
        ],
    }


def _status(c: Complaint) -> str:
    return "open" if c.status == Complaint.Status.OPEN else "closed"


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _as_request(c: Complaint, notes: dict[int, str], updated: dict[int, dt.datetime]) -> dict:
    public = c.privacy == Complaint.Privacy.PUBLIC
    return {
        "service_request_id": c.tracking_code,
        "status": _status(c),
        "status_notes": notes.get(c.pk, ""),
        "service_name": c.category.name if c.category_id else "",
        "service_code": c.category.slug if c.category_id else "",
        "description": c.description if public else "",
        "agency_responsible": c.intake_organisation.name,
        "service_notice": "",
        "requested_datetime": _iso(c.submitted_at),
        "updated_datetime": _iso(updated.get(c.pk) or c.submitted_at),
        "expected_datetime": None,
        "address": c.location_text if public else "",
        "address_id": "",
        "zipcode": "",
        "lat": float(c.latitude) if public and c.latitude is not None else None,
        "long": float(c.longitude) if public and c.longitude is not None else None,
        "media_url": "",
    }


def _rows(qs) -> list[dict]:  # noqa: ANN001
    complaints = list(qs.select_related("category", "intake_organisation"))
    ids = [c.pk for c in complaints]
    by_id = {c.pk: c for c in complaints}
    notes: dict[int, str] = {}
    updated: dict[int, dt.datetime] = {}
    for e in Event.objects.filter(complaint_id__in=ids).order_by("created_at", "id"):
        updated[e.complaint_id] = e.created_at
        # Only what the public may read: a confidential or anonymous complaint's answer stays off the feed.
        if e.message and access.audience(by_id[e.complaint_id], e.visibility) == "public":
            notes[e.complaint_id] = e.message
    return [_as_request(c, notes, updated) for c in complaints]


def _when(value: str, name: str) -> dt.datetime | None:
    if not value:
        return None
    parsed = parse_datetime(value.strip().replace(" ", "+"))
    if parsed is None:
        raise Open311Error(400, _("%(n)s bukan tanggal W3C (mis. 2026-01-31T08:00:00+08:00).") % {"n": name})
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def requests_list(params: dict) -> list[dict]:
    """GET requests: by service_request_id (a comma list; other filters are then ignored, as the spec says),
    else by service_code, status and a date window (default: the last 90 days; at most 90 days)."""
    qs = Complaint.objects.all()
    ids = [i.strip() for i in (params.get("service_request_id") or "").split(",") if i.strip()]
    if ids:
        return _rows(qs.filter(tracking_code__in=ids[:MAX_REQUESTS]).order_by("-submitted_at"))
    start = _when(params.get("start_date", ""), "start_date")
    end = _when(params.get("end_date", ""), "end_date")
    if start and end and start > end:
        raise Open311Error(400, _("start_date harus sebelum end_date."))
    window = dt.timedelta(days=DEFAULT_DAYS)
    if start and end and end - start > window:
        raise Open311Error(400, _("Rentang tanggal paling lama %(d)s hari.") % {"d": DEFAULT_DAYS})
    if end is None:
        end = start + window if start else time.now()
    if start is None:
        start = end - window
    qs = qs.filter(submitted_at__gte=start, submitted_at__lte=end)
    codes = [c.strip() for c in (params.get("service_code") or "").split(",") if c.strip()]
    if codes:
        qs = qs.filter(category__slug__in=codes)
    statuses = {s.strip() for s in (params.get("status") or "").split(",") if s.strip()}
    if statuses - {"open", "closed"}:
        raise Open311Error(400, _("status harus open atau closed."))
    if statuses == {"open"}:
        qs = qs.filter(status=Complaint.Status.OPEN)
    elif statuses == {"closed"}:
        qs = qs.exclude(status=Complaint.Status.OPEN)
    return _rows(qs.order_by("-submitted_at")[:MAX_REQUESTS])


def request_get(request_id: str) -> list[dict]:
    rows = _rows(Complaint.objects.filter(tracking_code=request_id))
    if not rows:
        raise Open311Error(404, _("Permintaan tidak ditemukan: %(id)s") % {"id": request_id})
    return rows


def token_get(token: str) -> list[dict]:
    row = Open311Request.objects.filter(token=token).select_related("complaint").first()
    if row is None:
        raise Open311Error(404, _("Token tidak ditemukan: %(t)s") % {"t": token})
    return [{"service_request_id": row.complaint.tracking_code, "token": row.token}]


@dataclass(frozen=True)
class Posted:
    complaint: Complaint
    token: str


def _attributes(params: dict) -> dict[str, str]:
    return {
        k[len("attribute[") : -1]: v
        for k, v in params.items()
        if k.startswith("attribute[") and k.endswith("]")
    }


def request_create(*, client: Open311Client, params: dict) -> Posted:
    """POST requests: file a complaint through the intake service (channel Open311). With a name, email or
    phone the reporter's identity is kept confidential (the ``privacy`` attribute may ask for public);
    without any, the complaint is anonymous and stores no identity."""
    check_jurisdiction(params.get("jurisdiction_id", ""))
    category = _category(params.get("service_code", "") or "")
    lat, lon = params.get("lat", ""), params.get("long", "")
    address = (params.get("address_string") or "").strip()
    if not ((lat and lon) or address or params.get("address_id")):
        raise Open311Error(400, _("Isi lat dan long, atau address_string."))
    description = (params.get("description") or "").strip()
    media = (params.get("media_url") or "").strip()
    if media:
        description = f"{description}\n\n{_('Media')}: {media[:500]}"
    first, last = (params.get("first_name") or "").strip(), (params.get("last_name") or "").strip()
    email, phone = (params.get("email") or "").strip(), (params.get("phone") or "").strip()
    name = f"{first} {last}".strip() or email or phone
    privacy = Complaint.Privacy.CONFIDENTIAL if name else Complaint.Privacy.ANONYMOUS
    asked = _attributes(params).get(PRIVACY_ATTRIBUTE, "")
    if asked:
        if asked not in Complaint.Privacy.values:
            raise Open311Error(400, _("attribute[privacy] harus public, confidential atau anonymous."))
        privacy = asked
    short = " ".join(description.split())[:80]
    data = ComplaintInput(
        title=f"{category.name}: {short}"[:200],
        description=description,
        privacy=privacy,
        category=category.slug,
        location_text=address[:300],
        latitude=lat or None,
        longitude=lon or None,
        reporter=ReporterInput(name=name, email=email, phone=phone),
    )
    with transaction.atomic():
        submitted = complaint_submit(data=data, channel=Complaint.Channel.OPEN311)
        token = secrets.token_urlsafe(16)
        Open311Request.objects.create(
            client=client, complaint=submitted.complaint, token=token, created_at=time.now()
        )
    return Posted(complaint=submitted.complaint, token=token)


def invalid_input_errors(exc: InvalidInput) -> list[tuple[int, str]]:
    errors = getattr(exc, "errors", None) or {}
    if not errors:
        return [(400, str(exc.message))]
    return [(400, f"{field}: {message}") for field, message in errors.items()]
