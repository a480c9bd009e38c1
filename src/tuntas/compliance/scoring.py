"""Scoring schemes of the compliance assessment as plain data, and the maths: no Django here.

A scheme (YAML, see ``schemes/*.yaml``) is dimensions -> indicators, optional parts that group dimensions
(the 2025 Opini Ombudsman: the four dimensions 70 % + public trust 30 %), and result bands (zones or opinion
categories). An indicator is answered "ya"/"tidak", with one option of a scale, or with a number 0..100; each
answer scores 0..100.

Decisions, so that results can be checked by hand:
- Weights are percentages and must sum to 100 at every level (indicators within a dimension, dimensions
  within a part or the scheme, parts within the scheme); a typo in a weight is an error, not silently
  normalised. The maths still divides by the sum, so a scheme edited in code cannot push a score past 100.
- An unanswered indicator scores 0: submitting requires every answer anyway, and a partial result never
  looks better than it is.
- Scores are rounded to two decimals (half up) before the band is looked up; bands are closed intervals
  with two-decimal bounds that must follow each other exactly (``81.00`` after ``80.99``) from 0 to 100.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

YES_NO = "yes_no"
SCALE = "scale"
NUMBER = "number"
ANSWER_TYPES = (YES_NO, SCALE, NUMBER)
YES, NO = "ya", "tidak"
FILLED_BY = ("self", "reviewer")  # "reviewer": only the reviewer answers it (e.g. a survey index)
TONES = ("hijau", "hijau-muda", "kuning", "oranye", "merah")
STEP = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)


class SchemeError(ValueError):
    """A scheme that cannot be used; ``problems`` are (YAML path, message) pairs, e.g.
    ("dimensions[1].indicators[0].weight", "must be a number greater than 0")."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{path}: {message}" for path, message in self.problems))


class AnswerError(ValueError):
    """An answer that does not fit its indicator."""


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    label_en: str
    score: Decimal


@dataclass(frozen=True)
class Indicator:
    code: str
    text: str
    text_en: str
    weight: Decimal
    answer: str
    options: tuple[Option, ...] = ()
    filled_by: str = "self"
    hint: str = ""
    evidence: str = ""  # what evidence is expected, shown next to the upload

    def choices(self) -> tuple[Option, ...]:
        """The options to pick from (yes/no has two implicit ones); empty for a number."""
        if self.answer == YES_NO:
            return (Option(YES, "Ya", "Yes", HUNDRED), Option(NO, "Tidak", "No", ZERO))
        return self.options


@dataclass(frozen=True)
class Dimension:
    code: str
    name: str
    name_en: str
    weight: Decimal
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    name_en: str
    weight: Decimal
    dimensions: tuple[str, ...]


@dataclass(frozen=True)
class Band:
    code: str
    name: str
    name_en: str
    min: Decimal
    max: Decimal
    tone: str
    unconfirmed: bool = False
    zone: str = ""  # the zone a category belongs to (2022-2024: hijau = tertinggi + tinggi, ...); "" if none

    def contains(self, score: Decimal) -> bool:
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Qualifier:
    """A separate yes/no added to the result's name, not a weighted indicator: the 2025 opinion's "Tanpa
    Maladministrasi", decided by the follow-up of the Ombudsman's products (see ``opinion_name``)."""

    code: str
    name: str
    name_en: str
    source: str  # where the yes/no comes from; "ombudsman-products": every product followed up to the end
    unconfirmed: bool = False


QUALIFIER_SOURCES = ("ombudsman-products",)


@dataclass(frozen=True)
class Scheme:
    code: str
    name: str
    name_en: str
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    parts: tuple[Part, ...] = ()
    result_label: str = "Zona"
    result_label_en: str = "Zone"
    qualifier: Qualifier | None = None

    def indicators(self) -> list[Indicator]:
        return [i for d in self.dimensions for i in d.indicators]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators() if i.code == code), None)

    def effective_parts(self) -> tuple[Part, ...]:
        """The parts, or one implicit part of all dimensions when the scheme has none."""
        if self.parts:
            return self.parts
        return (Part("total", "Total", "Total", HUNDRED, tuple(d.code for d in self.dimensions)),)


@dataclass(frozen=True)
class DimensionResult:
    dimension: Dimension
    score: Decimal | None  # None: every indicator skipped
    answered: int


@dataclass(frozen=True)
class PartResult:
    part: Part
    score: Decimal | None


@dataclass(frozen=True)
class Result:
    total: Decimal
    band: Band
    dimensions: tuple[DimensionResult, ...]
    parts: tuple[PartResult, ...] = field(default=())
    complete: bool = True


# --- answers -----------------------------------------------------------------------------------------------


def round2(value: Decimal | float | int) -> Decimal:
    return Decimal(str(value)).quantize(STEP, rounding=ROUND_HALF_UP)


def clean_answer(indicator: Indicator, raw: object) -> str:
    """The stored form of an answer ("ya", an option code, or a number like "87.5"); raises AnswerError."""
    text = str(raw if raw is not None else "").strip()
    if indicator.answer == NUMBER:
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:
            raise AnswerError("bukan angka") from exc
        if not value.is_finite() or not ZERO <= value <= HUNDRED:
            raise AnswerError("harus 0 sampai 100")
        return str(round2(value).normalize()) if value != ZERO else "0"
    codes = [o.code for o in indicator.choices()]
    if text not in codes:
        raise AnswerError("pilihan tidak dikenal")
    return text


def indicator_score(indicator: Indicator, value: str | None) -> Decimal | None:
    """0..100 for an answer, None when unanswered; an answer that no longer fits counts as unanswered."""
    if value in (None, ""):
        return None
    try:
        value = clean_answer(indicator, value)
    except AnswerError:
        return None
    if indicator.answer == NUMBER:
        return Decimal(value)
    return next(o.score for o in indicator.choices() if o.code == value)


def _weighted(pairs: Sequence[tuple[Decimal, Decimal]]) -> Decimal:
    """Weighted mean of (weight, score 0..100) pairs, normalised by the weights' sum."""
    total_weight = sum((w for w, _ in pairs), ZERO)
    if total_weight <= 0:
        return ZERO
    return sum((w * s for w, s in pairs), ZERO) / total_weight


def evaluate(scheme: Scheme, answers: Mapping[str, str | None], skip: Collection[str] = ()) -> Result:
    """Indicator scores -> dimension scores -> part scores -> total (all 0..100, two decimals) -> band.

    Indicators in ``skip`` are left out and the weights of the rest renormalised; a dimension (or part) left
    empty is left out too, and its score is None. The self-assessment skips what only the reviewer answers
    (e.g. the public trust index) until the reviewer has answered it, so it is not shown as a 0."""
    dims = []
    exact: dict[str, Decimal] = {}
    complete = True
    for d in scheme.dimensions:
        pairs, answered = [], 0
        for ind in d.indicators:
            if ind.code in skip:
                continue
            score = indicator_score(ind, answers.get(ind.code))
            if score is None:
                complete = False
                score = ZERO
            else:
                answered += 1
            pairs.append((ind.weight, score))
        if pairs:
            exact[d.code] = _weighted(pairs)
        dims.append(DimensionResult(d, round2(exact[d.code]) if pairs else None, answered))
    weights = {d.code: d.weight for d in scheme.dimensions}
    parts, part_pairs = [], []
    for p in scheme.effective_parts():
        members = [(weights[c], exact[c]) for c in p.dimensions if c in exact]
        score = _weighted(members) if members else None
        parts.append(PartResult(p, round2(score) if score is not None else None))
        if score is not None:
            part_pairs.append((p.weight, score))
    total = round2(min(HUNDRED, max(ZERO, _weighted(part_pairs))))
    return Result(total, band_for(scheme.bands, total), tuple(dims), tuple(parts), complete)


def opinion_name(
    band: Band, qualifier: Qualifier | None, qualifies: bool | None, english: bool = False
) -> str:
    """The result's name: the band's, followed by the qualifier's when the scheme has one and it holds
    ("Kualitas Sedang Tanpa Maladministrasi"); unknown (None) or not holding: the band's name alone."""
    name = (band.name_en or band.name) if english else band.name
    if qualifier is None or not qualifies:
        return name
    return f"{name} {(qualifier.name_en or qualifier.name) if english else qualifier.name}"


def band_for(bands: Sequence[Band], score: Decimal | float) -> Band:
    """The one band holding ``score`` rounded to two decimals (validation guarantees there is exactly one)."""
    value = round2(score)
    for band in bands:
        if band.contains(value):
            return band
    raise ValueError(f"no band for {value}")


# --- parsing and validation -----------------------------------------------------------------------------


def _number(raw: object) -> Decimal | None:
    if isinstance(raw, bool) or raw is None:
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class _Reader:
    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def text(self, data: Mapping, key: str, path: str, required: bool = True) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(f"{path}.{key}", "must be text")
            return ""
        value = str(value).strip()
        if required and not value:
            self.fail(f"{path}.{key}", "is required")
        return value

    def weight(self, data: Mapping, path: str) -> Decimal:
        value = _number(data.get("weight"))
        if value is None or value <= 0 or value > 100:
            self.fail(f"{path}.weight", "must be a number greater than 0 and at most 100")
            return ZERO
        return value

    def items(self, data: Mapping, key: str, path: str) -> list:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            self.fail(f"{path}.{key}", "must be a non-empty list")
            return []
        return value

    def sums_to_100(self, weights: Sequence[Decimal], path: str) -> None:
        total = sum(weights, ZERO)
        if weights and all(w > 0 for w in weights) and total != HUNDRED:
            self.fail(path, f"weights must sum to 100 (they sum to {total.normalize():f})")


def _options(r: _Reader, data: Mapping, path: str) -> tuple[Option, ...]:
    options, seen = [], set()
    for k, raw in enumerate(r.items(data, "options", path)):
        p = f"{path}.options[{k}]"
        if not isinstance(raw, Mapping):
            r.fail(p, "must be a mapping")
            continue
        code = r.text(raw, "code", p)
        if code in seen:
            r.fail(f"{p}.code", f"duplicate option code {code!r}")
        seen.add(code)
        score = _number(raw.get("score"))
        if score is None or not ZERO <= score <= HUNDRED:
            r.fail(f"{p}.score", "must be a number 0..100")
            score = ZERO
        options.append(Option(code, r.text(raw, "label", p), r.text(raw, "label_en", p, False), score))
    return tuple(options)


def _indicator(r: _Reader, raw: object, path: str, seen: set[str]) -> Indicator | None:
    if not isinstance(raw, Mapping):
        r.fail(path, "must be a mapping")
        return None
    code = r.text(raw, "code", path)
    if code and code in seen:
        r.fail(f"{path}.code", f"duplicate indicator code {code!r}")
    seen.add(code)
    answer = raw.get("answer")
    options: tuple[Option, ...] = ()
    if answer not in ANSWER_TYPES:
        r.fail(f"{path}.answer", f"must be one of {', '.join(ANSWER_TYPES)}")
    elif answer == SCALE:
        options = _options(r, raw, path)
        if options and max(o.score for o in options) != HUNDRED or options and min(o.score for o in options):
            r.fail(f"{path}.options", "the best option must score 100 and the worst 0")
    filled_by = raw.get("filled_by", "self")
    if filled_by not in FILLED_BY:
        r.fail(f"{path}.filled_by", f"must be one of {', '.join(FILLED_BY)}")
    return Indicator(
        code=code,
        text=r.text(raw, "text", path),
        text_en=r.text(raw, "text_en", path, False),
        weight=r.weight(raw, path),
        answer=str(answer),
        options=options,
        filled_by=str(filled_by),
        hint=r.text(raw, "hint", path, False),
        evidence=r.text(raw, "evidence", path, False),
    )


def _bands(r: _Reader, data: Mapping) -> tuple[Band, ...]:
    bands, seen = [], set()
    for k, raw in enumerate(r.items(data, "bands", "scheme")):
        p = f"bands[{k}]"
        if not isinstance(raw, Mapping):
            r.fail(p, "must be a mapping")
            continue
        code = r.text(raw, "code", p)
        if code in seen:
            r.fail(f"{p}.code", f"duplicate band code {code!r}")
        seen.add(code)
        lo, hi = _number(raw.get("min")), _number(raw.get("max"))
        if lo is None or hi is None or not ZERO <= lo <= hi <= HUNDRED:
            r.fail(p, "min and max must be numbers with 0 <= min <= max <= 100")
            continue
        if lo != round2(lo) or hi != round2(hi):
            r.fail(p, "min and max have at most two decimals")
        tone = raw.get("tone")
        if tone not in TONES:
            r.fail(f"{p}.tone", f"must be one of {', '.join(TONES)}")
        name = r.text(raw, "name", p)
        bands.append(
            Band(
                code,
                name,
                r.text(raw, "name_en", p, False),
                lo,
                hi,
                str(tone),
                bool(raw.get("unconfirmed")),
                r.text(raw, "zone", p, False),
            )
        )
    ordered = sorted(bands, key=lambda b: b.min)
    if ordered:
        if ordered[0].min != ZERO:
            r.fail("bands", "the lowest band must start at 0")
        if ordered[-1].max != HUNDRED:
            r.fail("bands", "the highest band must end at 100")
        for low, high in zip(ordered, ordered[1:], strict=False):
            if high.min <= low.max:
                r.fail("bands", f"{low.code!r} and {high.code!r} overlap")
            elif high.min != round2(low.max + STEP):
                r.fail(
                    "bands", f"gap between {low.code!r} (to {low.max}) and {high.code!r} (from {high.min})"
                )
    return tuple(sorted(bands, key=lambda b: b.min, reverse=True))


def parse_scheme(data: object) -> Scheme:
    """A validated Scheme from parsed YAML; raises SchemeError listing every problem with its path."""
    r = _Reader()
    if not isinstance(data, Mapping):
        raise SchemeError([("scheme", "must be a mapping")])
    dims, dim_codes, ind_codes = [], set(), set()
    for k, raw in enumerate(r.items(data, "dimensions", "scheme")):
        p = f"dimensions[{k}]"
        if not isinstance(raw, Mapping):
            r.fail(p, "must be a mapping")
            continue
        code = r.text(raw, "code", p)
        if code in dim_codes:
            r.fail(f"{p}.code", f"duplicate dimension code {code!r}")
        dim_codes.add(code)
        inds = [
            i
            for j, item in enumerate(r.items(raw, "indicators", p))
            if (i := _indicator(r, item, f"{p}.indicators[{j}]", ind_codes)) is not None
        ]
        r.sums_to_100([i.weight for i in inds], f"{p}.indicators")
        dims.append(
            Dimension(
                code, r.text(raw, "name", p), r.text(raw, "name_en", p, False), r.weight(raw, p), tuple(inds)
            )
        )
    parts = []
    if "parts" in data:
        placed: dict[str, str] = {}
        for k, raw in enumerate(r.items(data, "parts", "scheme")):
            p = f"parts[{k}]"
            if not isinstance(raw, Mapping):
                r.fail(p, "must be a mapping")
                continue
            code = r.text(raw, "code", p)
            members = raw.get("dimensions")
            if not isinstance(members, list) or not members:
                r.fail(f"{p}.dimensions", "must be a non-empty list of dimension codes")
                members = []
            for m in members:
                if m not in dim_codes:
                    r.fail(f"{p}.dimensions", f"unknown dimension {m!r}")
                elif m in placed:
                    r.fail(f"{p}.dimensions", f"dimension {m!r} is already in part {placed[m]!r}")
                placed[str(m)] = code
            weights = {d.code: d.weight for d in dims}
            r.sums_to_100([weights[m] for m in members if m in weights], f"{p}.dimensions")
            parts.append(
                Part(
                    code,
                    r.text(raw, "name", p),
                    r.text(raw, "name_en", p, False),
                    r.weight(raw, p),
                    tuple(members),
                )
            )
        for missing in sorted(dim_codes - set(placed)):
            r.fail("parts", f"dimension {missing!r} is in no part")
        r.sums_to_100([p.weight for p in parts], "parts")
    else:
        r.sums_to_100([d.weight for d in dims], "dimensions")
    bands = _bands(r, data)
    qualifier = None
    if "qualifier" in data:
        raw = data.get("qualifier")
        if not isinstance(raw, Mapping):
            r.fail("qualifier", "must be a mapping")
        else:
            source = raw.get("source")
            if source not in QUALIFIER_SOURCES:
                r.fail("qualifier.source", f"must be one of {', '.join(QUALIFIER_SOURCES)}")
            qualifier = Qualifier(
                r.text(raw, "code", "qualifier"),
                r.text(raw, "name", "qualifier"),
                r.text(raw, "name_en", "qualifier", False),
                str(source),
                bool(raw.get("unconfirmed")),
            )
    scheme = Scheme(
        code=r.text(data, "code", "scheme"),
        name=r.text(data, "name", "scheme"),
        name_en=r.text(data, "name_en", "scheme", False),
        dimensions=tuple(dims),
        bands=bands,
        parts=tuple(parts),
        result_label=r.text(data, "result_label", "scheme", False) or "Zona",
        result_label_en=r.text(data, "result_label_en", "scheme", False) or "Zone",
        qualifier=qualifier,
    )
    if r.problems:
        raise SchemeError(r.problems)
    return scheme
