"""The scoring maths of compliance schemes: pure, property-tested with hypothesis; no database."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tuntas.compliance import scoring
from tuntas.compliance.schemes import read_source, shipped_files

SHIPPED = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in shipped_files()}
SCHEMES = [scoring.parse_scheme(d) for d in SHIPPED.values()]


def best(ind: scoring.Indicator) -> str:
    return "100" if ind.answer == scoring.NUMBER else max(ind.choices(), key=lambda o: o.score).code


def worst(ind: scoring.Indicator) -> str:
    return "0" if ind.answer == scoring.NUMBER else min(ind.choices(), key=lambda o: o.score).code


def answer_strategy(ind: scoring.Indicator) -> st.SearchStrategy[str]:
    if ind.answer == scoring.NUMBER:
        return st.decimals(0, 100, places=2).map(str)
    return st.sampled_from([o.code for o in ind.choices()])


@st.composite
def scheme_and_answers(draw):  # noqa: ANN001, ANN201
    scheme = draw(st.sampled_from(SCHEMES))
    answers = {i.code: draw(st.one_of(st.none(), answer_strategy(i))) for i in scheme.indicators()}
    return scheme, answers


def problems_of(data: dict) -> list[str]:
    with pytest.raises(scoring.SchemeError) as exc:
        scoring.parse_scheme(data)
    return [path for path, _ in exc.value.problems]


# --- the shipped schemes ---------------------------------------------------------------------------------


def test_shipped_schemes_are_valid():
    assert {s.code for s in SCHEMES} == {"kepatuhan-2022", "opini-2025"}


def test_2022_categories_sit_inside_the_zones():
    scheme = next(s for s in SCHEMES if s.code == "kepatuhan-2022")
    zones = {b.code: b.zone for b in scheme.bands}
    assert zones == {
        "tertinggi": "hijau",
        "tinggi": "hijau",
        "sedang": "kuning",
        "rendah": "merah",
        "terendah": "merah",
    }
    assert all(b.unconfirmed for b in scheme.bands)


@pytest.mark.parametrize(
    ("score", "band", "zone"),
    [
        # published: Pemkot Kendari 2022, "Zonasi Kuning dan Kategori C ... kualitas sedang"
        ("58.99", "sedang", "kuning"),
        ("58.03", "sedang", "kuning"),  # Pemkot Baubau 2022, the same
        ("91.65", "tertinggi", "hijau"),  # Pemprov Sumbar 2024, "nilai A, kualitas tertinggi"
        ("100", "tertinggi", "hijau"),
        ("0", "terendah", "merah"),
    ],
)
def test_2022_bands_match_published_results(score, band, zone):
    scheme = next(s for s in SCHEMES if s.code == "kepatuhan-2022")
    found = scoring.band_for(scheme.bands, Decimal(score))
    assert (found.code, found.zone) == (band, zone)


@pytest.mark.parametrize(
    ("score", "band"),
    [("57.61", "sedang"), ("62.57", "sedang"), ("53.38", "rendah")],  # published 2025 opinions
)
def test_2025_bands_match_published_results(score, band):
    opini = next(s for s in SCHEMES if s.code == "opini-2025")
    found = scoring.band_for(opini.bands, Decimal(score))
    assert found.code == band
    assert found.name == {"sedang": "Kualitas Sedang", "rendah": "Kualitas Rendah"}[band]


def test_tanpa_maladministrasi_is_a_qualifier_not_an_indicator():
    opini = next(s for s in SCHEMES if s.code == "opini-2025")
    assert opini.qualifier is not None and opini.qualifier.unconfirmed
    assert opini.qualifier.source == "ombudsman-products"
    assert opini.indicator("pg-produk-ombudsman") is None
    assert not any("maladministrasi" in b.name.lower() for b in opini.bands)
    top = opini.bands[0]
    assert scoring.opinion_name(top, opini.qualifier, True) == "Kualitas Tertinggi Tanpa Maladministrasi"
    assert scoring.opinion_name(top, opini.qualifier, False) == "Kualitas Tertinggi"
    assert scoring.opinion_name(top, opini.qualifier, None) == "Kualitas Tertinggi"
    zones = next(s for s in SCHEMES if s.code == "kepatuhan-2022")
    assert zones.qualifier is None


def test_an_unknown_qualifier_source_is_an_error():
    data = copy.deepcopy(SHIPPED["opini-2025"])
    data["qualifier"]["source"] = "indicator"
    assert "qualifier.source" in problems_of(data)


def test_opinion_2025_weighs_dimensions_70_and_public_trust_30():
    opini = next(s for s in SCHEMES if s.code == "opini-2025")
    answers = {i.code: best(i) for i in opini.indicators()}
    answers["kp-indeks"] = "0"
    assert scoring.evaluate(opini, answers).total == Decimal("70.00")
    answers = {i.code: worst(i) for i in opini.indicators()}
    answers["kp-indeks"] = "100"
    assert scoring.evaluate(opini, answers).total == Decimal("30.00")


def test_opinion_categories_are_marked_unconfirmed():
    opini = next(s for s in SCHEMES if s.code == "opini-2025")
    assert all(b.unconfirmed for b in opini.bands)
    assert opini.bands[0].name == "Kualitas Tertinggi"


def test_hand_computed_example():
    data = {
        "code": "contoh",
        "name": "Contoh",
        "dimensions": [
            {
                "code": "a",
                "name": "A",
                "weight": 60,
                "indicators": [
                    {"code": "a1", "text": "a1", "weight": 50, "answer": "yes_no"},
                    {"code": "a2", "text": "a2", "weight": 50, "answer": "number"},
                ],
            },
            {
                "code": "b",
                "name": "B",
                "weight": 40,
                "indicators": [{"code": "b1", "text": "b1", "weight": 100, "answer": "yes_no"}],
            },
        ],
        "bands": [
            {"code": "rendah", "name": "Rendah", "min": 0, "max": 50.99, "tone": "merah"},
            {"code": "tinggi", "name": "Tinggi", "min": 51, "max": 100, "tone": "hijau"},
        ],
    }
    result = scoring.evaluate(scoring.parse_scheme(data), {"a1": "ya", "a2": "40", "b1": "tidak"})
    # A = (100 + 40) / 2 = 70; B = 0; total = 0.6 * 70 = 42
    assert [d.score for d in result.dimensions] == [Decimal("70.00"), Decimal("0.00")]
    assert result.total == Decimal("42.00") and result.band.code == "rendah"


# --- properties ------------------------------------------------------------------------------------------


@given(scheme_and_answers())
def test_total_is_between_0_and_100(case):
    scheme, answers = case
    result = scoring.evaluate(scheme, answers)
    assert Decimal(0) <= result.total <= Decimal(100)
    assert all(Decimal(0) <= d.score <= Decimal(100) for d in result.dimensions)


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.code)
def test_all_best_answers_score_100(scheme):
    result = scoring.evaluate(scheme, {i.code: best(i) for i in scheme.indicators()})
    assert result.total == Decimal("100.00") and result.complete


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.code)
def test_all_worst_answers_score_0(scheme):
    assert scoring.evaluate(scheme, {i.code: worst(i) for i in scheme.indicators()}).total == 0


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.code)
def test_unanswered_scores_0_and_is_incomplete(scheme):
    result = scoring.evaluate(scheme, {})
    assert result.total == 0 and not result.complete


@given(scheme_and_answers(), st.data())
def test_a_better_answer_never_lowers_the_total(case, data):
    scheme, answers = case
    ind = data.draw(st.sampled_from(scheme.indicators()))
    old = data.draw(answer_strategy(ind))
    new = data.draw(answer_strategy(ind))
    if scoring.indicator_score(ind, new) < scoring.indicator_score(ind, old):
        old, new = new, old
    low = scoring.evaluate(scheme, {**answers, ind.code: old}).total
    high = scoring.evaluate(scheme, {**answers, ind.code: new}).total
    assert high >= low


@given(st.sampled_from(SCHEMES), st.decimals(0, 100, places=4))
def test_every_score_falls_in_exactly_one_band(scheme, score):
    holding = [b for b in scheme.bands if b.contains(scoring.round2(score))]
    assert len(holding) == 1 and scoring.band_for(scheme.bands, score) == holding[0]


@given(st.sampled_from(list(SHIPPED)), st.randoms(use_true_random=False), st.data())
def test_indicator_order_does_not_change_the_result(name, rnd, data):
    original = SHIPPED[name]
    shuffled = copy.deepcopy(original)
    for dim in shuffled["dimensions"]:
        rnd.shuffle(dim["indicators"])
    rnd.shuffle(shuffled["dimensions"])
    a, b = scoring.parse_scheme(original), scoring.parse_scheme(shuffled)
    answers = {i.code: data.draw(answer_strategy(i)) for i in a.indicators()}
    assert scoring.evaluate(a, answers).total == scoring.evaluate(b, answers).total


# --- validation ------------------------------------------------------------------------------------------


def base() -> dict:
    return copy.deepcopy(SHIPPED["kepatuhan-2022"])


def test_indicator_weights_must_sum_to_100():
    data = base()
    data["dimensions"][1]["indicators"][0]["weight"] = 30
    assert "dimensions[1].indicators" in problems_of(data)


def test_dimension_weights_must_sum_to_100():
    data = base()
    data["dimensions"][0]["weight"] = 26
    assert "dimensions" in problems_of(data)


def test_part_weights_must_sum_to_100():
    data = copy.deepcopy(SHIPPED["opini-2025"])
    data["parts"][1]["weight"] = 40
    assert "parts" in problems_of(data)


def test_a_dimension_outside_every_part_is_an_error():
    data = copy.deepcopy(SHIPPED["opini-2025"])
    data["parts"][0]["dimensions"].remove("input")
    assert "parts" in problems_of(data)


def test_duplicate_indicator_codes_are_named_by_path():
    data = base()
    data["dimensions"][2]["indicators"][0]["code"] = data["dimensions"][0]["indicators"][0]["code"]
    assert "dimensions[2].indicators[0].code" in problems_of(data)


def test_a_gap_between_bands_is_an_error():
    data = base()
    data["bands"][1]["max"] = 80.5
    assert "bands" in problems_of(data)


def test_overlapping_bands_are_an_error():
    data = base()
    data["bands"][1]["min"] = 50
    assert "bands" in problems_of(data)


def test_bands_must_reach_100():
    data = base()
    data["bands"][0]["max"] = 99
    assert "bands" in problems_of(data)


def test_unknown_answer_type_is_named_by_path():
    data = base()
    data["dimensions"][0]["indicators"][1]["answer"] = "teks"
    assert "dimensions[0].indicators[1].answer" in problems_of(data)


def test_a_scale_without_a_best_option_of_100_is_an_error():
    data = base()
    data["dimensions"][0]["indicators"][0]["options"][0]["score"] = 90
    assert "dimensions[0].indicators[0].options" in problems_of(data)


def test_yaml_syntax_errors_name_the_line():
    with pytest.raises(scoring.SchemeError) as exc:
        read_source("code: x\n  name: [unclosed\n")
    assert exc.value.problems[0][0].startswith("line ")


def test_numbers_outside_0_to_100_are_refused():
    ind = next(i for i in SCHEMES[0].indicators() if i.answer == scoring.NUMBER)
    with pytest.raises(scoring.AnswerError):
        scoring.clean_answer(ind, "101")
    assert scoring.clean_answer(ind, "87,50") == "87.5"


def test_skipped_indicators_are_left_out_and_weights_renormalised():
    opini = next(s for s in SCHEMES if s.code == "opini-2025")
    answers = {i.code: best(i) for i in opini.indicators() if i.filled_by == "self"}
    skip = {i.code for i in opini.indicators() if i.filled_by == "reviewer"}
    result = scoring.evaluate(opini, answers, skip=skip)
    assert result.total == Decimal("100.00") and result.complete
    assert next(d for d in result.dimensions if d.dimension.code == "kepercayaan").score is None
