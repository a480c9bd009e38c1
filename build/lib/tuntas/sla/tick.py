"""The periodic SLA pass: mark clocks that ran out, and take the SOP's expiry transition where it has one
(e.g. close an answered complaint after 10 working days without the reporter's reply). Idempotent."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event
from tuntas.complaints.services_handling import Actor, handling_transition, workflow_for
from tuntas.core import clock as time
from tuntas.core.errors import DomainError
from tuntas.sla.models import Clock

log = logging.getLogger(__name__)
SYSTEM = Actor(kind="sistem")


@dataclass
class TickResult:
    breached: int = 0
    expired_transitions: int = 0
    failed: int = 0


def sla_tick(limit: int = 1000) -> TickResult:
    """Handle every running clock whose due date has passed (a clock is due at the end of its due date)."""
    result = TickResult()
    today = time.today()
    due = (
        Clock.objects.filter(
            status=Clock.Status.RUNNING, due_date__lt=today, breached_at__isnull=True, handling__is_open=True
        )
        .select_related("handling", "handling__workflow", "handling__complaint")
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
        with transaction.atomic():
            # Guarded update: a clock stopped or already marked meanwhile (another tick) is left alone.
            updated = Clock.objects.filter(
                pk=c.pk, status=Clock.Status.RUNNING, breached_at__isnull=True
            ).update(breached_at=time.now())
            if updated:
                event_add(
                    complaint=handling.complaint,
                    handling=handling,
                    kind=Event.Kind.CLOCK_BREACHED,
                    actor_kind="sistem",
                    payload={"clock": c.name, "due_date": c.due_date.isoformat()},
                )
                result.breached += 1
    return result
