"""Two people acting on the same thing at the same moment, on PostgreSQL with two real connections.

Each thread gets its own connection (django.db.connections is per thread). The threads start together
(a Barrier), and the test holds the complaint's row lock until both are waiting on it, so both have read the
handling before either writes: the worst interleaving, every time, instead of whatever the scheduler picks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from tests.complaints.conftest import handling_at, reload, staff, transitions_of
from tuntas.complaints import services
from tuntas.complaints.models import Complaint, Event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _waiting_backends() -> int:
    """Other sessions on this test database now waiting for a lock."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # activity is otherwise frozen per transaction
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def race(complaint: Complaint, *calls: Callable[[], object]) -> list[tuple[str, object]]:
    """Run ``calls`` in threads at the same moment while the complaint row is locked; release it once every
    thread waits for it. Returns ("ok", result) or ("error", exception) per call, in order."""
    barrier = threading.Barrier(len(calls))
    results: list[tuple[str, object]] = [("error", RuntimeError("did not run"))] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = ("ok", call())
        except Exception as exc:  # noqa: BLE001 - reported to the test
            results[i] = ("error", exc)
        finally:
            connections.close_all()  # this thread's connections

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    with transaction.atomic():
        Complaint.objects.select_for_update().get(pk=complaint.pk)
        for t in threads:
            t.start()
        deadline = time.monotonic() + 10
        while _waiting_backends() < len(calls):
            assert time.monotonic() < deadline, "the threads never queued on the complaint's lock"
            time.sleep(0.02)
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    return results


def outcome(results: list[tuple[str, object]]) -> list[str]:
    return sorted(kind if kind == "ok" else type(value).__name__ for kind, value in results)


@pytest.mark.parametrize("with_version", [True, False], ids=["expected_version", "no_expected_version"])
def test_same_transition_at_the_same_time_one_wins_the_other_conflicts(
    submit, dispose, directory, with_version
):
    complaint = submit().complaint
    opd = dispose(complaint)
    version = opd.version if with_version else None

    def take(user) -> Callable[[], object]:  # noqa: ANN001
        return lambda: services.handling_transition(
            actor=staff(user), handling_id=opd.pk, transition="proses", expected_version=version
        )

    results = race(complaint, take(directory.petugas_pupr), take(directory.kadis_pupr))
    assert outcome(results) == ["Conflict", "ok"]
    assert reload(opd).state == "diproses"
    assert opd.version == handling_at(complaint, directory.pupr).version
    assert len(transitions_of(opd)) == 1


def test_different_transitions_at_the_same_time_only_one_applies(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)

    def answer() -> object:
        return services.handling_transition(
            actor=staff(directory.petugas_pupr),
            handling_id=opd.pk,
            transition="jawab",
            data={"jawaban": "Sudah."},
        )

    def forward() -> object:
        return services.handling_transition(
            actor=staff(directory.kadis_pupr),
            handling_id=opd.pk,
            transition="teruskan",
            data={"target": directory.disdik.pk, "alasan": "Urusan sekolah."},
        )

    results = race(complaint, answer, forward)
    assert outcome(results) == ["Conflict", "ok"]
    assert len(transitions_of(opd)) == 1
    assert complaint.handlings.count() == (3 if reload(opd).state == "diteruskan" else 2)


def test_two_ratings_at_the_same_time_one_wins(answered):
    s, _ = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)

    def rate(value: int) -> Callable[[], object]:
        return lambda: services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=value)

    results = race(s.complaint, rate(5), rate(1))
    assert outcome(results) == ["Conflict", "ok"]
    winner = next(value for kind, value in results if kind == "ok")
    assert reload(s.complaint).rating == winner.rating
    assert s.complaint.events.filter(kind=Event.Kind.RATED).count() == 1
