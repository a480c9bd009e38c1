"""The periodic SLA pass. Idempotent: running it twice, or two at once, acts once.

1. Clocks that ran out: take the SOP's expiry transition where the clock has one (e.g. close an answered
   complaint after 10 working days without the reporter's reply); otherwise mark the clock breached and do
   what the clock's ``on_breach`` says: ``mark_overdue`` (a "melewati tenggat" timeline event), ``notify``
   (the assignee, or the unit's staff when nobody is assigned) and ``escalate_pimpinan`` (the unit's
   pimpinan, plus an internal note on the timeline).
2. Clocks due within DUE_SOON_WORKING_DAYS working days: tell the handler once per clock and due date.
   Clocks with an expiry transition are left out: they wait for the reporter, not for staff.

It lives above the complaint services because it calls ``handling_transition``; ``sla`` keeps the clocks
and the policy (``sla/policy.py``) and imports no complaint code.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef

from tuntas.complaints import deadline_alerts as alerts
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event
from tuntas.complaints.services_handling import Actor, handling_transition
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import DomainError
from tuntas.sla.models import Clock, StaffAlert
from tuntas.sla.policy import SOON_WINDOW_DAYS, due_soon_days
from tuntas.workflows.engine import DEFAULT_ON_BREACH
from tuntas.workflows.registry import workflow_for

log = logging.getLogger(__name__)
SYSTEM = Actor(kind="sistem")


@dataclass
class TickResult:
    breached: int = 0
    expired_transitions: int = 0
    failed: int = 0
    escalated: int = 0
    due_soon: int = 0


def sla_tick(limit: int = 1000) -> TickResult:
    """Handle every running clock whose due date has passed (a clock is due at the end of its due date),
    then alert the handlers of clocks due soon."""
    result = TickResult()
    _breaches(result, limit)
    _due_soon(result, limit)
    return result


def _breaches(result: TickResult, limit: int) -> None:
    today = time.today()
    due = (
        Clock.objects.filter(
            status=Clock.Status.RUNNING, due_date__lt=today, breached_at__isnull=True, handling__is_open=True
        )
        .select_related(
            "handling",
            "handling__workflow",
            "handling__complaint",
            "handling__organisation",
            "handling__assignee",
        )
        .order_by("due_date", "id")[:limit]
    )
    for c in due:
        handling = c.handling
        spec = workflow_for(handling).clocks.get(c.name)
        if spec is not None and spec.on_expiry:
            try:
                handling_transition(actor=SYSTEM, handling_id=handling.pk, transition=spec.on_expiry, data={})
                result.expired_transitions += 1
                continue
            except DomainError as exc:
                # Marked as breached below, so a failing expiry is reported once, not retried on every tick.
                result.failed += 1
                log.warning(
                    "sla expiry transition failed handling=%s clock=%s code=%s", handling.pk, c.name, exc.code
                )
        actions = spec.on_breach if spec is not None else DEFAULT_ON_BREACH
        with transaction.atomic():
            # Guarded update: a clock stopped or already marked meanwhile (another tick) is left alone.
            updated = Clock.objects.filter(
                pk=c.pk, status=Clock.Status.RUNNING, breached_at__isnull=True
            ).update(breached_at=time.now())
            if not updated:
                continue
            result.breached += 1
            event = None
            if "mark_overdue" in actions:
                event = event_add(
                    complaint=handling.complaint,
                    handling=handling,
                    kind=Event.Kind.CLOCK_BREACHED,
                    actor_kind="sistem",
                    payload={"clock": c.name, "due_date": c.due_date.isoformat()},
                )
            if "notify" in actions:
                alerts.alert_breached(c, spec, event)
            if "escalate_pimpinan" in actions and alerts.escalate_pimpinan(c, spec):
                result.escalated += 1


def _due_soon(result: TickResult, limit: int) -> None:
    today = time.today()
    candidates = (
        Clock.objects.filter(
            status=Clock.Status.RUNNING,
            due_date__gte=today,
            due_date__lte=today + dt.timedelta(days=SOON_WINDOW_DAYS),
            breached_at__isnull=True,
            handling__is_open=True,
        )
        .exclude(
            Exists(
                StaffAlert.objects.filter(
                    clock=OuterRef("pk"), kind=StaffAlert.Kind.DUE_SOON, due_date=OuterRef("due_date")
                )
            )
        )
        .select_related(
            "handling",
            "handling__workflow",
            "handling__complaint",
            "handling__organisation",
            "handling__assignee",
        )
        .order_by("due_date", "id")[:limit]
    )
    for c in candidates:
        handling = c.handling
        spec = workflow_for(handling).clocks.get(c.name)
        if spec is not None and spec.on_expiry:
            continue
        days_left = due_soon_days(c, today, calendar_for(handling.organisation.region_id))
        if days_left is not None and alerts.alert_due_soon(c, spec, days_left=days_left):
            result.due_soon += 1
