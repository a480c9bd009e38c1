"""The working-day calendar: hari kerja are the days that are neither weekend nor holiday.

Pure Python (no Django): deadlines such as "verify within 3 working days" are computed here from a set of
holidays (libur nasional, cuti bersama, local holidays) that the caller supplies.

Counting rule, used by every function: the start day never counts. ``working_days_between(a, b)`` is the
number of working days d with a < d <= b, negated when b < a, so it is antisymmetric and additive.
``working_days_add(a, n)`` is the n-th working day after a (n > 0) or before a (n < 0), and
``working_days_between(a, working_days_add(a, n)) == n`` whenever n > 0 or a is itself a working day.
(From a non-working day going backwards it is n + 1: no count can be both additive and the exact inverse
of "the n-th working day" in both directions, and additivity is what elapsed/remaining arithmetic needs.)
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

WORKING_DAYS = "working_days"
CALENDAR_DAYS = "calendar_days"

_ONE_DAY = datetime.timedelta(days=1)


def _day(d: datetime.date) -> datetime.date:
    # A datetime's calendar date depends on the timezone (a complaint filed at 07:00 WITA is still the
    # previous day in UTC), so the caller must pick the local date; silently truncating would be wrong.
    if isinstance(d, datetime.datetime) or not isinstance(d, datetime.date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    return d


class WorkingCalendar:
    """Working days: Monday-Friday minus holidays (libur nasional, cuti bersama, local holidays)."""

    def __init__(self, holidays: Iterable[datetime.date] = (), weekend: Iterable[int] = (5, 6)) -> None:
        """``weekend`` holds ``date.weekday()`` numbers (Monday 0 .. Sunday 6); at least one day must be left."""
        self._weekend = frozenset(weekend)
        if not self._weekend <= set(range(7)):
            raise ValueError(f"weekend days must be weekday() numbers 0-6, got {sorted(self._weekend)}")
        if len(self._weekend) == 7:
            raise ValueError("a calendar needs at least one working weekday")
        self._holidays = frozenset(_day(h) for h in holidays)
        # Only holidays on a working weekday change any count; keep them sorted for bisect.
        self._off = sorted(h for h in self._holidays if h.weekday() not in self._weekend)
        self._per_week = 7 - len(self._weekend)

    @property
    def holidays(self) -> frozenset[datetime.date]:
        return self._holidays

    @property
    def weekend(self) -> frozenset[int]:
        return self._weekend

    def is_working_day(self, d: datetime.date) -> bool:
        d = _day(d)
        return d.weekday() not in self._weekend and d not in self._holidays

    def next_working_day(self, d: datetime.date) -> datetime.date:
        """``d`` itself if it is a working day, else the first working day after it."""
        return d if self.is_working_day(d) else self.working_days_add(d, 1)

    def working_days_add(self, start: datetime.date, n: int) -> datetime.date:
        """The n-th working day after ``start`` (before it when n < 0); ``start`` itself never counts.

        n == 0 gives ``next_working_day(start)``. Whole weeks are skipped arithmetically and holidays are
        counted by bisection, so the cost does not grow with n.
        """
        start = _day(start)
        if n == 0:
            return self.next_working_day(start)
        wanted = abs(n)
        m = wanted
        # m = wanted + (holidays among the first m weekdays) has a least solution; iterating from below
        # reaches it, and at that m the m-th weekday is not a holiday.
        while True:
            if n > 0:
                d = self._nth_weekday(start, m, 1)
                skipped = bisect_right(self._off, d) - bisect_right(self._off, start)
            else:
                d = self._nth_weekday(start, m, -1)
                skipped = bisect_left(self._off, start) - bisect_left(self._off, d)
            if wanted + skipped == m:
                return d
            m = wanted + skipped

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days d with start < d <= end; negative (mirrored) when end < start, 0 when equal."""
        start, end = _day(start), _day(end)
        if end < start:
            return -self.working_days_between(end, start)
        weeks, rest = divmod((end - start).days, 7)
        weekdays = weeks * self._per_week + sum(
            (start.weekday() + i) % 7 not in self._weekend for i in range(1, rest + 1)
        )
        return weekdays - (bisect_right(self._off, end) - bisect_right(self._off, start))

    def calendar_days_add(self, start: datetime.date, n: int) -> datetime.date:
        return _day(start) + datetime.timedelta(days=n)

    def add(self, start: datetime.date, n: int, unit: str) -> datetime.date:
        """Add n days counted in ``unit``: ``"working_days"`` or ``"calendar_days"``."""
        if unit == WORKING_DAYS:
            return self.working_days_add(start, n)
        if unit == CALENDAR_DAYS:
            return self.calendar_days_add(start, n)
        raise ValueError(f"unknown unit {unit!r}; expected {WORKING_DAYS!r} or {CALENDAR_DAYS!r}")

    def _nth_weekday(self, start: datetime.date, m: int, step: int) -> datetime.date:
        """The m-th (m >= 1) non-weekend day after (step 1) or before (step -1) start, ignoring holidays."""
        weeks, rest = divmod(m - 1, self._per_week)
        d = start + datetime.timedelta(days=7 * weeks * step)
        rest += 1
        while True:
            d += _ONE_DAY * step
            if d.weekday() not in self._weekend:
                rest -= 1
                if rest == 0:
                    return d

    def __repr__(self) -> str:
        return f"WorkingCalendar({len(self._holidays)} holidays, weekend={sorted(self._weekend)})"
