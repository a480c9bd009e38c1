"""The worker's heartbeat: its age, the console banner, and what /readyz reports."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tuntas.core import clock
from tuntas.jobs.tasks import worker_heartbeat
from tuntas.notify.models import OutboxMessage
from tuntas.ops import heartbeat
from tuntas.ops.models import Heartbeat

T0 = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 0))


def _signed_in(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def _pending_message(created_at: dt.datetime) -> OutboxMessage:
    return OutboxMessage.objects.create(
        channel="email",
        recipient="x@example.org",
        template="t",
        body="b",
        created_at=created_at,
        next_attempt_at=created_at,
    )


def test_the_periodic_task_records_a_heartbeat(db):
    with clock.frozen(T0):
        worker_heartbeat()
    assert Heartbeat.objects.get(name="worker").seen_at == T0


def test_heartbeat_age_grows_until_the_next_beat(db):
    with clock.frozen(T0) as advance:
        heartbeat.heartbeat_record()
        advance(dt.timedelta(minutes=3))
        assert heartbeat.worker_status().age_seconds == 180
        assert not heartbeat.worker_status().silent
        advance(dt.timedelta(minutes=3))
        assert heartbeat.worker_status().silent
        heartbeat.heartbeat_record()
        status = heartbeat.worker_status()
    assert status.age_seconds == 0 and not status.silent
    assert Heartbeat.objects.count() == 1


def test_a_worker_never_seen_is_silent(db):
    status = heartbeat.worker_status()
    assert status.last_seen is None and status.age_seconds is None and status.silent


def test_threshold_comes_from_settings(db, settings):
    settings.TUNTAS_WORKER_SILENT_MINUTES = 30
    with clock.frozen(T0) as advance:
        heartbeat.heartbeat_record()
        advance(dt.timedelta(minutes=20))
        assert not heartbeat.worker_status().silent


def test_status_counts_the_backlog_and_its_oldest_message(db):
    _pending_message(T0 - dt.timedelta(hours=2))
    _pending_message(T0 - dt.timedelta(minutes=1))
    sent = _pending_message(T0 - dt.timedelta(days=1))
    OutboxMessage.objects.filter(pk=sent.pk).update(status="sent")
    with clock.frozen(T0):
        status = heartbeat.worker_status()
        assert status.outbox_backlog == 2
        assert status.oldest_pending == T0 - dt.timedelta(hours=2)
        assert status.oldest_pending_age_seconds == 7200


def test_coordinator_sees_the_banner_when_the_worker_is_silent(directory):
    _pending_message(timezone.now() - dt.timedelta(hours=1))
    with clock.frozen(timezone.now() - dt.timedelta(minutes=20)):
        heartbeat.heartbeat_record()
    page = _signed_in(directory.koordinator).get("/console/").content.decode()
    assert "data-worker-banner" in page
    assert "1 pesan menunggu dikirim" in page


def test_no_banner_while_the_worker_beats(directory):
    heartbeat.heartbeat_record()
    page = _signed_in(directory.koordinator).get("/console/").content.decode()
    assert "data-worker-banner" not in page


def test_officers_do_not_see_the_banner(directory):
    page = _signed_in(directory.petugas_pupr).get("/console/").content.decode()
    assert "data-worker-banner" not in page  # never seen: silent, but not theirs to fix


def test_superuser_sees_the_banner_when_the_worker_was_never_seen(directory):
    from tests.factories import UserFactory

    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    page = _signed_in(admin).get("/console/").content.decode()
    assert "data-worker-banner" in page and "belum pernah terlihat" in page


@pytest.mark.parametrize("minutes, silent", [(1, False), (10, True)])
def test_readyz_reports_the_worker_without_failing_on_it(client, db, minutes, silent):
    _pending_message(timezone.now() - dt.timedelta(minutes=30))
    with clock.frozen(timezone.now() - dt.timedelta(minutes=minutes)):
        heartbeat.heartbeat_record()
    response = client.get("/readyz")
    assert response.status_code == 200  # the web still serves pages; the doctor and metrics alert
    worker = response.json()["worker"]
    assert worker["silent"] is silent
    assert minutes * 60 - 2 <= worker["last_seen_seconds_ago"] <= minutes * 60 + 5
    assert worker["outbox_backlog"] == 1
    assert 30 * 60 - 2 <= worker["oldest_pending_seconds_ago"] <= 30 * 60 + 5
