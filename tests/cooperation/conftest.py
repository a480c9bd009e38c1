"""Fixtures for cooperation: the Kotabaru-Ombudsman agreement recorded by the coordinator, an outsider from
another regency, a tiny valid PDF and PNG, and signed-in clients."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from PIL import Image
from pypdf import PdfWriter

from tests.factories import OrganisationFactory, UserFactory, member
from tuntas.cooperation import services
from tuntas.cooperation.catalogue import ensure_catalogues
from tuntas.core import clock
from tuntas.directory.models import OrganisationKind

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _catalogues(db):
    ensure_catalogues()


@pytest.fixture
def frozen():
    with clock.frozen(NOW) as advance:
        yield advance


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Pejabat Rahasia"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def agreement(directory, frozen):
    return services.agreement_create(
        actor=directory.koordinator,
        pemkab_id=directory.pemkab.pk,
        ombudsman_id=directory.ombudsman.pk,
        title="Nota Kesepakatan peningkatan kualitas pelayanan publik",
        number_pemkab="100.3.7/01/NK/2026",
        number_ombudsman="NK/01/ORI/I/2026",
        signed_on=dt.date(2026, 1, 27),
        valid_from=dt.date(2026, 1, 27),
        valid_until=dt.date(2030, 12, 31),
    )


@pytest.fixture
def area(agreement):
    return agreement.areas.get(area__code="standar-kualitas")


@pytest.fixture
def activity(directory, area):
    return services.activity_create(
        actor=directory.koordinator,
        area_id=area.pk,
        title="Publikasi standar pelayanan Dinas PUPR",
        owner_id=directory.pupr.pk,
        due_on=TODAY + dt.timedelta(days=30),
    )


@pytest.fixture
def training(directory, agreement):
    return services.training_create(
        actor=directory.asisten,
        agreement_id=agreement.pk,
        kind_code="bimtek",
        title="Bimtek penyusunan standar pelayanan",
        starts_on=TODAY - dt.timedelta(days=2),
        ends_on=TODAY - dt.timedelta(days=1),
        organiser_id=directory.ombudsman.pk,
        place="Aula Bappeda Kotabaru",
    )


@pytest.fixture
def outsider(directory):
    """A member of another regency, with every role: sees nothing of Kotabaru's agreement."""
    other = OrganisationFactory(
        name="Pemerintah Kabupaten Banjar",
        slug="pemkab-banjar",
        kind=OrganisationKind.objects.get(slug="pemkab"),
    )
    return member(UserFactory(username="admin.banjar"), other, "admin", "pimpinan", "koordinator")


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login
