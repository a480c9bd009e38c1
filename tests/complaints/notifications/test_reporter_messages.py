"""Messages the complaint services write for the reporter: what they say, and that they leave right after
commit through the worker (huey runs tasks in-process in tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction

from tests.complaints.conftest import NIK, PHONE
from tuntas.complaints.models import Event
from tuntas.jobs import tasks
from tuntas.notify.delivery import deliver_due
from tuntas.notify.models import OutboxMessage

pytestmark = pytest.mark.django_db

ADDRESS = "RT 03 Desa Sigam"


@pytest.mark.parametrize("privacy", ["public", "confidential"])
def test_reporter_messages_never_carry_nik_or_address(frozen, gateway, answered, privacy):
    submitted, _handling = answered(privacy=privacy)  # filed, disposed to PUPR, answered: each one notifies
    deliver_due()

    templates = set(OutboxMessage.objects.values_list("template", flat=True))
    assert templates == {"complaint_received", "complaint_updated"}
    assert len(mail.outbox) == len(gateway.requests) >= 2
    texts = [f"{e.subject}\n{e.body}" for e in mail.outbox] + [r.body.decode() for r in gateway.requests]
    for text in texts:
        assert NIK not in text
        assert ADDRESS not in text
        assert "Siti Aminah" not in text  # nor the reporter's name
        assert submitted.secret not in text
    assert {r.json()["to"] for r in gateway.requests} == {PHONE}
    assert {tuple(e.to) for e in mail.outbox} == {("siti.aminah@example.id",)}


def test_sms_only_when_a_gateway_is_configured(frozen, submit, settings):
    settings.TUNTAS_SMS_GATEWAY_URL = ""
    c = submit().complaint
    assert set(OutboxMessage.objects.filter(complaint=c).values_list("channel", flat=True)) == {"email"}


def test_anonymous_reporter_gets_nothing(frozen, submit, gateway):
    from tuntas.complaints.services import ReporterInput

    c = submit(
        privacy="anonymous", reporter=ReporterInput(name="", email="x@example.id", phone=PHONE)
    ).complaint
    assert not OutboxMessage.objects.filter(complaint=c).exists()


def test_message_leaves_right_after_commit(frozen, submit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        c = submit().complaint
        assert mail.outbox == []  # nothing leaves before the commit
    assert callbacks, "delivery was handed to the worker on commit"
    (message,) = OutboxMessage.objects.filter(complaint=c)
    assert message.status == OutboxMessage.Status.SENT
    assert [e.to for e in mail.outbox] == [["siti.aminah@example.id"]]
    assert message.attempt_rows.count() == 1


def test_rolled_back_transaction_sends_nothing(frozen, submit, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        submit()
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


def test_periodic_pass_sends_what_the_fast_path_missed(frozen, submit):
    submit()  # in a test transaction: the after-commit hand-off never runs
    assert mail.outbox == []
    tasks.deliver_outbox()
    assert len(mail.outbox) == 1


def test_periodic_schedule_every_minute_and_sla_every_15_minutes():
    at = dt.datetime(2026, 3, 2, 9, 0)
    minutes = [at + dt.timedelta(minutes=m) for m in range(60)]
    deliveries = [t for t in minutes if tasks.deliver_outbox.task_class().validate_datetime(t)]
    ticks = [t.minute for t in minutes if tasks.sla_tick.task_class().validate_datetime(t)]
    assert len(deliveries) == 60
    assert ticks == [0, 15, 30, 45]


def test_sla_tick_task_runs_the_sla_pass(frozen, answered):
    answered()
    frozen(dt.timedelta(days=60))  # every clock has run out
    before = Event.objects.count()
    tasks.sla_tick()
    assert Event.objects.filter(actor_kind="sistem").count() and Event.objects.count() > before
