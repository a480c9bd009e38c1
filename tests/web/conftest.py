"""Fixtures for the citizen portal tests: form data, files, complaints filed through the service, and the
staff steps that move a complaint along (coordinator disposes to PUPR, PUPR answers)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from django.test import Client
from PIL import Image

from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.core import clock
from tuntas.web.portal import guard

REPORTER = {
    "name": "Rahmat Hidayat Pelapor",
    "email": "rahmat.pelapor@contoh.id",
    "phone": "081298765432",
    "nik": "6302060101900002",
    "address": "Jl. Rahasia Pelapor No. 9, Sigam",
}
IDENTITY_STRINGS = ("Rahmat Hidayat", "rahmat.pelapor", "081298765432", "6302060101900002", "Rahasia Pelapor")


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The directory fixture creates eight users; the default hasher would spend seconds on them per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def form_data(**overrides) -> dict:
    data = {
        "title": "Jalan desa berlubang besar",
        "description": "Jalan utama Desa Sigam berlubang besar sejak bulan lalu dan membahayakan pengendara.",
        "classification": "pengaduan",
        "category": "jalan",
        "region": "63.02.06.2005",
        "location_text": "Depan SDN 1 Sigam",
        "latitude": "",
        "longitude": "",
        "reported_organisation": "dinas-pupr",
        "service_name": "Pemeliharaan jalan",
        "occurred_on": "",
        "privacy": "confidential",
        **REPORTER,
        # The per-form token of a form shown a minute ago (web/portal/guard.py).
        guard.TOKEN_FIELD: guard.issue(clock.now() - dt.timedelta(minutes=1)),
    }
    data.update(overrides)
    return data


def jpeg_with_exif() -> bytes:
    img = Image.new("RGB", (64, 48), (30, 120, 200))
    exif = img.getexif()
    exif[0x013B] = "Rahmat Hidayat Fotografer"  # Artist
    exif[0x0110] = "Kamera Rahasia X1"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (3.0, 14.0, 21.0)
    gps[3] = "E"
    gps[4] = (116.0, 13.0, 5.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@dataclass
class Filed:
    complaint: Complaint
    code: str
    secret: str


@pytest.fixture
def file_complaint(directory):
    """``file_complaint(**overrides)`` -> Filed, through complaint_submit (at the coordinator by default)."""

    def _file(**overrides) -> Filed:  # noqa: ANN003
        data = {
            "title": "Jalan desa berlubang besar",
            "description": "Jalan utama Desa Sigam berlubang besar sejak bulan lalu dan membahayakan pengendara.",
            "privacy": Complaint.Privacy.CONFIDENTIAL,
            "category": "jalan",
            "region_code": "63.02.06.2005",
            "reported_organisation": "dinas-pupr",
            "reporter": services.ReporterInput(**REPORTER),
        }
        data.update(overrides)
        done = services.complaint_submit(data=services.ComplaintInput(**data))
        return Filed(done.complaint, done.complaint.tracking_code, done.secret)

    return _file


@pytest.fixture
def filed(file_complaint) -> Filed:
    return file_complaint()


@pytest.fixture
def reporter(client: Client, filed: Filed) -> Client:
    """A browser that proved the complaint with its code and secret."""
    response = client.post("/lacak/", {"code": filed.code, "secret": filed.secret})
    assert response.status_code == 302
    return client


@dataclass
class Staff:
    directory: object

    def _take(self, complaint: Complaint, org, user, transition: str, data: dict) -> None:  # noqa: ANN001
        handling = complaint.handlings.get(organisation=org, is_open=True)
        services.handling_transition(
            actor=services.Actor(user=user), handling_id=handling.pk, transition=transition, data=data
        )

    def dispose_to_pupr(self, complaint: Complaint) -> None:
        d = self.directory
        self._take(complaint, d.coordinator, d.koordinator, "verifikasi", {"target": d.pupr.pk})

    def ask_reporter(self, complaint: Complaint, question: str) -> None:
        d = self.directory
        self._take(complaint, d.coordinator, d.koordinator, "tunda", {"kekurangan": question})

    def answer(
        self, complaint: Complaint, text: str = "Lubang jalan sudah ditambal pada hari Senin."
    ) -> None:
        d = self.directory
        self._take(complaint, d.pupr, d.petugas_pupr, "jawab", {"jawaban": text})

    def close(self, complaint: Complaint) -> None:
        d = self.directory
        self._take(
            complaint,
            d.pupr,
            d.petugas_pupr,
            "tutup",
            {"alasan": "selesai", "penjelasan": "Perbaikan sudah selesai dikerjakan."},
        )


@pytest.fixture
def staff(directory) -> Staff:
    return Staff(directory)
