"""The instrument as data: the shipped YAML loads, wrong definitions are refused with where and why, and an
admin's edit becomes a new version while rounds keep theirs."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from tuntas.villages import services
from tuntas.villages.instrument import InstrumentError, parse_instrument
from tuntas.villages.models import InstrumentVersion
from tuntas.villages.registry import active_instrument, instrument_of, instrument_save
from tuntas.villages.shipped import SHIPPED_DIR

SHIPPED = (SHIPPED_DIR / "dam-kotabaru.yaml").read_text(encoding="utf-8")

MINIMAL = """
slug: uji
name: Instrumen uji
min_total: 50
criteria:
  - code: satu
    name: Kriteria satu
    indicators:
      - code: a
        text: Indikator A
        weight: 1
        answer: yes_no
"""


def test_shipped_instrument_says_it_is_not_the_official_one():
    assert "BUKAN INSTRUMEN RESMI" in SHIPPED.splitlines()[0]
    assert "tidak dipublikasikan" in parse_instrument(SHIPPED).note


def test_shipped_instrument_has_the_public_criteria_with_weights_and_thresholds():
    instrument = parse_instrument(SHIPPED)
    codes = [c.code for c in instrument.criteria]
    for code in (
        "standar_pelayanan",
        "maklumat",
        "pengaduan",
        "kinerja",
        "aksesibilitas",
        "transparansi",
        "bebas_pungli",
    ):
        assert code in codes
    assert instrument.min_total == 75
    assert all(i.weight > 0 for i in instrument.indicators)
    assert any(i.mandatory for i in instrument.indicators)


def test_migration_stored_the_shipped_instrument_as_version_one(db):
    version = active_instrument()
    assert (version.slug, version.version) == ("dam-kotabaru", 1)
    assert len(instrument_of(version).indicators) == len(parse_instrument(SHIPPED).indicators)


def test_minimal_instrument_parses_with_defaults():
    instrument = parse_instrument(MINIMAL)
    indicator = instrument.indicator("a")
    assert indicator.levels == ("Tidak", "Ya") and indicator.max_value == 1
    assert instrument.criteria[0].min_percent == 0 and not indicator.evidence_required


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("weight: 1", "weight: 0"), "weight must be a number > 0"),
        (("weight: 1", "weight: banyak"), "weight must be a number"),
        (("answer: yes_no", "answer: pilihan"), "answer must be one of"),
        (("answer: yes_no", "answer: scale"), "a scale needs 2 to"),
        (("min_total: 50", "min_total: 150"), "min_total must be a number"),
        (("code: a", "code: A besar"), "code must be a lowercase word"),
        (("        answer: yes_no", "        answer: yes_no\n        warna: merah"), "unknown key(s) warna"),
        (
            ("        answer: yes_no", "        answer: yes_no\n        evidence_required: true"),
            "needs an evidence text",
        ),
        (("name: Kriteria satu", "name: Kriteria satu\n    min_percent: -1"), "min_percent must be a number"),
    ],
)
def test_invalid_instrument_is_refused_with_the_place_and_reason(change, message):
    with pytest.raises(InstrumentError) as exc:
        parse_instrument(MINIMAL.replace(*change))
    assert message in str(exc.value)
    if "weight" in message:
        assert "criteria[1] (satu).indicators[1] (a)" in str(exc.value)


def test_duplicate_codes_are_refused():
    source = (
        MINIMAL
        + """      - code: a
        text: Lagi
        weight: 1
        answer: yes_no
"""
    )
    with pytest.raises(InstrumentError, match="used twice"):
        parse_instrument(source)


def test_saving_an_edit_makes_a_new_version_and_rounds_keep_theirs(dam, round_):
    edited = SHIPPED.replace("min_total: 75", "min_total: 80")
    v2 = instrument_save(source=edited)
    assert v2.version == 2 and v2.is_active
    assert not InstrumentVersion.objects.get(slug="dam-kotabaru", version=1).is_active
    round_.refresh_from_db()
    assert round_.instrument.version == 1
    assert instrument_save(source=edited).pk == v2.pk  # unchanged text: no new version
    services.round_close(actor=dam.auditor, round_id=round_.pk)
    new_round = services.round_open(
        actor=dam.auditor,
        programme_id=dam.programme.pk,
        name="Putaran baru",
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 5, 1),
    )
    assert new_round.instrument == v2
    assert instrument_of(v2).min_total == Fraction(80)


def test_admin_saves_a_new_version_and_refuses_invalid_yaml(admin_client, db):
    version = active_instrument()
    url = f"/admin/villages/instrumentversion/{version.pk}/change/"
    assert admin_client.get(url).status_code == 200
    bad = admin_client.post(url, {"source": MINIMAL.replace("weight: 1", "weight: 0")})
    assert bad.status_code == 200 and "weight must be a number" in bad.content.decode()
    good = admin_client.post(url, {"source": SHIPPED.replace("min_total: 75", "min_total: 70")})
    assert good.status_code == 302
    assert InstrumentVersion.objects.filter(slug="dam-kotabaru").count() == 2
