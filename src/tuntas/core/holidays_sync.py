"""Keep the Holiday table's national rows (libur nasional, cuti bersama) in step with the holiday sources.

Rows written here carry ``source`` starting with ``SYNC_MARK``; only those are updated or removed on a later
run. A national row an admin entered by hand (e.g. a Keppres declaring an election day a holiday) is never
touched, and local holidays (kind "lokal", with a region code) are entered in the admin only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from tuntas.core import calendars
from tuntas.core import clock as time
from tuntas.core.holiday_sources import decree_for, national_holidays
from tuntas.core.models import Holiday

SYNC_MARK = "sinkron:"
NATIONAL_KINDS = (Holiday.Kind.NASIONAL, Holiday.Kind.CUTI_BERSAMA)


@dataclass(frozen=True)
class SyncResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept_manual: int = 0


def default_years(today: dt.date | None = None) -> list[int]:
    """Last year, this year and next year: enough for deadlines running over a new year."""
    year = (today or time.today()).year
    return [year - 1, year, year + 1]


def _source(year: int) -> str:
    return f"{SYNC_MARK} {decree_for(year) or 'paket holidays (perkiraan)'}"[:200]


@transaction.atomic
def holidays_sync(years: Iterable[int] | None = None) -> SyncResult:
    """Upsert the national holidays of ``years`` (default: last, this and next year); idempotent.

    One national row per date: a synced row whose date dropped out of the sources is removed, one whose name
    or kind changed is updated. The working-calendar cache is cleared afterwards.
    """
    years = sorted(set(years if years is not None else default_years()))
    wanted = {spec.date: spec for spec in national_holidays(years)}
    existing: dict[dt.date, list[Holiday]] = {}
    rows = Holiday.objects.select_for_update().filter(
        region_code="", kind__in=NATIONAL_KINDS, date__year__in=years
    )
    for row in rows:
        existing.setdefault(row.date, []).append(row)
    created = updated = deleted = unchanged = kept = 0
    to_create = []
    for day, spec in wanted.items():
        source = _source(day.year)
        rows_of_day = existing.pop(day, [])
        manual = [r for r in rows_of_day if not r.source.startswith(SYNC_MARK)]
        synced = [r for r in rows_of_day if r.source.startswith(SYNC_MARK)]
        if manual:  # an admin's row for that day wins; drop our copies
            kept += 1
            deleted += len(synced)
            Holiday.objects.filter(pk__in=[r.pk for r in synced]).delete()
            continue
        if not synced:
            to_create.append(Holiday(date=day, name=spec.name[:200], kind=spec.kind, source=source))
            created += 1
            continue
        row, extra = synced[0], synced[1:]
        if extra:
            Holiday.objects.filter(pk__in=[r.pk for r in extra]).delete()
            deleted += len(extra)
        if (row.name, row.kind, row.source) == (spec.name[:200], spec.kind, source):
            unchanged += 1
            continue
        row.name, row.kind, row.source = spec.name[:200], spec.kind, source
        row.save(update_fields=["name", "kind", "source"])
        updated += 1
    stale = [r.pk for rows_of_day in existing.values() for r in rows_of_day if r.source.startswith(SYNC_MARK)]
    if stale:
        deleted += Holiday.objects.filter(pk__in=stale).delete()[0]
    kept += sum(
        1 for rows_of_day in existing.values() for r in rows_of_day if not r.source.startswith(SYNC_MARK)
    )
    Holiday.objects.bulk_create(to_create)
    transaction.on_commit(calendars.clear_cache)
    calendars.clear_cache()
    return SyncResult(created, updated, deleted, unchanged, kept)


def unconfirmed_years(years: Iterable[int]) -> list[int]:
    """Years whose holidays are not confirmed by an SKB: no cuti bersama row at all, or only national rows
    from the estimating ``holidays`` package (no decree known for the year, no admin entry). Deadlines
    counted across such a year may move once the SKB is out. One query whatever the number of years."""
    wanted = sorted(set(years))
    if not wanted:
        return []
    rows = Holiday.objects.filter(
        date__gte=dt.date(wanted[0], 1, 1), date__lte=dt.date(wanted[-1], 12, 31)
    ).filter(kind__in=NATIONAL_KINDS, region_code="")
    with_cuti, by_hand = set(), set()
    for day, kind, source in rows.values_list("date", "kind", "source"):
        if kind == Holiday.Kind.CUTI_BERSAMA:
            with_cuti.add(day.year)
        if not source.startswith(SYNC_MARK):
            by_hand.add(day.year)
    return [y for y in wanted if y not in with_cuti or not (decree_for(y) is not None or y in by_hand)]


def years_to_warn_about(today: dt.date | None = None) -> list[int]:
    """The unconfirmed years among this one and, from October (when the next SKB is due), the next: what the
    console warns its coordinators and admins about. Kept in the cache for ``WARNING_CACHE_SECONDS`` (one
    query per process and window, none per page); a holiday change in this process clears it at once."""
    today = today or time.today()
    years = [today.year] + ([today.year + 1] if today.month >= 10 else [])
    key = _warning_key(years)
    found = cache.get(key)
    if found is None:
        found = unconfirmed_years(years)
        cache.set(key, found, WARNING_CACHE_SECONDS)
    return found


WARNING_CACHE_SECONDS = 600


def _warning_key(years: list[int]) -> str:
    return "tuntas.holidays.unconfirmed." + "-".join(str(y) for y in years)


def forget_warnings() -> None:
    """Called with every calendar cache clear (admin edits, sync): the next page computes the warning anew."""
    year = time.today().year
    cache.delete_many(
        [_warning_key([y]) for y in (year - 1, year, year + 1)]
        + [_warning_key([y, y + 1]) for y in (year - 1, year, year + 1)]
    )
