"""Fixtures for follow-up records: the test directory with emails, an Inspektorat LHP for Dinas PUPR and an
Ombudsman LAHP for Dinas Pendidikan, issued through the services at a frozen time."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.test import Client
from PIL import Image

from tests.factories import UserFactory, member
from tuntas.core import clock
from tuntas.core.calendars import clear_cache
from tuntas.followup import services
from tuntas.followup.models import Finding

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # Monday
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _fresh_calendars():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def frozen():
    with clock.frozen(NOW) as advance:
        yield advance


@pytest.fixture
def org(directory):
    d = directory
    for user in (d.petugas_pupr, d.kadis_pupr, d.petugas_disdik, d.auditor, d.inspektur, d.asisten):
        user.email = f"{user.username}@example.id"
        user.save(update_fields=["email"])
    d.focal_pupr = member(UserFactory(username="fp.pupr", email="fp.pupr@example.id"), d.pupr, "focal_point")
    return d


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (0, 90, 0)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def lhp(org, frozen):
    return services.finding_issue(
        actor=org.auditor,
        issuer=org.inspektorat,
        kind=Finding.Kind.LHP_INSPEKTORAT,
        number="700/12/LHP-ITKAB/2026",
        title="Pemeriksaan khusus pengadaan jalan desa",
        issued_on=TODAY,
        recommendations=[
            services.RecommendationInput("Perbaiki SOP pengadaan", org.pupr),
            services.RecommendationInput(
                "Kembalikan kelebihan bayar", org.pupr, tgr_amount=Decimal("15000000")
            ),
        ],
    )


@pytest.fixture
def lahp(org, frozen):
    return services.finding_issue(
        actor=org.asisten,
        issuer=org.ombudsman,
        kind=Finding.Kind.LAHP_OMBUDSMAN,
        number="LAHP-0042/ORI-KS/2026",
        title="Penundaan berlarut ijazah",
        issued_on=TODAY,
        recommendations=[
            services.RecommendationInput("Terbitkan ijazah pelapor", org.disdik, deadline_days=14)
        ],
    )


@pytest.fixture
def login():
    def make(user):  # noqa: ANN001, ANN202
        c = Client()
        c.force_login(user)
        return c

    return make
