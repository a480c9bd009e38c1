"""/metrics: protected by a token or an address list, and counting what it says it counts."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from tests.complaints.conftest import complaint_input
from tuntas.complaints import services
from tuntas.complaints.services_reporter import reporter_withdraw
from tuntas.core import clock
from tuntas.notify.models import OutboxMessage
from tuntas.ops import heartbeat

TOKEN = "scrape-token-for-tests"


@pytest.fixture
def scrape(settings, db):
    settings.TUNTAS_METRICS_TOKEN = TOKEN
    cache.clear()

    def _scrape() -> dict[tuple[str, tuple], float]:
        cache.clear()  # the database counts are cached for a few seconds between scrapes
        response = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        samples = {}
        for family in text_string_to_metric_families(response.content.decode()):
            for s in family.samples:
                samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
        return samples

    return _scrape


def test_metrics_404_when_not_configured(client, db):
    assert client.get("/metrics").status_code == 404


@pytest.mark.parametrize("header", ["", "Bearer wrong", f"Basic {TOKEN}x"])
def test_metrics_404_without_the_right_token(client, settings, db, header):
    settings.TUNTAS_METRICS_TOKEN = TOKEN
    assert client.get("/metrics", HTTP_AUTHORIZATION=header).status_code == 404


def test_metrics_answer_an_allowed_address(settings, db):
    settings.TUNTAS_METRICS_ALLOW = ["not-a-network", "10.0.5.0/24"]
    assert Client(REMOTE_ADDR="10.0.5.7").get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="10.0.6.7").get("/metrics").status_code == 404


def test_behind_a_proxy_the_client_address_header_counts(settings, db):
    settings.TUNTAS_METRICS_ALLOW = ["127.0.0.1"]
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    proxied = Client(REMOTE_ADDR="127.0.0.1")  # nginx, forwarding someone from the internet
    assert proxied.get("/metrics", HTTP_X_REAL_IP="203.0.113.9").status_code == 404
    assert proxied.get("/metrics", HTTP_X_REAL_IP="127.0.0.1").status_code == 200


def test_request_latency_is_counted_by_view(scrape):
    key = ("tuntas_http_request_duration_seconds_count", (("method", "GET"), ("view", "portal:home")))
    before = scrape().get(key, 0)
    Client().get("/")
    Client().get("/")
    samples = scrape()
    assert samples[key] == before + 2
    assert (
        samples[
            ("tuntas_http_requests_total", (("method", "GET"), ("status", "2xx"), ("view", "portal:home")))
        ]
        >= 2
    )


def test_complaints_in_and_closed_are_counted(scrape, directory):
    with clock.frozen(dt.datetime(2026, 3, 2, 1, tzinfo=dt.UTC)):
        first = services.complaint_submit(data=complaint_input())
        services.complaint_submit(data=complaint_input())
        reporter_withdraw(code=first.complaint.tracking_code, secret=first.secret)
    samples = scrape()
    assert samples[("tuntas_complaints_received_total", ())] == 2
    assert samples[("tuntas_complaints_closed_total", (("status", "withdrawn"),))] == 1
    assert samples[("tuntas_complaints_closed_total", (("status", "closed"),))] == 0
    assert samples[("tuntas_complaints_open", ())] == 1


def test_overdue_handlings_are_counted(scrape, directory):
    with clock.frozen(dt.datetime(2026, 3, 2, 1, tzinfo=dt.UTC)):
        services.complaint_submit(data=complaint_input())
        assert scrape()[("tuntas_handlings_overdue", ())] == 0
    with clock.frozen(dt.datetime(2026, 6, 1, 1, tzinfo=dt.UTC)):
        assert scrape()[("tuntas_handlings_overdue", ())] == 1


def test_outbox_backlog_failures_and_heartbeat_age(scrape):
    now = clock.now()
    for status, age in (("pending", 600), ("pending", 60), ("failed", 7200), ("sent", 9000)):
        at = now - dt.timedelta(seconds=age)
        OutboxMessage.objects.create(
            channel="sms",
            recipient="0812",
            template="t",
            body="b",
            created_at=at,
            next_attempt_at=at,
            status=status,
        )
    samples = scrape()
    assert samples[("tuntas_outbox_backlog", ())] == 2
    assert samples[("tuntas_outbox_failed", ())] == 1
    assert 598 <= samples[("tuntas_outbox_oldest_pending_age_seconds", ())] <= 660
    assert samples[("tuntas_worker_heartbeat_age_seconds", ())] == float("inf")
    with clock.frozen(now - dt.timedelta(seconds=90)):
        heartbeat.heartbeat_record()
    assert 88 <= scrape()[("tuntas_worker_heartbeat_age_seconds", ())] <= 150


def test_database_counts_are_cached_between_scrapes(settings, db, django_assert_max_num_queries):
    settings.TUNTAS_METRICS_TOKEN = TOKEN
    cache.clear()
    c = Client()
    c.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    with django_assert_max_num_queries(0):
        c.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
