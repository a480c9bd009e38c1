"""Deadline policy: how near a due date counts as "due soon". Shared by the console inbox, the SLA pass, the
daily digest and the reminders about requests between organisations, so they all mean the same window."""

from __future__ import annotations

import datetime as dt

from tuntas.core.calendar import WorkingCalendar
from tuntas.sla.models import Clock

# A deadline within this many working days from today (today included) is due soon.
DUE_SOON_WORKING_DAYS = 2
# Calendar days that surely hold DUE_SOON_WORKING_DAYS working days (long holiday weeks included).
SOON_WINDOW_DAYS = DUE_SOON_WORKING_DAYS * 2 + 14


def due_soon_days(clock: Clock, today: dt.date, cal: WorkingCalendar) -> int | None:
    """Working days left until the clock's due date (0 = due today), or None when it is not due soon (the
    console inbox's "segera" filter uses the same window)."""
    if clock.due_date is None or clock.due_date < today:
        return None
    if clock.due_date > cal.working_days_add(today, DUE_SOON_WORKING_DAYS):
        return None
    return cal.working_days_between(today, clock.due_date)
