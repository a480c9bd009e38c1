"""Fixtures for compliance: the shipped schemes, a round reviewed by the Inspektorat for Dinas PUPR and Dinas
Pendidikan, answers through the services, and signed-in clients."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from PIL import Image

from tuntas.compliance import services
from tuntas.compliance.models import Assessment, Scheme
from tuntas.compliance.schemes import ensure_schemes
from tuntas.core import clock

NOW = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _schemes(db):
    ensure_schemes()  # transactional tests flush the migration's rows


@pytest.fixture
def frozen():
    with clock.frozen(NOW) as advance:
        yield advance


def scheme(code: str = "kepatuhan-2022") -> Scheme:
    return Scheme.objects.filter(code=code).order_by("-version").first()


def best_value(ind) -> str:  # noqa: ANN001
    return "100" if ind.answer == "number" else max(ind.choices(), key=lambda o: o.score).code


def worst_value(ind) -> str:  # noqa: ANN001
    return "0" if ind.answer == "number" else min(ind.choices(), key=lambda o: o.score).code


@pytest.fixture
def make_round(directory, frozen):
    def _make(code: str = "kepatuhan-2022", orgs=None, reviewing=None, actor=None, **kwargs):  # noqa: ANN001, ANN003, ANN202
        reviewing = reviewing or directory.inspektorat
        return services.round_create(
            actor=actor or directory.inspektur,
            scheme_id=scheme(code).pk,
            name=kwargs.pop("name", "Penilaian kepatuhan 2026"),
            year=2026,
            reviewing_organisation_id=reviewing.pk,
            opens_on=kwargs.pop("opens_on", TODAY),
            closes_on=kwargs.pop("closes_on", TODAY + dt.timedelta(days=30)),
            organisation_ids=[o.pk for o in (orgs or [directory.pupr, directory.disdik])],
            **kwargs,
        )

    return _make


@pytest.fixture
def round_(make_round):
    return make_round()


@pytest.fixture
def pupr_assessment(round_, directory) -> Assessment:
    return round_.assessments.get(organisation=directory.pupr)


def answer_all(assessment: Assessment, actor, pick=best_value) -> None:  # noqa: ANN001
    for ind in assessment.round.scheme.parsed.indicators():
        if ind.filled_by == "self":
            services.answer_self(
                actor=actor, assessment_id=assessment.pk, indicator=ind.code, value=pick(ind)
            )


def review_all(assessment: Assessment, actor, pick=best_value) -> None:  # noqa: ANN001
    for ind in assessment.round.scheme.parsed.indicators():
        services.answer_review(actor=actor, assessment_id=assessment.pk, indicator=ind.code, value=pick(ind))


@pytest.fixture
def submitted(pupr_assessment, directory) -> Assessment:
    answer_all(pupr_assessment, directory.petugas_pupr)
    return services.assessment_submit(actor=directory.petugas_pupr, assessment_id=pupr_assessment.pk)


def png_bytes(exif: bool = False) -> bytes:
    img = Image.new("RGB", (20, 20), "green")
    out = io.BytesIO()
    if exif:
        data = img.getexif()
        data[0x010F] = "Kamera Rahasia"  # Make
        img.save(out, "JPEG", exif=data.tobytes())
    else:
        img.save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login
