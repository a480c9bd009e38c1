"""Two delivery passes at once on PostgreSQL, each thread on its own connection: SKIP LOCKED keeps them
apart, so no message is sent twice and none is left behind."""

from __future__ import annotations

import threading

import pytest
from django.db import connections, transaction

from tests.notify.conftest import queue, reload
from tests.notify.fakes import Recording
from tuntas.notify.delivery import DeliveryResult, deliver_due
from tuntas.notify.models import DeliveryAttempt, OutboxMessage

# serialized_rollback like every other transactional test: a flush without it re-creates the content types,
# and the next serialized test's restore would then insert them twice.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def recording(swap_channel, worker_down) -> list[int]:
    swap_channel("email", "tests.notify.fakes.Recording")
    Recording.sent.clear()
    return Recording.sent


def in_thread(call) -> threading.Thread:  # noqa: ANN001
    def run() -> None:
        try:
            call()
        finally:
            connections.close_all()  # this thread's connection

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_pass_skips_messages_another_worker_is_claiming(recording):
    ids = [queue(recipient=f"warga{i}@example.id").pk for i in range(6)]
    held, free = ids[:3], ids[3:]
    results: list[DeliveryResult] = []

    with transaction.atomic():  # another worker, mid-claim, holds three rows
        list(OutboxMessage.objects.select_for_update().filter(pk__in=held))
        thread = in_thread(lambda: results.append(deliver_due()))
        thread.join(timeout=10)
        assert not thread.is_alive(), "the pass waited for the locked rows instead of skipping them"
        assert results[0].claimed == 3
        assert sorted(recording) == free

    assert deliver_due().sent == 3
    assert sorted(recording) == ids
    assert all(reload(OutboxMessage(pk=i)).status == OutboxMessage.Status.SENT for i in ids)


def test_two_workers_at_once_send_every_message_exactly_once(recording):
    ids = [queue(recipient=f"warga{i}@example.id").pk for i in range(40)]
    barrier = threading.Barrier(2)
    claimed = [0, 0]

    def worker(n: int) -> None:
        barrier.wait(timeout=10)
        while (result := deliver_due(limit=5)).claimed:
            claimed[n] += result.claimed

    threads = [in_thread(lambda n=n: worker(n)) for n in range(2)]
    for t in threads:
        t.join(timeout=60)

    assert sorted(recording) == ids  # each once: no duplicates, none missing
    assert all(claimed), f"both workers should have had a share: {claimed}"
    assert sum(claimed) == 40
    assert DeliveryAttempt.objects.count() == 40
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxMessage.Status.SENT}
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
