"""Filing a complaint: validate everything first, then write complaint, identity, files, handling and events
in one transaction, so bad input never leaves a half-written complaint."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuntas.complaints import limits
from tuntas.complaints.attachments import attachments_save
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Category, Complaint, Event, ReporterIdentity
from tuntas.complaints.notifications import notify_reporter, notify_staff_about
from tuntas.complaints.routing import code_prefix_for, intake_for
from tuntas.complaints.services_handling import Actor, handling_open
from tuntas.core import clock as time
from tuntas.core import codes
from tuntas.core.errors import Conflict, InvalidInput
from tuntas.core.files import clean_uploads
from tuntas.directory.models import Organisation, Region
from tuntas.standards.models import Service

# How the intake organisation's staff message names a complaint that just arrived from a reporter.
NEW_COMPLAINT_LABEL = gettext_lazy("Pengaduan baru dari pelapor")


@dataclass(frozen=True)
class ReporterInput:
    name: str = ""
    email: str = ""
    phone: str = ""
    nik: str = ""
    address: str = ""


@dataclass(frozen=True)
class ComplaintInput:
    title: str
    description: str
    privacy: str = Complaint.Privacy.CONFIDENTIAL
    classification: str = Complaint.Classification.PENGADUAN
    category: str | None = None  # slug
    region_code: str | None = None
    location_text: str = ""
    latitude: object = None
    longitude: object = None
    reported_organisation: str | None = None  # slug of the organisation complained about, if known
    intake_organisation: str | None = None  # slug, to file directly at a unit that takes complaints
    service_name: str = ""
    service: int | None = None  # id of a registered service (standards.Service); sets the terlapor too
    occurred_on: dt.date | None = None
    reporter: ReporterInput = field(default_factory=ReporterInput)
    # (file name, raw bytes): evidence the handlers see, and identity documents treated like the identity
    files: tuple[tuple[str, bytes], ...] = ()
    identity_files: tuple[tuple[str, bytes], ...] = ()


@dataclass(frozen=True)
class Submitted:
    complaint: Complaint
    secret: str  # shown to the reporter once; only its hash is stored


def _service(service_id: object, reported: Organisation | None, errors: dict[str, str]) -> Service | None:
    """The registered service a complaint names: active, and of the organisation complained about if one
    is named too."""
    try:
        pk = int(service_id)
    except (TypeError, ValueError):
        pk = 0
    service = (
        Service.objects.filter(pk=pk, is_active=True).select_related("organisation").first() if pk else None
    )
    if service is None:
        errors["service"] = _("Layanan tidak dikenal.")
        return None
    if reported is not None and service.organisation_id != reported.pk:
        errors["service"] = _("Layanan ini bukan layanan instansi yang diadukan.")
        return None
    return service


_PHONE = re.compile(r"^\+?[0-9]{8,15}$")


def _phone(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "")


def _coordinate(value: object, name: str, low: int, high: int, errors: dict[str, str]) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        d = Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        errors[name] = _("Koordinat tidak valid.")
        return None
    if not d.is_finite():  # "NaN" parses, but cannot be compared
        errors[name] = _("Koordinat tidak valid.")
        return None
    if not (low <= d <= high):
        errors[name] = _("Koordinat di luar jangkauan.")
        return None
    return d


def _validate(data: ComplaintInput) -> dict:
    errors: dict[str, str] = {}
    title, description = (data.title or "").strip(), (data.description or "").strip()
    if len(title) < limits.TITLE_MIN:
        errors["title"] = _("Judul minimal %(n)s karakter.") % {"n": limits.TITLE_MIN}
    elif len(title) > limits.TITLE_MAX:
        errors["title"] = _("Judul maksimal %(n)s karakter.") % {"n": limits.TITLE_MAX}
    if len(description) < limits.DESCRIPTION_MIN:
        errors["description"] = _("Ceritakan kejadiannya minimal %(n)s karakter.") % {
            "n": limits.DESCRIPTION_MIN
        }
    elif len(description) > limits.DESCRIPTION_MAX:
        errors["description"] = _("Uraian maksimal %(n)s karakter.") % {
            "n": f"{limits.DESCRIPTION_MAX:,}".replace(",", ".")
        }
    if data.privacy not in Complaint.Privacy.values:
        errors["privacy"] = _("Pilih publik, rahasia atau anonim.")
    if data.classification not in Complaint.Classification.values:
        errors["classification"] = _("Klasifikasi tidak dikenal.")
    category = None
    if data.category:
        category = Category.objects.filter(slug=data.category, is_active=True).first()
        if category is None:
            errors["category"] = _("Kategori tidak dikenal.")
    region = None
    if data.region_code:
        region = Region.objects.filter(code=data.region_code.strip()).first()
        if region is None:
            errors["region"] = _("Wilayah tidak dikenal.")
    reported = intake = None
    if data.reported_organisation:
        reported = Organisation.objects.filter(slug=data.reported_organisation, is_active=True).first()
        if reported is None:
            errors["reported_organisation"] = _("Instansi tidak dikenal.")
    service = None
    if data.service is not None:
        service = _service(data.service, reported, errors)
        if service is not None and reported is None and "reported_organisation" not in errors:
            reported = service.organisation
    if data.intake_organisation:
        intake = Organisation.objects.filter(slug=data.intake_organisation, is_active=True).first()
        if intake is None:
            errors["intake_organisation"] = _("Unit tidak dikenal.")
    lat = _coordinate(data.latitude, "latitude", -90, 90, errors)
    lon = _coordinate(data.longitude, "longitude", -180, 180, errors)
    if (lat is None) != (lon is None) and "latitude" not in errors and "longitude" not in errors:
        errors["latitude"] = _("Isi lintang dan bujur bersama-sama.")
    occurred_on = _date(data.occurred_on, errors)
    reporter = data.reporter
    if data.privacy != Complaint.Privacy.ANONYMOUS:
        name = (reporter.name or "").strip()
        if len(name) < limits.NAME_MIN:
            errors["name"] = _("Nama wajib diisi (atau pilih anonim).")
        elif len(name) > limits.NAME_MAX:
            errors["name"] = _("Nama maksimal %(n)s karakter.") % {"n": limits.NAME_MAX}
        email = (reporter.email or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors["email"] = _("Alamat email tidak valid.")
            else:
                if len(email) > limits.EMAIL_MAX:
                    errors["email"] = _("Alamat email terlalu panjang.")
        phone = _phone(reporter.phone)
        if phone and not _PHONE.match(phone):
            errors["phone"] = _("Nomor telepon tidak valid.")
        if reporter.nik and not re.fullmatch(r"[0-9]{16}", reporter.nik.strip()):
            errors["nik"] = _("NIK terdiri dari 16 angka.")
    elif data.identity_files:
        errors["identity_files"] = _("Pengaduan anonim tidak menyimpan dokumen identitas.")
    evidence, identity_files = [], []
    if len(data.files) + len(data.identity_files) > settings.TUNTAS_MAX_ATTACHMENTS:
        errors["files"] = _("Paling banyak %(n)s lampiran.") % {"n": settings.TUNTAS_MAX_ATTACHMENTS}
    elif not errors:  # decoding files is the costly part: only for otherwise valid input
        for key, raw, out in (
            ("files", data.files, evidence),
            ("identity_files", data.identity_files, identity_files),
        ):
            try:
                out.extend(clean_uploads(list(raw)))
            except InvalidInput as exc:
                errors[key] = exc.message
    if errors:
        raise InvalidInput(_("Periksa kembali isian yang ditandai."), errors=errors)
    return {
        "title": title,
        "description": description,
        "category": category,
        "region": region,
        "reported": reported,
        "service": service,
        "intake": intake,
        "lat": lat,
        "lon": lon,
        "occurred_on": occurred_on,
        "evidence": evidence,
        "identity_files": identity_files,
    }


def _date(value: object, errors: dict[str, str]) -> dt.date | None:
    """The day it happened: a date or an ISO string (forms and the API send text); not in the future."""
    if value in (None, ""):
        return None
    day = value.date() if isinstance(value, dt.datetime) else value
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day.strip())
        except ValueError:
            day = None
    if not isinstance(day, dt.date):
        errors["occurred_on"] = _("Tanggal tidak valid (format TTTT-BB-HH).")
        return None
    if day > time.today():
        errors["occurred_on"] = _("Tanggal kejadian tidak boleh di masa depan.")
        return None
    return day


def _complaint_create(
    data: ComplaintInput,
    v: dict,
    *,
    intake: Organisation,
    prefix: str,
    secret: str,
    channel: str,
    choice: codes.RandomChoice,
    received_at: dt.datetime | None = None,
) -> Complaint:
    """Insert the complaint under a fresh tracking code, drawing again on the rare collision."""
    secret_hash = codes.hash_secret(secret)
    for _attempt in range(8):
        try:
            with transaction.atomic():  # a savepoint: a collision must not abort the caller's transaction
                return Complaint.objects.create(
                    tracking_code=codes.tracking_code(prefix, choice),
                    secret_hash=secret_hash,
                    title=v["title"],
                    description=v["description"],
                    classification=data.classification,
                    category=v["category"],
                    channel=channel,
                    privacy=data.privacy,
                    region=v["region"],
                    location_text=(data.location_text or "").strip()[:300],
                    latitude=v["lat"],
                    longitude=v["lon"],
                    reported_organisation=v["reported"],
                    service=v["service"],
                    service_name=(
                        (data.service_name or "").strip() or (v["service"].name if v["service"] else "")
                    )[:200],
                    occurred_on=v["occurred_on"],
                    intake_organisation=intake,
                    submitted_at=received_at or time.now(),
                )
        except IntegrityError:  # tracking code collision: draw another
            continue
    # 8 collisions in a row means the code space of this prefix is exhausted
    raise Conflict(_("Gagal membuat kode lacak, coba lagi."))


def complaint_submit(
    *,
    data: ComplaintInput,
    channel: str = Complaint.Channel.WEB,
    actor=None,  # noqa: ANN001
    choice=secrets.choice,
    received_at: dt.datetime | None = None,
) -> Submitted:  # noqa: ANN001
    """File a complaint: it opens a handling at the intake organisation and returns the tracking secret once.

    Everything (fields, routing, files) is checked before anything is written, then complaint, identity,
    files, handling, events and the outbox row are written in one transaction. Anonymous complaints store
    no identity at all, whatever was typed into the identity fields; only the secret's hash is stored.
    ``received_at`` (default now) is when it arrived: a message taken in on a channel (email, WhatsApp) and
    submitted later by staff is dated, and its SLA clocks count, from its arrival.
    """
    if channel not in Complaint.Channel.values:
        raise InvalidInput(_("Kanal tidak dikenal."), errors={"channel": _("Kanal tidak dikenal.")})
    v = _validate(data)
    intake = intake_for(region=v["region"], explicit=v["intake"])
    secret = codes.tracking_secret(choice)
    prefix = code_prefix_for(intake)
    with transaction.atomic():
        complaint = _complaint_create(
            data,
            v,
            intake=intake,
            prefix=prefix,
            secret=secret,
            channel=channel,
            choice=choice,
            received_at=received_at,
        )
        if data.privacy != Complaint.Privacy.ANONYMOUS:
            r = data.reporter
            ReporterIdentity.objects.create(
                complaint=complaint,
                name=(r.name or "").strip(),
                email=(r.email or "").strip(),
                phone=_phone(r.phone),
                nik=(r.nik or "").strip(),
                address=(r.address or "").strip()[:300],
            )
        event = event_add(
            complaint=complaint,
            kind=Event.Kind.SUBMITTED,
            actor_kind="pelapor",
            visibility=Event.Visibility.PUBLIC,
            payload={
                "channel": channel,
                "privacy": data.privacy,
                "attachments": len(v["evidence"]) + len(v["identity_files"]),
            },
        )
        attachments_save(
            complaint=complaint,
            event=event,
            files=v["evidence"],
            from_reporter=True,
            identifying=False,
            visibility=Event.Visibility.REPORTER,
        )
        attachments_save(
            complaint=complaint,
            event=event,
            files=v["identity_files"],
            from_reporter=True,
            identifying=True,
            visibility=Event.Visibility.INTERNAL,
        )
        opened = handling_open(
            complaint=complaint, organisation=intake, actor=Actor(kind="pelapor"), at=received_at
        )
        notify_staff_about(
            complaint=complaint,
            organisation=intake,
            key="staff_handling_opened",
            context={"move": NEW_COMPLAINT_LABEL, "sender": "", "due_date": opened.due_date},
            event=event,
        )
        notify_reporter(complaint=complaint, event=event, template="complaint_received", context={})
    return Submitted(complaint=complaint, secret=secret)
