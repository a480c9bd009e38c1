"""Working calendars built from the Holiday table: national days and cuti bersama everywhere, local days by region."""

from __future__ import annotations

import threading

from tuntas.core.calendar import WorkingCalendar
from tuntas.core.models import Holiday

_lock = threading.Lock()
_cache: dict[str, tuple[int, WorkingCalendar]] = {}


def _stamp() -> int:
    # Holidays change rarely; a cheap aggregate tells when the cached calendars are stale.
    from django.db.models import Count, Max

    agg = Holiday.objects.aggregate(n=Count("id"), m=Max("id"))
    return hash((agg["n"], agg["m"]))


def calendar_for(region_code: str | None = None) -> WorkingCalendar:
    """The calendar of an organisation located in ``region_code`` (national + cuti bersama + local prefixes)."""
    key = region_code or ""
    stamp = _stamp()
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    prefixes = [""]
    parts = key.split(".") if key else []
    prefixes += [".".join(parts[:i]) for i in range(1, len(parts) + 1)]
    days = Holiday.objects.filter(region_code__in=prefixes).values_list("date", flat=True)
    cal = WorkingCalendar(holidays=set(days))
    with _lock:
        _cache[key] = (stamp, cal)
    return cal


def clear_cache() -> None:
    with _lock:
        _cache.clear()
