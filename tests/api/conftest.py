"""HTTP helpers for the API tests: a JSON client, tokens issued through tuntas.api.tokens, a filed complaint."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import pytest
from django.test import Client
from PIL import Image

from tuntas.api.tokens import token_create

V1 = "/api/v1"

REPORTER = {
    "name": "Siti Aminah Rahmawati",
    "email": "siti.aminah.rahasia@example.org",
    "phone": "081234567890",
    "nik": "6302061234567890",
    "address": "Jl. Rahasia Pelapor No. 17, Sigam",
}
# Every way the reporter could be recognised; none may reach someone who may not see the identity.
IDENTITY_STRINGS = (
    "Siti Aminah",
    "siti.aminah.rahasia",
    "081234567890",
    "6302061234567890",
    "Rahasia Pelapor",
)


def png_base64() -> str:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return base64.b64encode(out.getvalue()).decode()


def complaint_body(**overrides) -> dict:
    body = {
        "title": "Jalan desa berlubang dalam",
        "description": "Jalan utama Desa Sigam berlubang dalam sejak dua bulan, membahayakan pengendara motor.",
        "privacy": "confidential",
        "classification": "pengaduan",
        "category": "jalan",
        "region_code": "63.02.06.2005",
        "location_text": "Depan SDN Sigam 1",
        "latitude": "-3.2401",
        "longitude": "116.2211",
        "reported_organisation": "dinas-pupr",
        "service_name": "Pemeliharaan jalan",
        "occurred_on": "2024-01-10",
        "reporter": dict(REPORTER),
        "attachments": [{"name": "lubang.png", "content_base64": png_base64()}],
    }
    body.update(overrides)
    return body


class Api:
    """A JSON client for /api/v1, optionally as a staff user with a Bearer token."""

    def __init__(self, token: str | None = None, client: Client | None = None) -> None:
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, path: str, params: dict | None = None):
        return self.client.get(V1 + path, params or {}, headers=self.headers)

    def post(self, path: str, body: dict | None = None):
        return self.client.post(V1 + path, body or {}, content_type="application/json", headers=self.headers)


@dataclass
class Filed:
    id: int
    code: str
    secret: str
    response: dict

    @property
    def keys(self) -> dict:
        return {"tracking_code": self.code, "secret": self.secret}


@pytest.fixture
def public_api() -> Api:
    return Api()


@pytest.fixture
def api_as(directory):
    """``api_as(user)`` -> an Api authenticated with a fresh token of that user."""

    def make(user) -> Api:
        return Api(token_create(user=user, name=f"test {user.username}").raw)

    return make


@pytest.fixture
def file_complaint(directory, public_api):
    def file(**overrides) -> Filed:
        from tuntas.complaints.models import Complaint

        r = public_api.post("/complaints", complaint_body(**overrides))
        assert r.status_code == 201, r.content
        data = r.json()
        complaint = Complaint.objects.get(tracking_code=data["tracking_code"])
        return Filed(id=complaint.pk, code=data["tracking_code"], secret=data["secret"], response=data)

    return file


def open_handling(api: Api, complaint_id: int, organisation_slug: str) -> dict:
    """The open handling of ``complaint_id`` at ``organisation_slug`` as ``api`` sees it."""
    detail = api.get(f"/complaints/{complaint_id}")
    assert detail.status_code == 200, detail.content
    return next(
        h
        for h in detail.json()["handlings"]
        if h["organisation"]["slug"] == organisation_slug and h["is_open"]
    )


def dispose(api: Api, complaint_id: int, target: str = "dinas-pupr") -> dict:
    """The coordinator verifies and disposes the complaint to ``target``; returns its (closed) handling."""
    h = open_handling(api, complaint_id, "koordinator-kotabaru")
    r = api.post(
        f"/handlings/{h['id']}/transitions",
        {
            "transition": "verifikasi",
            "data": {"target": target, "instruksi": "Mohon ditindaklanjuti."},
            "expected_version": h["version"],
        },
    )
    assert r.status_code == 200, r.content
    return r.json()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The directory fixture sets eight passwords; the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
