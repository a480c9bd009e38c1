"""Fixtures for the complaint core: a frozen clock, filing a complaint, moving it through the SOPs, and
counting rows. tests/sla reuses them (see tests/sla/conftest.py)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest

from tuntas.complaints import services
from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.complaints.services import Actor, ComplaintInput, ReporterInput, Submitted
from tuntas.core import clock
from tuntas.core.calendars import clear_cache
from tuntas.notify.models import OutboxMessage
from tuntas.sla.models import Clock

WITA = ZoneInfo("Asia/Makassar")
# Monday 2 March 2026, 09:00 WITA: no holiday in the following weeks unless a test adds one.
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=WITA)
NIK = "6302011204880003"
PHONE = "081251234567"


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:  # noqa: ANN001
    # The directory's eight users would otherwise cost a second of PBKDF2 per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_calendars() -> Iterator[None]:
    # Calendars are cached per process; a test adding Holiday rows must not see another test's.
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def frozen() -> Iterator[Callable[[dt.timedelta], None]]:
    """Time stands still at NOW; call the fixture's value with a timedelta to move it forward."""
    with clock.frozen(NOW) as advance:
        yield advance


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=WITA)


def complaint_input(**overrides: object) -> ComplaintInput:
    """A valid confidential complaint about a road in Desa Sigam; any field can be overridden."""
    reporter = overrides.pop("reporter", None) or ReporterInput(
        name="Siti Aminah",
        email="siti.aminah@example.id",
        phone=PHONE,
        nik=NIK,
        address="RT 03 Desa Sigam",
    )
    values = {
        "title": "Jalan desa berlubang dan tergenang",
        "description": "Jalan utama Desa Sigam berlubang besar sejak Januari dan tergenang setiap hujan.",
        "privacy": Complaint.Privacy.CONFIDENTIAL,
        "category": "jalan",
        "region_code": "63.02.06.2005",
        "location_text": "Jl. Poros Sigam km 2",
        "reporter": reporter,
    }
    values.update(overrides)
    return ComplaintInput(**values)


@pytest.fixture
def submit(directory, frozen) -> Callable[..., Submitted]:  # noqa: ANN001
    """File a complaint through the service: ``submit(privacy="public", ...)``."""

    def _submit(**overrides: object) -> Submitted:
        return services.complaint_submit(data=complaint_input(**overrides))

    return _submit


def staff(user) -> Actor:  # noqa: ANN001
    return Actor(user=user)


def handling_at(complaint: Complaint, organisation) -> Handling:  # noqa: ANN001
    return Handling.objects.get(complaint=complaint, organisation=organisation)


def act(user, handling: Handling, transition: str, **data: object) -> Handling:  # noqa: ANN001
    """``user`` takes ``transition`` on ``handling`` (read fresh) with ``data``."""
    return services.handling_transition(
        actor=staff(user), handling_id=handling.pk, transition=transition, data=data
    )


@pytest.fixture
def dispose(directory) -> Callable[..., Handling]:  # noqa: ANN001
    """The coordinator verifies the complaint and disposes it; returns the new handling at ``to``."""

    def _dispose(complaint: Complaint, to=None, **data: object) -> Handling:  # noqa: ANN001
        target = to or directory.pupr
        act(
            directory.koordinator,
            handling_at(complaint, directory.coordinator),
            "verifikasi",
            target=target.pk,
            **data,
        )
        return handling_at(complaint, target)

    return _dispose


@pytest.fixture
def answered(submit, dispose, directory) -> Callable[..., tuple[Submitted, Handling]]:  # noqa: ANN001
    """A complaint disposed to PUPR whose petugas has sent the answer (the OPD handling is ``dijawab``)."""

    def _answered(**overrides: object) -> tuple[Submitted, Handling]:
        s = submit(**overrides)
        h = dispose(s.complaint)
        h = act(directory.petugas_pupr, h, "jawab", jawaban="Jalan sudah ditambal pada 5 Maret.")
        return s, h

    return _answered


ROW_MODELS = (Complaint, Handling, Event, ReporterIdentity, Attachment, OutboxMessage, Clock)


def row_counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in ROW_MODELS}


def reload(obj):  # noqa: ANN001, ANN201
    obj.refresh_from_db()
    return obj


def transitions_of(handling: Handling) -> list[Event]:
    return list(Event.objects.filter(handling=handling, kind=Event.Kind.TRANSITIONED).order_by("id"))


# --- files -------------------------------------------------------------------------------------------------


def jpeg_with_exif(size: tuple[int, int] = (64, 48)) -> bytes:
    """A JPEG whose EXIF names the photographer and the place it was taken."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Siti Aminah"  # Artist
    exif[0x010F] = "Samsung"  # Make
    exif[0x8825] = {1: "S", 2: (3.0, 14.0, 52.0), 3: "E", 4: (116.0, 13.0, 8.0)}  # GPS IFD
    out = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (32, 32), (0, 128, 0, 255)).save(out, "PNG")
    return out.getvalue()


def pdf_with_author(author: str = "Siti Aminah", *, password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": author, "/Creator": "Scanner milik Siti"})
    if password is not None:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
