"""deliver_due: claim, send outside the transaction, record the attempt; retry with backoff; give up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from tests.notify.conftest import queue, reload
from tests.notify.fakes import WorkerCrashed
from tuntas.notify.delivery import BACKOFF, LEASE, MAX_ATTEMPTS, deliver_due
from tuntas.notify.models import DeliveryAttempt, OutboxMessage

pytestmark = pytest.mark.django_db

MINUTE = dt.timedelta(minutes=1)


def test_email_is_sent_once_with_one_attempt_recorded(frozen):
    m = queue()

    result = deliver_due()

    assert (result.claimed, result.sent) == (1, 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["budi@example.id"]
    assert mail.outbox[0].subject == m.subject
    m = reload(m)
    assert m.status == OutboxMessage.Status.SENT
    assert m.sent_at is not None
    assert m.attempts == 1
    (attempt,) = m.attempt_rows.all()
    assert attempt.ok and attempt.error == ""
    assert deliver_due().claimed == 0  # sent is sent


def test_gateway_5xx_schedules_a_retry_after_one_minute(frozen, gateway):
    gateway.answer(503, '{"error":"sibuk"}')
    m = queue(channel="sms", recipient="081251234567")
    started = reload(m).next_attempt_at

    result = deliver_due()

    assert (result.claimed, result.retrying) == (1, 1)
    m = reload(m)
    assert m.status == OutboxMessage.Status.PENDING
    assert m.attempts == 1
    assert m.next_attempt_at == started + BACKOFF[0]
    (attempt,) = m.attempt_rows.all()
    assert not attempt.ok
    assert "HTTP 503" in attempt.error


def test_retry_is_not_tried_before_its_time(frozen, gateway):
    gateway.answer(500)
    queue(channel="sms", recipient="081251234567")
    deliver_due()

    frozen(MINUTE - dt.timedelta(seconds=1))
    assert deliver_due().claimed == 0
    frozen(dt.timedelta(seconds=1))
    assert deliver_due().claimed == 1
    assert len(gateway.requests) == 2


def test_gateway_4xx_fails_the_message_for_good(frozen, gateway):
    gateway.answer(400, '{"error":"nomor tidak valid"}')
    m = queue(channel="sms", recipient="081251234567")

    result = deliver_due()

    assert result.failed == 1
    m = reload(m)
    assert m.status == OutboxMessage.Status.FAILED
    assert m.attempts == 1
    frozen(dt.timedelta(days=2))
    assert deliver_due().claimed == 0
    assert len(gateway.requests) == 1


def test_rate_limited_gateway_is_tried_again(frozen, gateway):
    gateway.answer(429)
    m = queue(channel="sms", recipient="081251234567")
    assert deliver_due().retrying == 1
    assert reload(m).status == OutboxMessage.Status.PENDING


def test_backoff_is_1_5_30_minutes_2_12_hours_then_failed_after_6_attempts(frozen, gateway):
    gateway.answer(502)
    m = queue(channel="sms", recipient="081251234567")
    waits = []
    for _attempt in range(MAX_ATTEMPTS):
        assert deliver_due().claimed == 1
        m = reload(m)
        if m.status == OutboxMessage.Status.FAILED:
            break
        attempted_at = m.attempt_rows.last().started_at
        waits.append(m.next_attempt_at - attempted_at)
        frozen(m.next_attempt_at - attempted_at)

    assert waits == [MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE]
    assert m.status == OutboxMessage.Status.FAILED
    assert m.attempts == 6
    assert DeliveryAttempt.objects.filter(message=m, ok=False).count() == 6
    assert len(gateway.requests) == 6
    frozen(dt.timedelta(days=7))
    assert deliver_due().claimed == 0


def test_crash_after_claim_loses_nothing_and_sends_once_after_the_lease(frozen, swap_channel, settings):
    m = queue()
    defaults = dict(settings.TUNTAS_NOTIFY_CHANNELS)
    swap_channel("email", "tests.notify.fakes.Crashing")
    with pytest.raises(WorkerCrashed):
        deliver_due()  # claimed and committed, then the worker died before sending
    settings.TUNTAS_NOTIFY_CHANNELS = defaults

    assert reload(m).status == OutboxMessage.Status.PENDING
    assert deliver_due().claimed == 0  # the dead worker's lease still holds
    frozen(LEASE - dt.timedelta(seconds=1))
    assert deliver_due().claimed == 0
    frozen(dt.timedelta(seconds=1))

    result = deliver_due()

    assert (result.claimed, result.sent) == (1, 1)
    assert len(mail.outbox) == 1
    assert reload(m).attempts == 1
    assert DeliveryAttempt.objects.filter(message=m).count() == 1
    frozen(dt.timedelta(days=1))
    assert deliver_due().claimed == 0
    assert len(mail.outbox) == 1


def test_an_adapter_that_raises_unexpectedly_is_retried(frozen, swap_channel):
    swap_channel("email", "tests.notify.test_delivery.Broken")
    m = queue()
    assert deliver_due().retrying == 1
    assert "ZeroDivisionError" in reload(m).attempt_rows.get().error


class Broken:
    def send(self, message: OutboxMessage) -> None:
        1 / 0  # noqa: B018


def test_limit_and_oldest_due_first(frozen):
    first = queue(recipient="a@example.id")
    frozen(MINUTE)
    queue(recipient="b@example.id")

    assert deliver_due(limit=1).sent == 1
    assert [e.to for e in mail.outbox] == [["a@example.id"]]
    assert reload(first).status == OutboxMessage.Status.SENT


def test_now_argument_decides_what_is_due(frozen):
    m = queue()
    assert deliver_due(now=m.created_at - MINUTE).claimed == 0
    assert deliver_due(now=m.created_at).sent == 1


def test_error_text_never_holds_the_full_recipient(frozen, gateway):
    gateway.answer(400, '{"error":"nomor 081251234567 tidak terdaftar"}')
    m = queue(channel="sms", recipient="081251234567")
    deliver_due()
    error = reload(m).attempt_rows.get().error
    assert "081251234567" not in error
    assert "0812******67" in error


def test_deliver_outbox_command_prints_counts(frozen, capsys):
    queue()
    queue()
    call_command("deliver_outbox")
    assert "claimed=2 sent=2 retrying=0 failed=0" in capsys.readouterr().out
