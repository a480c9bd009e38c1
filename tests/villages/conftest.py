"""Fixtures for the DAM programme: the test directory plus a second desa, a kelurahan and the DPMD; staff of
every side; a programme of Kabupaten Kotabaru and an open round; helpers that walk an assessment through."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from PIL import Image

from tests.factories import UserFactory, member
from tuntas.core import clock
from tuntas.directory.models import Organisation, Region
from tuntas.villages import services
from tuntas.villages.models import Participation
from tuntas.villages.registry import ensure_instrument
from tuntas.villages.scoring import best_answers

NOW = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.fixture(autouse=True)
def _instrument(db):
    ensure_instrument()  # transactional tests flush the rows the data migration seeded


@pytest.fixture
def frozen():
    with clock.frozen(NOW) as advance:
        yield advance


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


class Dam:
    """The people and places of a DAM programme in the test directory."""

    def __init__(self, directory) -> None:  # noqa: ANN001
        self.d = directory
        kec = directory.regions["63.02.06"]
        stagen_region, _ = Region.objects.get_or_create(
            code="63.02.06.2011", defaults={"name": "Stagen", "level": 4, "kind": "desa", "parent": kec}
        )
        self.sigam = directory.desa
        self.stagen = Organisation.objects.create(
            name="Pemerintah Desa Stagen",
            slug="desa-stagen",
            kind_id="desa",
            parent=directory.pemkab,
            region=stagen_region,
        )
        self.kelurahan = Organisation.objects.create(
            name="Kelurahan Kotabaru Hilir",
            slug="kelurahan-kotabaru-hilir",
            kind_id="kelurahan",
            parent=directory.pemkab,
            region=directory.regions["63.02.06.1001"],
        )
        self.dpmd = Organisation.objects.create(
            name="Dinas Pemberdayaan Masyarakat dan Desa", slug="dpmd", kind_id="opd", parent=directory.pemkab
        )
        self.operator = member(UserFactory(username="operator.sigam"), self.sigam, "petugas")
        self.kades = member(UserFactory(username="kades.sigam"), self.sigam, "pimpinan")
        self.operator_stagen = member(UserFactory(username="operator.stagen"), self.stagen, "petugas")
        self.auditor = directory.auditor  # auditor of the Inspektorat
        self.inspektur = directory.inspektur  # pimpinan of the Inspektorat: not a verifier role
        self.dpmd_verifier = member(UserFactory(username="verifikator.dpmd"), self.dpmd, "koordinator")
        self.asisten = member(UserFactory(username="asisten.dam"), directory.ombudsman, "petugas")
        self.kepala = member(UserFactory(username="kepala.perwakilan"), directory.ombudsman, "pimpinan")
        self.superuser = UserFactory(username="root")
        self.superuser.is_superuser = True
        self.superuser.save()
        self.programme = services.programme_create(
            actor=self.kepala,
            pemkab_id=directory.pemkab.pk,
            ombudsman_id=directory.ombudsman.pk,
            year=2022,
            verifier_ids=[directory.inspektorat.pk, self.dpmd.pk],
            mou_reference="Nota Kesepahaman Nomor 01/UJI/2022",
            signatory_title="Kepala Perwakilan Ombudsman RI Provinsi Kalimantan Selatan",
        )

    def participation(self, village: Organisation) -> Participation:
        return Participation.objects.get(programme=self.programme, village=village)


@pytest.fixture
def dam(directory, frozen) -> Dam:
    return Dam(directory)


@pytest.fixture
def round_(dam):
    return services.round_open(
        actor=dam.auditor,
        programme_id=dam.programme.pk,
        name="Penilaian 2026",
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 10, 31),
    )


@pytest.fixture
def filled(dam, round_):
    """Desa Sigam committed, its assessment started and filled in with the best answers and evidence."""
    p = dam.participation(dam.sigam)
    services.commitment_record(actor=dam.auditor, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))
    assessment = services.assessment_start(actor=dam.operator, round_id=round_.pk, participation_id=p.pk)
    fill_best(dam.operator, assessment)
    return assessment


def fill_best(actor, assessment) -> None:  # noqa: ANN001
    instrument = services.instrument_for(assessment)
    services.answers_save(actor=actor, assessment_id=assessment.pk, answers=best_answers(instrument))
    for indicator in instrument.indicators:
        if indicator.evidence_required:
            services.evidence_add(
                actor=actor,
                assessment_id=assessment.pk,
                indicator=indicator.code,
                name="bukti.png",
                data=png_bytes(),
            )


@pytest.fixture
def submitted(dam, filled):
    return services.assessment_submit(actor=dam.operator, assessment_id=filled.pk)


@pytest.fixture
def passed_both(dam, submitted):
    services.pemkab_verify(actor=dam.auditor, assessment_id=submitted.pk, passed=True)
    return services.ombudsman_verify(actor=dam.asisten, assessment_id=submitted.pk, passed=True)


@pytest.fixture
def designated(dam, passed_both):
    return services.designation_record(
        actor=dam.kepala,
        assessment_id=passed_both.pk,
        designated_on=dt.date(2026, 3, 4),
        decree_number="Keputusan Kepala Perwakilan Nomor 12/DAM/III/2026",
    )


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login
