"""Properties of the pure scoring: scores stay within 0..100, better answers never lower a score, and
eligibility follows exactly the thresholds (total, per criterion, mandatory indicators)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tuntas.villages.instrument import parse_instrument
from tuntas.villages.scoring import best_answers, score
from tuntas.villages.shipped import SHIPPED_DIR

INSTRUMENT = parse_instrument((SHIPPED_DIR / "dam-kotabaru.yaml").read_text(encoding="utf-8"))
INDICATORS = INSTRUMENT.indicators


@st.composite
def answers(draw, instrument=INSTRUMENT):  # noqa: ANN001, ANN201
    """Any answer (or none) to each indicator."""
    return {i.code: draw(st.one_of(st.none(), st.integers(0, i.max_value))) for i in instrument.indicators}


@given(answers())
def test_total_and_criteria_stay_between_0_and_100(a):
    result = score(INSTRUMENT, a)
    assert 0 <= result.total <= 100
    assert all(0 <= c.percent <= 100 for c in result.criteria)


@given(answers(), st.sampled_from(INDICATORS))
def test_a_better_answer_never_lowers_a_score_or_eligibility(a, indicator):
    current = a[indicator.code] or 0
    if current == indicator.max_value:
        return
    better = {**a, indicator.code: current + 1}
    before, after = score(INSTRUMENT, a), score(INSTRUMENT, better)
    assert after.total > before.total
    assert all(y.percent >= x.percent for x, y in zip(before.criteria, after.criteria, strict=True))
    assert after.eligible or not before.eligible


@given(answers())
def test_eligible_exactly_when_every_threshold_is_met(a):
    result = score(INSTRUMENT, a)
    expected = (
        result.total >= INSTRUMENT.min_total
        and all(c.percent >= c.min_percent for c in result.criteria)
        and all(a[i.code] == i.max_value for i in INDICATORS if i.mandatory)
    )
    assert result.eligible == expected


@given(answers())
def test_total_is_the_weighted_mean_of_the_criteria(a):
    result = score(INSTRUMENT, a)
    weighted = sum((c.percent * c.weight for c in result.criteria), Fraction(0)) / INSTRUMENT.weight
    assert result.total == weighted


def test_best_answers_score_100_and_are_eligible():
    result = score(INSTRUMENT, best_answers(INSTRUMENT))
    assert result.total == 100 and result.eligible


def test_no_answers_score_0_and_list_every_indicator_as_unanswered():
    result = score(INSTRUMENT, {})
    assert result.total == 0 and not result.eligible
    assert len(result.unanswered) == len(INDICATORS)


def test_a_mandatory_indicator_below_its_best_makes_a_high_score_ineligible():
    mandatory = next(i for i in INDICATORS if i.mandatory)
    result = score(INSTRUMENT, {**best_answers(INSTRUMENT), mandatory.code: 0})
    assert result.total >= INSTRUMENT.min_total
    assert result.mandatory_missing == (mandatory.code,) and not result.eligible


def test_a_score_exactly_on_the_threshold_is_eligible():
    source = """
slug: ambang
name: Ambang
min_total: 50
criteria:
  - code: k
    name: K
    min_percent: 50
    indicators:
      - {code: a, text: A, weight: 1, answer: yes_no}
      - {code: b, text: B, weight: 1, answer: yes_no}
"""
    instrument = parse_instrument(source)
    assert score(instrument, {"a": 1, "b": 0}).eligible
    assert not score(instrument, {"a": 0, "b": 0}).eligible


@given(st.integers(1, 10), st.integers(0, 100))
def test_scale_levels_earn_their_share_of_the_weight(levels, threshold):
    source = f"""
slug: skala
name: Skala
min_total: {threshold}
criteria:
  - code: k
    name: K
    indicators:
      - code: a
        text: A
        weight: 3
        answer: scale
        levels: [{", ".join(f"L{n}" for n in range(levels + 1))}]
"""
    instrument = parse_instrument(source)
    for value in range(levels + 1):
        result = score(instrument, {"a": value})
        assert result.total == Fraction(100 * value, levels)
        assert result.eligible == (result.total >= threshold)
