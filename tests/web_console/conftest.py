"""Fixtures for the console tests: logged-in clients and complaints filed through the service."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from PIL import Image

from tuntas.complaints import services
from tuntas.complaints.models import Complaint

REPORTER = services.ReporterInput(
    name="Siti Rahmawati Pelapor",
    email="siti.pelapor@contoh.id",
    phone="081234567890",
    nik="6302061234567890",
)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Every test signs people in through the form; the default hasher would make that the slowest part.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def login():
    """``login(user)`` -> a Client signed in as that user (through the login form, like a person)."""

    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        response = client.post("/console/masuk/", {"username": user.username, "password": "rahasia-uji-123"})
        assert response.status_code == 302, "login failed"
        return client

    return _login


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def submit(directory):
    """``submit(**overrides)`` -> Complaint filed through complaint_submit (at the coordinator by default)."""

    def _submit(**overrides) -> Complaint:  # noqa: ANN003
        data = {
            "title": "Jalan desa berlubang besar",
            "description": "Jalan utama Desa Sigam berlubang besar sejak bulan lalu dan membahayakan pengendara.",
            "privacy": Complaint.Privacy.CONFIDENTIAL,
            "category": "jalan",
            "region_code": "63.02.06.2005",
            "reported_organisation": "dinas-pupr",
            "reporter": REPORTER,
        }
        data.update(overrides)
        return services.complaint_submit(data=services.ComplaintInput(**data)).complaint

    return _submit


@pytest.fixture
def dispose(directory):
    """``dispose(complaint, org)``: the coordinator routes the complaint to ``org`` through the service."""

    def _dispose(complaint: Complaint, org=None):  # noqa: ANN001, ANN202
        handling = complaint.handlings.get(organisation=directory.coordinator)
        services.handling_transition(
            actor=services.Actor(user=directory.koordinator),
            handling_id=handling.pk,
            transition="verifikasi",
            data={"target": (org or directory.pupr).pk},
        )
        return complaint.handlings.get(organisation=org or directory.pupr)

    return _dispose
