"""Fixtures for the standards registry: complete component texts, services drafted and published through the
services, clients signed in to the console."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.factories import UserFactory, member
from tuntas.core import clock
from tuntas.standards import services
from tuntas.standards.catalogue import ensure_components
from tuntas.standards.models import Component, Service, ServiceStandard

# A Wednesday in the deployment's time zone; consultations are counted in local dates.
NOW = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture(autouse=True)
def _catalogue(db):
    # Transactional tests flush the rows the data migration seeded.
    ensure_components()


@pytest.fixture
def frozen():
    """Time stands at NOW; ``frozen(delta)`` moves it forward."""
    with clock.frozen(NOW) as advance:
        yield advance


def full_texts(prefix: str = "") -> dict[str, str]:
    """A text for every active component, e.g. {"persyaratan": "Persyaratan: baris 1\\nbaris 2", ...}."""
    return {
        c.code: f"{prefix}{c.name}: baris pertama\nbaris kedua"
        for c in Component.objects.filter(is_active=True)
    }


@pytest.fixture
def desa_operator(directory):
    return member(UserFactory(username="operator.sigam"), directory.desa, "petugas")


@pytest.fixture
def admin_pupr(directory):
    return member(UserFactory(username="admin.pupr"), directory.pupr, "admin")


@pytest.fixture
def make_service(directory):
    """``make_service(name=..., org=...)`` -> Service created by the org's petugas (PUPR by default)."""

    def _make(name: str = "Izin galian jalan", org=None, actor=None, **kwargs) -> Service:  # noqa: ANN001, ANN003
        org = org or directory.pupr
        actor = actor or directory.petugas_pupr
        return services.service_create(actor=actor, organisation_id=org.pk, name=name, **kwargs)

    return _make


@pytest.fixture
def make_draft(directory):
    """``make_draft(service, texts=None, days=5, cost=0)`` -> a complete draft (unless texts={} is given)."""

    def _draft(
        service: Service, texts: dict | None = None, days: int | None = 5, cost: int | None = 0, actor=None
    ):  # noqa: ANN001, ANN202
        actor = actor or directory.petugas_pupr
        draft = services.standard_draft_new(actor=actor, service_id=service.pk)
        services.standard_update(
            actor=actor,
            standard_id=draft.pk,
            texts=full_texts() if texts is None else texts,
            values={"jangka_waktu": days, "biaya": cost},
        )
        draft.refresh_from_db()
        return draft

    return _draft


@pytest.fixture
def published(directory, make_service, make_draft) -> ServiceStandard:
    """Version 1 of "Izin galian jalan" (Dinas PUPR), published by the Kepala Dinas straight from the draft."""
    service = make_service()
    draft = make_draft(service)
    return services.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk)


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login
