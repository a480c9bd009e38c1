"""Scoring a village's answers against an instrument. Pure Python (no Django); exact arithmetic with Fraction so
a score exactly on a threshold is never lost to rounding.

An indicator earns ``weight x value / max_value``; a criterion's percent is what its indicators earned over their
total weight; the total percent is what all indicators earned over the instrument's total weight. A village is
eligible for designation when the total reaches ``min_total``, every criterion reaches its own ``min_percent``,
and every mandatory indicator has its best answer. Unanswered indicators count as 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from tuntas.villages.instrument import Instrument

HUNDRED = Fraction(100)


@dataclass(frozen=True)
class CriterionScore:
    code: str
    name: str
    earned: Fraction
    weight: Fraction
    min_percent: Fraction

    @property
    def percent(self) -> Fraction:
        return self.earned / self.weight * HUNDRED

    @property
    def passes(self) -> bool:
        return self.percent >= self.min_percent


@dataclass(frozen=True)
class Score:
    total: Fraction  # percent, 0..100
    min_total: Fraction
    criteria: tuple[CriterionScore, ...]
    mandatory_missing: tuple[str, ...]  # indicator codes without their best answer
    unanswered: tuple[str, ...]

    @property
    def total_passes(self) -> bool:
        return self.total >= self.min_total

    @property
    def failing_criteria(self) -> tuple[CriterionScore, ...]:
        return tuple(c for c in self.criteria if not c.passes)

    @property
    def eligible(self) -> bool:
        return self.total_passes and not self.failing_criteria and not self.mandatory_missing

    @property
    def total_rounded(self) -> float:
        return round(float(self.total), 2)


def score(instrument: Instrument, answers: Mapping[str, int | None]) -> Score:
    """Score ``answers`` (indicator code -> level, 0 = worst); codes the instrument lacks are ignored."""
    criteria = []
    earned_total = Fraction(0)
    mandatory_missing, unanswered = [], []
    for criterion in instrument.criteria:
        earned = Fraction(0)
        for indicator in criterion.indicators:
            value = answers.get(indicator.code)
            if value is None:
                unanswered.append(indicator.code)
            earned += indicator.weight * indicator.fraction(value)
            if indicator.mandatory and value != indicator.max_value:
                mandatory_missing.append(indicator.code)
        earned_total += earned
        criteria.append(
            CriterionScore(criterion.code, criterion.name, earned, criterion.weight, criterion.min_percent)
        )
    return Score(
        total=earned_total / instrument.weight * HUNDRED,
        min_total=instrument.min_total,
        criteria=tuple(criteria),
        mandatory_missing=tuple(mandatory_missing),
        unanswered=tuple(unanswered),
    )


def best_answers(instrument: Instrument) -> dict[str, int]:
    """Every indicator at its best level (the demo and tests use it)."""
    return {i.code: i.max_value for i in instrument.indicators}
