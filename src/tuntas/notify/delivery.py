"""Delivering the outbox: claim due messages, send each outside any transaction, record every attempt.

Claim: one short transaction picks due pending messages (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two
workers never pick the same row; SQLite serialises writers) and moves their ``next_attempt_at`` LEASE ahead.
That moved time is the lease: while it lies ahead no other pass claims the message; if the worker dies before
recording an outcome, the lease runs out and a later pass claims the message again, so a crash loses nothing.

Send: right before sending, the lease is renewed by a guarded update (still pending, ``next_attempt_at`` still
the value this pass wrote). A message taken over meanwhile is skipped, so one claim sends at most once. No
transaction or row lock is held while the network is slow.

The lease is also written to ``sending_until``, which the outcome clears: a resend (``outbox_retry``) asked for
while a worker holds the message is refused instead of making it due again, which would let a second pass
send it while the first is still talking to the SMTP server.

Record: one DeliveryAttempt per send, then the outcome under the same guard: sent, retry after BACKOFF, or
failed (a permanent error, or MAX_ATTEMPTS reached). If the database fails after a successful send, the lease
runs out and the message goes again: delivery is at least once, and the SMS/webhook payloads carry a stable
reference so a receiver can drop the repeat.
"""

from __future__ import annotations

import datetime as dt
import logging
import time as monotonic_time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F, QuerySet

from tuntas.core import clock as time
from tuntas.notify.channels import DeliveryError, channel_for
from tuntas.notify.masking import scrub
from tuntas.notify.models import DeliveryAttempt, OutboxMessage

log = logging.getLogger(__name__)

# The wait after the 1st, 2nd, ... failed attempt; the attempt after the last wait is the final one.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# Far longer than one send may take (adapters time out after TUNTAS_NOTIFY_TIMEOUT seconds).
LEASE = dt.timedelta(minutes=5)
ERROR_MAX_CHARS = 1000

Pending = OutboxMessage.Status.PENDING


@dataclass
class DeliveryResult:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0  # failed this time, scheduled again
    failed: int = 0  # given up: permanent error or MAX_ATTEMPTS
    skipped: int = 0  # another worker took it over before this pass sent it


def retry_delay(attempts: int) -> dt.timedelta | None:
    """How long to wait after the ``attempts``-th failed attempt; None when that was the last one."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return BACKOFF[attempts - 1]


def deliver_due(limit: int = 50, now: dt.datetime | None = None) -> DeliveryResult:
    """Send up to ``limit`` due messages, longest waiting first, and record how each went."""
    return _deliver(OutboxMessage.objects.all(), limit=limit, now=now)


def deliver_message(message_id: int, now: dt.datetime | None = None) -> DeliveryResult:
    """Send one message if it is due and no other worker holds it: the fast path right after commit."""
    return _deliver(OutboxMessage.objects.filter(pk=message_id), limit=1, now=now)


def _deliver(candidates: QuerySet[OutboxMessage], *, limit: int, now: dt.datetime | None) -> DeliveryResult:
    clock = _pass_clock(now)
    messages = _claim(candidates, limit=limit, now=clock())
    result = DeliveryResult(claimed=len(messages))
    for message in messages:
        outcome = _send_and_record(message, clock)
        setattr(result, outcome, getattr(result, outcome) + 1)
    return result


def _pass_clock(now: dt.datetime | None) -> Callable[[], dt.datetime]:
    """The pass's clock: the real (or test-frozen) one, or ``now`` moving on as the pass takes time."""
    if now is None:
        return time.now
    started = monotonic_time.monotonic()
    return lambda: now + dt.timedelta(seconds=monotonic_time.monotonic() - started)


def _claim(candidates: QuerySet[OutboxMessage], *, limit: int, now: dt.datetime) -> list[OutboxMessage]:
    lease = now + LEASE
    with transaction.atomic():
        due = candidates.filter(status=Pending, next_attempt_at__lte=now).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        messages = list(due[:limit])
        if messages:
            OutboxMessage.objects.filter(pk__in=[m.pk for m in messages]).update(
                next_attempt_at=lease, sending_until=lease
            )
    for m in messages:
        m.next_attempt_at = m.sending_until = lease
    return messages


def _renew(message: OutboxMessage, now: dt.datetime) -> bool:
    """Extend this pass's lease on ``message``; False when it is no longer ours to send."""
    lease = now + LEASE
    renewed = OutboxMessage.objects.filter(
        pk=message.pk, status=Pending, next_attempt_at=message.next_attempt_at
    ).update(next_attempt_at=lease, sending_until=lease)
    if renewed:
        message.next_attempt_at = message.sending_until = lease
    return bool(renewed)


def _send_and_record(message: OutboxMessage, clock: Callable[[], dt.datetime]) -> str:
    if not _renew(message, clock()):
        log.warning("outbox lease lost before sending id=%s", message.pk)
        return "skipped"
    started_at = clock()
    started = monotonic_time.monotonic()
    error, permanent = "", False
    try:
        channel_for(message.channel).send(message)
    except DeliveryError as exc:
        error, permanent = str(exc) or type(exc).__name__, exc.permanent
    except Exception as exc:  # an adapter's bug or an unexpected network error: worth another try
        error = f"{type(exc).__name__}: {exc}"
    duration_ms = round((monotonic_time.monotonic() - started) * 1000)
    return _record(
        message,
        started_at=started_at,
        duration_ms=duration_ms,
        error=scrub(error, message.recipient)[:ERROR_MAX_CHARS],
        permanent=permanent,
        now=clock(),
    )


def _record(
    message: OutboxMessage,
    *,
    started_at: dt.datetime,
    duration_ms: int,
    error: str,
    permanent: bool,
    now: dt.datetime,
) -> str:
    attempts = message.attempts + 1
    if not error:
        outcome, change = "sent", {"status": OutboxMessage.Status.SENT, "sent_at": now}
    else:
        delay = None if permanent else retry_delay(attempts)
        if delay is None:
            outcome, change = "failed", {"status": OutboxMessage.Status.FAILED}
        else:
            outcome, change = "retrying", {"next_attempt_at": now + delay}
    with transaction.atomic():
        DeliveryAttempt.objects.create(
            message=message, started_at=started_at, duration_ms=duration_ms, ok=not error, error=error
        )
        # Counted whatever happens next: ``attempts`` is always the number of attempt rows.
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
        held = OutboxMessage.objects.filter(
            pk=message.pk, status=Pending, next_attempt_at=message.next_attempt_at
        ).update(**change, sending_until=None)
    if not held:  # the send outlasted the lease, or someone reset the message meanwhile
        log.warning("outbox lease lost while sending id=%s outcome=%s", message.pk, outcome)
    log.info(
        "outbox %s id=%s channel=%s template=%s attempt=%s ms=%s",
        outcome,
        message.pk,
        message.channel,
        message.template,
        attempts,
        duration_ms,
    )
    return outcome
