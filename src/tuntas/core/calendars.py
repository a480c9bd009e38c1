"""Working calendars built from the Holiday table: national days and cuti bersama everywhere, local days by region."""

from __future__ import annotations

import threading

from tuntas.core.calendar import WorkingCalendar
from tuntas.core.models import Holiday

_lock = threading.Lock()
_cache: dict[str, WorkingCalendar] = {}


def _prefixes(region_code: str) -> list[str]:
    """ "" (the whole country) and every prefix of the code: "63", "63.02", "63.02.06", ..."""
    parts = region_code.split(".") if region_code else []
    return ["", *(".".join(parts[:i]) for i in range(1, len(parts) + 1))]


def calendar_for(region_code: str | None = None) -> WorkingCalendar:
    """The calendar of an organisation located in ``region_code`` (national + cuti bersama + local prefixes).

    The holiday dates are read on every call (one small query), so a holiday added, moved or deleted in the
    admin counts at once in every process; the calendar object is reused while its dates are unchanged.
    """
    key = region_code or ""
    days = frozenset(Holiday.objects.filter(region_code__in=_prefixes(key)).values_list("date", flat=True))
    cached = _cache.get(key)
    if cached is not None and cached.holidays == days:
        return cached
    cal = WorkingCalendar(holidays=days)
    with _lock:
        _cache[key] = cal
    return cal


def clear_cache() -> None:
    with _lock:
        _cache.clear()
    from tuntas.core.holidays_sync import forget_warnings  # noqa: PLC0415 - holidays_sync imports this module

    forget_warnings()
