"""Fixtures for the satisfaction survey: a PUPR service with a running survey, helpers to answer it through
the service, clients signed in to the console."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tuntas.core import clock
from tuntas.standards import services as standards
from tuntas.standards.catalogue import ensure_components
from tuntas.surveys import services
from tuntas.surveys.catalogue import ensure_catalogue
from tuntas.surveys.models import Response, Survey

# A Wednesday in the deployment's time zone (WITA), in the second quarter.
NOW = dt.datetime(2026, 5, 6, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
ELEMENTS = [f"U{n}" for n in range(1, 10)]


@pytest.fixture(autouse=True)
def _catalogue(db):
    # Transactional tests flush the rows the data migrations seeded.
    ensure_components()
    ensure_catalogue()


@pytest.fixture
def frozen():
    """Time stands at NOW; ``frozen(delta)`` moves it forward."""
    with clock.frozen(NOW) as advance:
        yield advance


@pytest.fixture
def service(directory, frozen):
    """ "Izin galian jalan" of Dinas PUPR (no standard needed for a survey)."""
    return standards.service_create(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, name="Izin galian jalan"
    )


@pytest.fixture
def survey(directory, service) -> Survey:
    """A running, open-ended survey of the service, opened by its petugas today."""
    return services.survey_open(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, service_id=service.pk
    )


@pytest.fixture
def org_survey(directory, frozen) -> Survey:
    """Dinas PUPR's own survey (not about one service)."""
    return services.survey_open(actor=directory.kadis_pupr, organisation_id=directory.pupr.pk)


def answers(*values: int) -> dict[str, int]:
    """``answers(4, 3, ...)`` -> {"U1": 4, "U2": 3, ...}; one value repeats for all nine."""
    if len(values) == 1:
        values = values * 9
    return dict(zip(ELEMENTS, values, strict=True))


@pytest.fixture
def respond():
    """``respond(survey, 4, 3, ...)`` -> Response through the service."""

    def _respond(survey: Survey, *values: int, **kwargs) -> Response:  # noqa: ANN003
        return services.response_submit(survey_id=survey.pk, answers=answers(*values), **kwargs)

    return _respond


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def close_complaint(directory, workflows, frozen):
    """``close_complaint(service=None)`` -> (Submitted, the code, the secret): a complaint disposed to Dinas PUPR,
    answered by its petugas and accepted by the reporter, so it is closed."""
    from tests.complaints.conftest import act, complaint_input, handling_at
    from tuntas.complaints import services as complaints

    def _close(service=None):  # noqa: ANN001, ANN202
        submitted = complaints.complaint_submit(data=complaint_input(service=service.pk if service else None))
        complaint = submitted.complaint
        act(
            directory.koordinator,
            handling_at(complaint, directory.coordinator),
            "verifikasi",
            target=directory.pupr.pk,
        )
        act(
            directory.petugas_pupr,
            handling_at(complaint, directory.pupr),
            "jawab",
            jawaban="Sudah diperbaiki.",
        )
        complaints.reporter_reply(
            code=complaint.tracking_code, secret=submitted.secret, message="", accept=True
        )
        complaint.refresh_from_db()
        return complaint, submitted.secret

    return _close
