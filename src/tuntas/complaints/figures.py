"""Public figures of one organisation's complaint handling, for its page on the portal (reads only).

Counted from handlings, so a complaint handled by the unit counts wherever it was filed; aggregates only,
nothing about a reporter. "On time" counts SLA clocks of the unit's handlings that stopped in the period:
met when stopped on or before their due date (sla.Clock.met).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from tuntas.complaints.models import Complaint, Handling
from tuntas.core import clock as time
from tuntas.directory.models import Organisation
from tuntas.sla.models import Clock

PERIOD_DAYS = 365


@dataclass(frozen=True)
class ServiceCount:
    name: str
    complaints: int


@dataclass(frozen=True)
class Figures:
    since: dt.date
    received: int  # complaints whose handling opened at the unit in the period
    closed: int  # of those handlings, closed in the period
    open_now: int
    clocks_stopped: int
    clocks_met: int
    per_service: tuple[ServiceCount, ...]

    @property
    def on_time_percent(self) -> int | None:
        """Share of deadlines met, rounded; None when no deadline ended in the period."""
        if not self.clocks_stopped:
            return None
        return round(100 * self.clocks_met / self.clocks_stopped)


def period_start(days: int = PERIOD_DAYS) -> dt.date:
    """The first day of the figures' period: ``days`` days ago."""
    return time.today() - dt.timedelta(days=days)


def organisation_figures(org: Organisation, *, days: int = PERIOD_DAYS) -> Figures:
    """The last ``days`` days of the unit's handling, plus what is open now; four queries."""
    since = period_start(days)
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    handlings = Handling.objects.filter(organisation=org)
    counts = handlings.aggregate(
        received=Count("complaint", distinct=True, filter=Q(opened_at__gte=start)),
        closed=Count("id", filter=Q(closed_at__gte=start, is_open=False)),
        open_now=Count("id", filter=Q(is_open=True)),
    )
    clocks = Clock.objects.filter(
        handling__organisation=org, stopped_at__gte=start, met__isnull=False
    ).aggregate(stopped=Count("id"), met=Count("id", filter=Q(met=True)))
    per_service = (
        Complaint.objects.filter(service__organisation=org, submitted_at__gte=start)
        .values("service__name")
        .annotate(n=Count("id"))
        .order_by("-n", "service__name")
    )
    return Figures(
        since=since,
        received=counts["received"],
        closed=counts["closed"],
        open_now=counts["open_now"],
        clocks_stopped=clocks["stopped"],
        clocks_met=clocks["met"],
        per_service=tuple(ServiceCount(r["service__name"], r["n"]) for r in per_service),
    )
