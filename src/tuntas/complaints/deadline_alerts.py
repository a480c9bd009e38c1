"""Staff alerts from the SLA pass (``deadlines``): deadlines due soon, deadlines breached, escalation to
pimpinan.

Each alert is recorded as a StaffAlert row (clock, kind, due date) written in the same transaction as its
messages, under a lock on the clock, so it goes out at most once per clock and due date however often
(or however concurrently) the pass runs. A clock paused and resumed gets a new due date, and so new alerts.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event, Handling
from tuntas.complaints.notifications import notify_staff_about
from tuntas.core import clock as time
from tuntas.directory.models import Role
from tuntas.notify.models import OutboxMessage
from tuntas.sla.models import Clock, StaffAlert
from tuntas.workflows.engine import ClockSpec

log = logging.getLogger(__name__)

Kind = StaffAlert.Kind


def _already(clock: Clock, kind: str) -> bool:
    return StaffAlert.objects.filter(clock=clock, kind=kind, due_date=clock.due_date).exists()


def _record(clock: Clock, kind: str) -> None:
    StaffAlert.objects.create(clock=clock, kind=kind, due_date=clock.due_date, created_at=time.now())


def _label(clock: Clock, spec: ClockSpec | None) -> str:
    return spec.label if spec is not None else clock.name


def _context(clock: Clock, spec: ClockSpec | None, **extra: object) -> dict:
    return {"clock": _label(clock, spec), "due_date": clock.due_date, **extra}


def _to_handler(
    handling: Handling, key: str, context: dict, event: Event | None = None
) -> list[OutboxMessage]:
    """The assignee when there is one who can receive email, else the organisation's staff."""
    assignee = handling.assignee
    users = [assignee] if assignee is not None and assignee.is_active and assignee.email else None
    return notify_staff_about(
        complaint=handling.complaint,
        organisation=handling.organisation,
        key=key,
        context=context,
        users=users,
        event=event,
    )


def alert_due_soon(clock: Clock, spec: ClockSpec | None, *, days_left: int) -> bool:
    """Tell the handler that ``clock`` is due within DUE_SOON_WORKING_DAYS; False when already told."""
    with transaction.atomic():
        locked = Clock.objects.select_for_update().filter(pk=clock.pk, status=Clock.Status.RUNNING).first()
        if locked is None or locked.due_date != clock.due_date or _already(clock, Kind.DUE_SOON):
            return False
        _record(clock, Kind.DUE_SOON)
        _to_handler(clock.handling, "staff_due_soon", _context(clock, spec, days_left=days_left))
    return True


def alert_breached(clock: Clock, spec: ClockSpec | None, event: Event | None) -> bool:
    """Tell the handler that ``clock`` ran out. Called inside the transaction that marks the breach."""
    if _already(clock, Kind.BREACHED):
        return False
    _record(clock, Kind.BREACHED)
    _to_handler(clock.handling, "staff_breached", _context(clock, spec), event)
    return True


def escalate_pimpinan(clock: Clock, spec: ClockSpec | None, unreachable: set[str] | None = None) -> bool:
    """Bring a breached clock to the organisation's pimpinan: an email to each, and an internal note on the
    timeline saying so (even when no pimpinan has an email, so the timeline shows the SOP was followed).
    Called inside the transaction that marks the breach. An organisation none of whose pimpinan has an
    email is added to ``unreachable`` (the tick logs them once, as a summary), or logged here without it."""
    if _already(clock, Kind.ESCALATED):
        return False
    _record(clock, Kind.ESCALATED)
    handling = clock.handling
    with translation.override("id"):
        text = _(
            "Tenggat %(clock)s lewat (%(due)s): diteruskan kepada pimpinan %(organisation)s sesuai SOP."
        ) % {
            "clock": _label(clock, spec),
            "due": clock.due_date.strftime("%d-%m-%Y"),
            "organisation": handling.organisation.name,
        }
    event = event_add(
        complaint=handling.complaint,
        handling=handling,
        kind=Event.Kind.COMMENTED,
        actor_kind="sistem",
        visibility=Event.Visibility.INTERNAL,
        message=text,
        payload={
            "sla_action": Kind.ESCALATED.value,
            "clock": clock.name,
            "due_date": clock.due_date.isoformat(),
        },
    )
    assignee = handling.assignee
    sent = notify_staff_about(
        complaint=handling.complaint,
        organisation=handling.organisation,
        key="staff_escalated",
        context=_context(clock, spec, assignee=assignee.display_name if assignee else ""),
        roles=[Role.PIMPINAN],
        event=event,
    )
    if not sent:
        if unreachable is None:
            log.info("sla escalation: no pimpinan with an email at organisation=%s", handling.organisation_id)
        else:
            unreachable.add(handling.organisation.name)
    return True
