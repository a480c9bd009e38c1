"""Pure maths of the cooperation pages, no Django: an activity's displayed status (overdue is computed, never
stored), and the before/after windows around an organisation's first training.

Windows: ``before`` is the ``L`` days ending the day before the training started, ``after`` the ``L`` days
starting the day after it ended (training days belong to neither). ``L`` is the wanted length, shortened so
that both windows hold only days for which complaints can exist (from ``data_since`` up to ``today``): the
two windows always have the same length, so their counts compare without scaling.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

RENCANA, BERJALAN, SELESAI, TERLAMBAT = "rencana", "berjalan", "selesai", "terlambat"
MIN_WINDOW_DAYS = 14  # shorter windows say nothing: the report shows them as "belum cukup data"


def display_status(status: str, due_on: dt.date, today: dt.date) -> str:
    """``terlambat`` for an unfinished activity past its due date; the stored status otherwise."""
    if status != SELESAI and due_on < today:
        return TERLAMBAT
    return status


@dataclass(frozen=True)
class Windows:
    """Two equal windows of dates, inclusive at both ends. ``days`` is 0 when there is no room for them."""

    before_start: dt.date
    before_end: dt.date
    after_start: dt.date
    after_end: dt.date
    days: int

    @property
    def sufficient(self) -> bool:
        return self.days >= MIN_WINDOW_DAYS


def windows_around(
    *,
    first_day: dt.date,
    last_day: dt.date,
    wanted_days: int,
    today: dt.date,
    data_since: dt.date | None = None,
) -> Windows:
    """The before/after windows around a training held from ``first_day`` to ``last_day``.

    The after window ends at ``today`` at the latest; the before window starts at ``data_since`` at the
    earliest (the first day complaints were recorded). Both shrink together to the shorter room."""
    if last_day < first_day:
        raise ValueError("last_day before first_day")
    if wanted_days < 0:
        raise ValueError("wanted_days must not be negative")
    room_after = (today - last_day).days
    room_before = wanted_days if data_since is None else (first_day - data_since).days
    days = max(0, min(wanted_days, room_after, room_before))
    one = dt.timedelta(days=1)
    before_end = first_day - one
    after_start = last_day + one
    # With no room, start > end makes both ranges empty.
    return Windows(
        before_start=before_end - dt.timedelta(days=days - 1),
        before_end=before_end,
        after_start=after_start,
        after_end=after_start + dt.timedelta(days=days - 1),
        days=days,
    )


@dataclass(frozen=True)
class Change:
    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def percent(self) -> int | None:
        """The change relative to the before count, rounded; None when there was nothing before."""
        if self.before == 0:
            return None
        return round(100 * self.delta / self.before)
