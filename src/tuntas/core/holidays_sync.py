"""Keep the Holiday table's national rows (libur nasional, cuti bersama) in step with the holiday sources.

Rows written here carry ``source`` starting with ``SYNC_MARK``; only those are updated or removed on a later
run. A national row an admin entered by hand (e.g. a Keppres declaring an election day a holiday) is never
touched, and local holidays (kind "lokal", with a region code) are entered in the admin only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

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
    counted across such a year may move once the SKB is out."""
    found = []
    for year in sorted(set(years)):
        rows = Holiday.objects.filter(date__year=year, kind__in=NATIONAL_KINDS, region_code="")
        has_cuti = rows.filter(kind=Holiday.Kind.CUTI_BERSAMA).exists()
        confirmed = decree_for(year) is not None or rows.exclude(source__startswith=SYNC_MARK).exists()
        if not has_cuti or not confirmed:
            found.append(year)
    return found
