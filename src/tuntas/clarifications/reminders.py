"""Deadline reminders for requests: once per request, round, target and stage (due soon, overdue).

The receiver is reminded of the request's deadline and each unit of its routing's; the sender is told
once when the receiver is overdue. Idempotent: a ``Reminder`` row is written in the same transaction as
the outbox messages, under a unique constraint, so a second pass (or two overlapping ones) sends nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from tuntas.clarifications import notifications
from tuntas.clarifications.models import InfoRequest, Reminder, Routing
from tuntas.clarifications.selectors import DueWindow, due_window
from tuntas.core import clock as time


@dataclass
class ReminderResult:
    reminders: int = 0
    messages: int = 0


def _once(request: InfoRequest, target: str, stage: str, send) -> int | None:  # noqa: ANN001
    """Record the reminder and send it; None when it was recorded before (nothing sent)."""
    try:
        with transaction.atomic():
            Reminder.objects.create(
                request=request, target=target, round=request.round, stage=stage, sent_at=time.now()
            )
            return send()
    except IntegrityError:
        return None


def _stage(due, window: DueWindow) -> str:  # noqa: ANN001
    flag = window.flag(due, True)
    return {"overdue": Reminder.Stage.OVERDUE, "soon": Reminder.Stage.DUE_SOON}.get(flag, "")


def send_reminders(window: DueWindow | None = None) -> ReminderResult:
    """One pass over the running requests and routings that are due soon or overdue."""
    window = window or due_window()
    result = ReminderResult()
    running = InfoRequest.objects.filter(
        status__in=InfoRequest.OPEN_STATUSES, due_date__lte=window.soon_until
    ).select_related("kind", "complaint", "sender_organisation", "receiver_organisation")
    for request in running.order_by("due_date", "id"):
        stage = _stage(request.due_date, window)
        if not stage:
            continue
        key = f"clarification_{stage}"

        def send(r: InfoRequest = request, k: str = key, s: str = stage) -> int:
            n = notifications.tell(r.receiver_organisation, k, r)
            if s == Reminder.Stage.OVERDUE:  # the requester sees the breach too
                n += notifications.tell(r.sender_organisation, "clarification_overdue_sender", r)
            return n

        sent = _once(request, "receiver", stage, send)
        if sent is not None:
            result.reminders += 1
            result.messages += sent
    rows = Routing.objects.filter(
        status=Routing.Status.OPEN,
        request__status__in=InfoRequest.OPEN_STATUSES,
        due_date__lte=window.soon_until,
    ).select_related(
        "organisation",
        "request__kind",
        "request__complaint",
        "request__sender_organisation",
        "request__receiver_organisation",
    )
    for row in rows.order_by("due_date", "id"):
        stage = _stage(row.due_date, window)
        if not stage:
            continue

        def send_unit(r: Routing = row, s: str = stage) -> int:
            return notifications.tell(r.organisation, f"clarification_{s}", r.request, routing=r)

        sent = _once(row.request, f"routing-{row.pk}", stage, send_unit)
        if sent is not None:
            result.reminders += 1
            result.messages += sent
    return result
