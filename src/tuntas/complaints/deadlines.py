"""The periodic SLA pass. Idempotent: running it twice, or two at once, acts once.

1. Clocks that ran out: take the SOP's expiry transition where the clock has one (e.g. close an answered
   complaint after 10 working days without the reporter's reply); otherwise mark the clock breached and do
   what the clock's ``on_breach`` says: ``mark_overdue`` (a "melewati tenggat" timeline event), ``notify``
   (the assignee, or the unit's staff when nobody is assigned) and ``escalate_pimpinan`` (the unit's
   pimpinan, plus an internal note on the timeline).
2. Clocks due within DUE_SOON_WORKING_DAYS working days: tell the handler once per clock and due date.
   Clocks with an expiry transition are left out: they wait for the reporter, not for staff.

Before both, when the holiday list differs from the one the due dates were last computed against (an admin
edit, ``load_holidays``, the yearly sync, anything), every running working-day deadline is recomputed from
the day it counts from, and each handling whose due date moved gets a timeline note
(``due_dates_recompute``). Nothing is breached or alerted against a date the new list has moved.

It lives above the complaint services because it calls ``handling_transition``; ``sla`` keeps the clocks
and the policy (``sla/policy.py``) and imports no complaint code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tuntas.complaints import deadline_alerts as alerts
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event, Handling
from tuntas.complaints.services_handling import Actor, handling_transition
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import DomainError
from tuntas.core.models import Holiday
from tuntas.sla.models import CalendarCheck, Clock, StaffAlert
from tuntas.sla.policy import SOON_WINDOW_DAYS, due_soon_days
from tuntas.sla.services import refresh_due_date
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
    # Organisations whose breached work was escalated while none of their pimpinan has an email.
    unreachable: set[str] = field(default_factory=set)


def sla_tick(limit: int = 1000) -> TickResult:
    """Handle every running clock whose due date has passed (a clock is due at the end of its due date),
    then alert the handlers of clocks due soon."""
    result = TickResult()
    due_dates_recompute()
    _breaches(result, limit)
    _due_soon(result, limit)
    if result.unreachable:
        names = sorted(result.unreachable)
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        log.info(
            "sla escalation: %s organisations have no pimpinan with an email, escalated on the timeline only: %s",
            len(names),
            shown,
        )
    return result


@dataclass
class RecomputeResult:
    checked: int = 0  # running working-day clocks looked at
    moved: int = 0  # clocks whose due date changed
    handlings: int = 0  # handlings that got a timeline note
    unknown_start: int = 0  # resumed before counted_from existed: left as they are


def holidays_fingerprint() -> str:
    rows = Holiday.objects.order_by("date", "region_code").values_list("date", "region_code")
    return hashlib.sha256("\n".join(f"{d.isoformat()}|{r}" for d, r in rows).encode()).hexdigest()


def due_dates_recompute(*, force: bool = False) -> RecomputeResult | None:
    """Recompute running working-day due dates when the holiday list changed since the last pass (or when
    ``force``); None when nothing changed. Each clock's due date is its duration (or the days it had left
    when resumed) added to the day it counts from, in the handling organisation's calendar as it is now.

    A clock already marked breached keeps its date: its alerts and escalation have gone out. The handling's
    version is not bumped: a moved deadline is not a change an officer's open form was based on."""
    fingerprint = holidays_fingerprint()
    check = CalendarCheck.objects.filter(key="holidays").first()
    if not force and check is not None and check.fingerprint == fingerprint:
        return None
    result = RecomputeResult()
    clocks = (
        Clock.objects.filter(
            status=Clock.Status.RUNNING,
            unit="working_days",
            due_date__isnull=False,
            breached_at__isnull=True,
            handling__is_open=True,
        )
        .select_related("handling__organisation")
        .order_by("handling_id", "id")
    )
    moved: dict[int, list[tuple[Clock, dt.date]]] = {}
    calendars = {}
    for c in clocks.iterator(chunk_size=2000):
        result.checked += 1
        if c.counted_from is None:
            result.unknown_start += 1
            continue
        days = c.remaining if c.remaining is not None else c.duration
        region = c.handling.organisation.region_id
        if region not in calendars:  # calendar_for reads the holiday rows: once per region in a pass
            calendars[region] = calendar_for(region)
        due = calendars[region].add(c.counted_from, days, c.unit)
        if due != c.due_date:
            moved.setdefault(c.handling_id, []).append((c, due))
    for handling_id, changes in moved.items():
        with transaction.atomic():
            handling = (
                Handling.objects.select_for_update()
                .select_related("complaint", "workflow")
                .get(pk=handling_id)
            )
            lines, changed = [], []
            specs = workflow_for(handling).clocks
            for c, due in changes:
                # Guarded: a clock stopped, paused or breached since it was read is left to what changed it.
                if not Clock.objects.filter(
                    pk=c.pk, status=Clock.Status.RUNNING, due_date=c.due_date, breached_at__isnull=True
                ).update(due_date=due):
                    continue
                spec = specs.get(c.name)
                lines.append(
                    _(
                        "Tenggat %(clock)s berubah dari %(old)s menjadi %(new)s karena daftar hari libur berubah."
                    )
                    % {"clock": spec.label if spec else c.name, "old": _date(c.due_date), "new": _date(due)}
                )
                changed.append({"clock": c.name, "from": c.due_date.isoformat(), "to": due.isoformat()})
            if not changed:
                continue
            refresh_due_date(handling)
            handling.save(update_fields=["due_date"])
            event_add(
                complaint=handling.complaint,
                handling=handling,
                kind=Event.Kind.COMMENTED,
                actor_kind="sistem",
                message=" ".join(lines),
                payload={"deadlines_moved": changed},
            )
            result.moved += len(changed)
            result.handlings += 1
    CalendarCheck.objects.update_or_create(
        key="holidays", defaults={"fingerprint": fingerprint, "checked_at": time.now()}
    )
    if result.moved:
        log.info(
            "sla deadlines recomputed after a holiday change: %s clocks on %s handlings moved",
            result.moved,
            result.handlings,
        )
    return result


def _date(day: dt.date) -> str:
    return date_format(day, "j F Y")


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
            if "escalate_pimpinan" in actions and alerts.escalate_pimpinan(c, spec, result.unreachable):
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
