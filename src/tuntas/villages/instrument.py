"""The Desa Anti-Maladministrasi assessment instrument: YAML text -> a validated, immutable ``Instrument``.

Pure Python (no Django), so the scoring can be tested exhaustively. The format is documented by the shipped file
``instruments/dam-kotabaru.yaml``. A definition that breaks a rule is refused whole with ``InstrumentError``
naming where the problem is ("criteria[2].indicators[1] (sp_maklumat): weight must be a number > 0").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

import yaml

YES_NO = "yes_no"
SCALE = "scale"
ANSWER_TYPES = (YES_NO, SCALE)
# Codes end up in form field names and stored answers: lowercase ASCII words.
_CODE = re.compile(r"[a-z][a-z0-9_]*\Z")
_SLUG = re.compile(r"[a-z][a-z0-9-]*\Z")
MAX_LEVELS = 11


class InstrumentError(ValueError):
    """The definition is not a valid instrument; the message says where and why."""


@dataclass(frozen=True)
class Indicator:
    code: str
    text: str
    weight: Fraction
    answer: str  # YES_NO or SCALE
    levels: tuple[str, ...]  # the answer labels, from the worst (0) to the best (len - 1)
    evidence: str  # what proof the village uploads
    evidence_required: bool  # a positive answer needs at least one file
    mandatory: bool  # must have the best answer for the village to be eligible
    criterion: str

    @property
    def max_value(self) -> int:
        return len(self.levels) - 1

    def fraction(self, value: int | None) -> Fraction:
        """The share of the weight an answer earns: 0 for no answer, 1 for the best level."""
        if value is None:
            return Fraction(0)
        if not 0 <= value <= self.max_value:
            raise ValueError(f"{self.code}: answer {value} outside 0..{self.max_value}")
        return Fraction(value, self.max_value)


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    min_percent: Fraction  # 0 = no minimum of its own
    indicators: tuple[Indicator, ...]

    @property
    def weight(self) -> Fraction:
        return sum((i.weight for i in self.indicators), Fraction(0))


@dataclass(frozen=True)
class Instrument:
    slug: str
    name: str
    note: str
    min_total: Fraction  # percent of the total weight a village needs
    criteria: tuple[Criterion, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for c in self.criteria for i in c.indicators)

    def indicator(self, code: str) -> Indicator:
        for i in self.indicators:
            if i.code == code:
                return i
        raise KeyError(code)

    @property
    def weight(self) -> Fraction:
        return sum((c.weight for c in self.criteria), Fraction(0))


def _number(value: object, where: str, what: str, *, low: float, high: float, strict_low: bool) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InstrumentError(f"{where}: {what} must be a number")
    number = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    if number < low or number > high or (strict_low and number == low):
        bound = f"> {low}" if strict_low else f">= {low}"
        raise InstrumentError(f"{where}: {what} must be a number {bound} and <= {high}")
    return number


def _keys(value: object, where: str, required: set[str], optional: set[str]) -> dict:
    if not isinstance(value, dict):
        raise InstrumentError(f"{where}: must be a mapping")
    unknown = set(value) - required - optional
    if unknown:
        raise InstrumentError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    missing = required - set(value)
    if missing:
        raise InstrumentError(f"{where}: missing key(s) {', '.join(sorted(missing))}")
    return value


def _text(value: object, where: str, what: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InstrumentError(f"{where}: {what} must be a non-empty text")
    return " ".join(value.split())


def _flag(value: object, where: str, what: str) -> bool:
    if not isinstance(value, bool):
        raise InstrumentError(f"{where}: {what} must be true or false")
    return value


def _indicator(raw: object, where: str, criterion: str) -> Indicator:
    m = _keys(
        raw,
        where,
        {"code", "text", "weight", "answer"},
        {"levels", "evidence", "evidence_required", "mandatory"},
    )
    code = m["code"]
    if not isinstance(code, str) or not _CODE.match(code):
        raise InstrumentError(f"{where}: code must be a lowercase word (a-z, 0-9, _)")
    where = f"{where} ({code})"
    answer = m["answer"]
    if answer not in ANSWER_TYPES:
        raise InstrumentError(f"{where}: answer must be one of {', '.join(ANSWER_TYPES)}")
    if answer == YES_NO:
        if "levels" in m:
            raise InstrumentError(f"{where}: levels are only for answer: {SCALE}")
        levels: tuple[str, ...] = ("Tidak", "Ya")
    else:
        raw_levels = m.get("levels")
        if not isinstance(raw_levels, list) or not 2 <= len(raw_levels) <= MAX_LEVELS:
            raise InstrumentError(f"{where}: a scale needs 2 to {MAX_LEVELS} levels, worst first")
        levels = tuple(_text(level, where, "each level") for level in raw_levels)
    evidence = _text(m.get("evidence"), where, "evidence", required=False)
    evidence_required = _flag(m.get("evidence_required", bool(evidence)), where, "evidence_required")
    if evidence_required and not evidence:
        raise InstrumentError(f"{where}: evidence_required needs an evidence text saying what to upload")
    return Indicator(
        code=code,
        text=_text(m["text"], where, "text"),
        weight=_number(m["weight"], where, "weight", low=0, high=1000, strict_low=True),
        answer=answer,
        levels=levels,
        evidence=evidence,
        evidence_required=evidence_required,
        mandatory=_flag(m.get("mandatory", False), where, "mandatory"),
        criterion=criterion,
    )


def _criterion(raw: object, where: str) -> Criterion:
    m = _keys(raw, where, {"code", "name", "indicators"}, {"min_percent"})
    code = m["code"]
    if not isinstance(code, str) or not _CODE.match(code):
        raise InstrumentError(f"{where}: code must be a lowercase word (a-z, 0-9, _)")
    where = f"{where} ({code})"
    raw_indicators = m["indicators"]
    if not isinstance(raw_indicators, list) or not raw_indicators:
        raise InstrumentError(f"{where}: indicators must be a non-empty list")
    indicators = tuple(
        _indicator(item, f"{where}.indicators[{n}]", code) for n, item in enumerate(raw_indicators, start=1)
    )
    return Criterion(
        code=code,
        name=_text(m["name"], where, "name"),
        min_percent=_number(m.get("min_percent", 0), where, "min_percent", low=0, high=100, strict_low=False),
        indicators=indicators,
    )


def parse_instrument(source: str) -> Instrument:
    """Validate a YAML instrument and return it; raises InstrumentError on the first problem found."""
    try:
        raw = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        raise InstrumentError(f"YAML: {exc}") from None
    m = _keys(raw, "instrument", {"slug", "name", "min_total", "criteria"}, {"note"})
    slug = m["slug"]
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise InstrumentError("instrument: slug must be lowercase letters, digits and '-'")
    if not isinstance(m["criteria"], list) or not m["criteria"]:
        raise InstrumentError("instrument: criteria must be a non-empty list")
    criteria = tuple(_criterion(c, f"criteria[{n}]") for n, c in enumerate(m["criteria"], start=1))
    seen: set[str] = set()
    for code in [c.code for c in criteria] + [i.code for c in criteria for i in c.indicators]:
        if code in seen:
            raise InstrumentError(f"instrument: code '{code}' is used twice")
        seen.add(code)
    return Instrument(
        slug=slug,
        name=_text(m["name"], "instrument", "name"),
        note=_text(m.get("note"), "instrument", "note", required=False),
        min_total=_number(m["min_total"], "instrument", "min_total", low=0, high=100, strict_low=False),
        criteria=criteria,
    )
