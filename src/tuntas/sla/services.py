"""Clock writes, called only from complaint services inside their transaction."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tuntas.core import clock as time
from tuntas.core.calendar import WorkingCalendar
from tuntas.core.calendars import calendar_for
from tuntas.sla.models import Clock
from tuntas.workflows.engine import ClockOps, Workflow


def _calendar(handling) -> WorkingCalendar:  # noqa: ANN001
    region = handling.organisation.region_id
    return calendar_for(region)


def _duration(spec, tier_days: int | None) -> int:  # noqa: ANN001
    return tier_days if (spec.tiered and tier_days) else spec.duration


def clocks_apply(  # noqa: ANN001
    *,
    handling,
    workflow: Workflow,
    ops: ClockOps,
    tier_days: int | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Start, stop, pause and resume the handling's clocks as the SOP says, then refresh its due date.

    Durations count from today in the handling organisation's calendar (weekends and Holiday rows skipped);
    a tiered clock takes the category's tier instead of the SOP's duration. A paused clock has no due date
    and keeps the days it had left, which count again from the day it resumes. ``at`` (default now) is when
    the change counts from: a message that arrived on a channel and was submitted later counts from its arrival."""
    if not (ops.start or ops.stop or ops.pause or ops.resume):
        return
    now = at or time.now()
    today = timezone.localdate(now)
    cal = _calendar(handling)
    running = {c.name: c for c in handling.clocks.exclude(status=Clock.Status.STOPPED)}
    for name in ops.stop:
        c = running.pop(name, None)
        if c is not None:
            _stop(c, now, today)
    for name in ops.pause:
        c = running.get(name)
        if c is not None and c.status == Clock.Status.RUNNING:
            c.remaining = (
                cal.working_days_between(today, c.due_date)
                if c.unit == "working_days"
                else (c.due_date - today).days
            )
            c.status, c.paused_on, c.due_date = Clock.Status.PAUSED, today, None
            c.save(update_fields=["remaining", "status", "paused_on", "due_date"])
    for name in ops.resume:
        c = running.get(name)
        if c is not None and c.status == Clock.Status.PAUSED:
            # What was left counts again from today; a clock paused after its due date stays overdue.
            c.due_date = cal.add(today, c.remaining or 0, c.unit)
            c.status, c.paused_on, c.counted_from = Clock.Status.RUNNING, None, today
            c.save(update_fields=["due_date", "status", "paused_on", "counted_from"])
    for name in ops.start:
        old = running.pop(name, None)
        if old is not None:  # restarting a clock closes the old run first, so history keeps both
            _stop(old, now, today)
        spec = workflow.clocks[name]
        days = _duration(spec, tier_days)
        Clock.objects.create(
            handling=handling,
            name=name,
            duration=days,
            unit=spec.unit,
            started_on=today,
            counted_from=today,
            due_date=cal.add(today, days, spec.unit),
        )
    refresh_due_date(handling)


def _stop(c: Clock, now: dt.datetime, today: dt.date) -> None:
    c.met = c.due_date is None or today <= c.due_date
    c.status, c.stopped_at = Clock.Status.STOPPED, now
    c.save(update_fields=["status", "stopped_at", "met"])


def clocks_stop_all(handling) -> None:  # noqa: ANN001
    """Stop every clock (the handling reached a final state), recording whether each met its due date."""
    now, today = time.now(), time.today()
    for c in handling.clocks.exclude(status=Clock.Status.STOPPED):
        _stop(c, now, today)
    refresh_due_date(handling)


def refresh_due_date(handling) -> None:  # noqa: ANN001
    """``handling.due_date`` is the earliest due date of its running clocks (the caller saves it)."""
    due = (
        handling.clocks.filter(status=Clock.Status.RUNNING, due_date__isnull=False)
        .order_by("due_date")
        .values_list("due_date", flat=True)
        .first()
    )
    handling.due_date = due
