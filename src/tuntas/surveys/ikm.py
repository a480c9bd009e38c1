"""The Indeks Kepuasan Masyarakat (IKM) of PermenPANRB 14/2017, as plain Python (no Django).

Each answer is a persepsi value 1..4. For every element (unsur) i:

- NRR_i (nilai rata-rata) = the mean of its answers;
- nilai interval konversi NIK_i = NRR_i x 25 (the element on the 25-100 scale);

and for the whole survey:

- NRR tertimbang = sum(NRR_i x 1/k) over the k elements (k = 9), i.e. the mean of the element means;
- IKM = NRR tertimbang x 25, between 25 (every answer 1) and 100 (every answer 4);
- the grade (mutu pelayanan A-D) is the band that holds the IKM rounded to two decimals.

Rounding: the regulation's worked example rounds the weight 1/9 to 0,111 (some reports use 0,11) and the
NRR to three or four decimals. With a rounded weight a survey where everyone answered 4 scores 99,90, not
100, and the grade of a result near a cut-off depends on how a spreadsheet rounded. We therefore compute
exactly (fractions; the weight is exactly 1/k) and round only what is shown: IKM and NIK to two decimals,
NRR to three, half up, as Indonesian reports print them. The grade is read from the rounded IKM because the
bands are written with two decimals (88,30 / 88,31).

Unanswered elements: a response must answer every element (the portal form requires all nine and the
service refuses a partial response), so every element mean is over the same respondents. The functions
below still take per-element totals, so results pooled over questionnaire versions stay correct.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

SCALE_MIN, SCALE_MAX = 1, 4
CONVERSION = 25  # 1..4 -> 25..100
TWO = Decimal("0.01")
THREE = Decimal("0.001")


def to_decimal(value: Fraction, places: Decimal = TWO) -> Decimal:
    """An exact fraction rounded half up (away from zero) to ``places`` (Decimal('0.01') = two decimals),
    computed on the fraction itself so no intermediate rounding can move a value across the .005 line."""
    scale = 10 ** -places.as_tuple().exponent
    scaled = abs(value) * scale
    units = int(scaled + Fraction(1, 2))  # floor(x + 1/2): half up for non-negative x
    sign = -1 if value < 0 else 1
    return (Decimal(sign * units) / Decimal(scale)).quantize(places)


@dataclass(frozen=True)
class Band:
    """A grade band: ``code`` (A-D) for IKM values from ``low`` to ``high`` inclusive (two decimals)."""

    code: str
    label: str
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class ElementScore:
    code: str
    total: int  # sum of the answers
    answers: int  # how many answers

    @property
    def nrr(self) -> Fraction:
        return Fraction(self.total, self.answers)

    @property
    def nik(self) -> Fraction:
        """Nilai interval konversi: the element on the 25-100 scale."""
        return self.nrr * CONVERSION


@dataclass(frozen=True)
class Index:
    elements: tuple[ElementScore, ...]

    @property
    def nrr_weighted(self) -> Fraction:
        """NRR tertimbang: sum of NRR_i x 1/k."""
        weight = Fraction(1, len(self.elements))
        return sum((e.nrr * weight for e in self.elements), Fraction(0))

    @property
    def exact(self) -> Fraction:
        return self.nrr_weighted * CONVERSION

    @property
    def ikm(self) -> Decimal:
        """The IKM rounded to two decimals, as published."""
        return to_decimal(self.exact)


def _check(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(f"an answer is an integer from {SCALE_MIN} to {SCALE_MAX}, not {value!r}")
    return value


def index_from_totals(totals: Mapping[str, tuple[int, int]], elements: Sequence[str]) -> Index | None:
    """The index from per-element (sum of answers, number of answers), for the elements in ``elements``
    order. None when an element has no answers (no respondents yet)."""
    scores = []
    for code in elements:
        total, answers = totals.get(code, (0, 0))
        if answers <= 0:
            return None
        if not SCALE_MIN * answers <= total <= SCALE_MAX * answers:
            raise ValueError(f"element {code}: a sum of {total} cannot come from {answers} answers")
        scores.append(ElementScore(code, total, answers))
    if not scores:
        return None
    return Index(tuple(scores))


def index_from_responses(responses: Iterable[Sequence[int]], elements: Sequence[str]) -> Index | None:
    """The index of complete responses, each a sequence of answers in ``elements`` order."""
    totals = {code: [0, 0] for code in elements}
    for response in responses:
        if len(response) != len(elements):
            raise ValueError(f"a response answers all {len(elements)} elements, this one {len(response)}")
        for code, value in zip(elements, response, strict=True):
            totals[code][0] += _check(value)
            totals[code][1] += 1
    return index_from_totals({c: (t, n) for c, (t, n) in totals.items()}, elements)


def grade(ikm: Decimal, bands: Sequence[Band]) -> Band | None:
    """The band holding ``ikm`` (two decimals). A value in a gap between misconfigured bands takes the band
    below it (the highest ``low`` not above the value); None below every band."""
    value = ikm.quantize(TWO, rounding=ROUND_HALF_UP)
    for band in bands:
        if band.low <= value <= band.high:
            return band
    below = [b for b in bands if b.low <= value]
    return max(below, key=lambda b: b.low) if below else None
