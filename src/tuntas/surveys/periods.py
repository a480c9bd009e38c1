"""Reporting periods of the survey results: a year, a semester or a quarter (triwulan), by local date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

PARTS = ("", "s1", "s2", "q1", "q2", "q3", "q4")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    year: int
    part: str  # "" (the whole year), "s1"/"s2", "q1".."q4"
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        if self.part.startswith("s"):
            return _("Semester %(n)s %(year)s") % {"n": ROMAN[int(self.part[1])], "year": self.year}
        if self.part.startswith("q"):
            return _("Triwulan %(n)s %(year)s") % {"n": ROMAN[int(self.part[1])], "year": self.year}
        return _("Tahun %(year)s") % {"year": self.year}

    @property
    def query(self) -> str:
        return f"tahun={self.year}" + (f"&periode={self.part}" if self.part else "")


def period(year: int, part: str = "") -> Period:
    part = part if part in PARTS else ""
    if part.startswith("s"):
        first = 1 + 6 * (int(part[1]) - 1)
        months = 6
    elif part.startswith("q"):
        first = 1 + 3 * (int(part[1]) - 1)
        months = 3
    else:
        first, months = 1, 12
    start = dt.date(year, first, 1)
    last_month = first + months - 1
    end = (dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)) - dt.timedelta(
        days=1
    )
    return Period(year, part, start, end)


def from_query(year: str | None, part: str | None, today: dt.date) -> Period:
    """The period named by ``?tahun=2026&periode=q2``; the current year when missing or out of range."""
    try:
        y = int(year or today.year)
    except ValueError:
        y = today.year
    if not 2000 <= y <= today.year + 1:
        y = today.year
    return period(y, (part or "").lower())


def choices() -> list[tuple[str, str]]:
    return [
        ("", _("Setahun penuh")),
        ("s1", _("Semester I")),
        ("s2", _("Semester II")),
        ("q1", _("Triwulan I")),
        ("q2", _("Triwulan II")),
        ("q3", _("Triwulan III")),
        ("q4", _("Triwulan IV")),
    ]
