"""Prometheus metrics (prometheus-client): request latency by view, and the state of the work at scrape time.

Request metrics are observed by ``RequestMiddleware`` into the process's registry. Counts from the database
(complaints in and closed, handlings overdue, outbox backlog and failures, worker heartbeat age) are read
when Prometheus scrapes, with a handful of indexed aggregate queries, and kept for
``TUNTAS_METRICS_CACHE_SECONDS`` so a scrape storm cannot load the database. Under gunicorn with several
workers set ``PROMETHEUS_MULTIPROC_DIR`` (deploy/ does) so each scrape sums the request metrics of all.
"""

from __future__ import annotations

import ipaddress
import math
import os
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from tuntas.complaints.models import Complaint, Handling
from tuntas.core import clock as time
from tuntas.notify.models import OutboxMessage
from tuntas.ops.heartbeat import worker_status

# Pages are server-rendered; most take tens of milliseconds, exports and PDFs seconds.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REQUEST_LATENCY = Histogram(
    "tuntas_http_request_duration_seconds",
    "Time to answer an HTTP request, by view (URL name) and method.",
    ["view", "method"],
    buckets=LATENCY_BUCKETS,
)
REQUESTS = Counter(
    "tuntas_http_requests",
    "HTTP requests answered, by view, method and status class (2xx, 3xx, 4xx, 5xx).",
    ["view", "method", "status"],
)
CACHE_KEY = "tuntas:metrics:database"


def observe_request(view: str, method: str, status: int, seconds: float) -> None:
    method = method if method in {"GET", "POST", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"} else "OTHER"
    REQUEST_LATENCY.labels(view, method).observe(seconds)
    REQUESTS.labels(view, method, f"{status // 100}xx").inc()


def database_counts() -> dict:
    """The work's state, from indexed aggregates; cached briefly (a scrape every 15-60 s is usual)."""
    counts = cache.get(CACHE_KEY)
    if counts is not None:
        return counts
    by_status = dict(
        Complaint.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    outbox = dict(
        OutboxMessage.objects.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    worker = worker_status()
    counts = {
        "complaints": by_status,
        "handlings_overdue": Handling.objects.filter(is_open=True, due_date__lt=time.today()).count(),
        "outbox": outbox,
        "outbox_oldest_pending_age": worker.oldest_pending_age_seconds or 0.0,
        "heartbeat_age": worker.age_seconds,
    }
    cache.set(CACHE_KEY, counts, settings.TUNTAS_METRICS_CACHE_SECONDS)
    return counts


class DatabaseCollector:
    def collect(self):  # noqa: ANN201 - the prometheus-client collector protocol
        c = database_counts()
        complaints = c["complaints"]
        received = CounterMetricFamily("tuntas_complaints_received", "Complaints received (all time).")
        received.add_metric([], sum(complaints.values()))
        yield received
        closed = CounterMetricFamily(
            "tuntas_complaints_closed",
            "Complaints closed (finished or withdrawn; all time).",
            labels=["status"],
        )
        for status in (Complaint.Status.CLOSED, Complaint.Status.WITHDRAWN):
            closed.add_metric([status], complaints.get(status, 0))
        yield closed
        open_ = GaugeMetricFamily("tuntas_complaints_open", "Complaints open now.")
        open_.add_metric([], complaints.get(Complaint.Status.OPEN, 0))
        yield open_
        yield GaugeMetricFamily(
            "tuntas_handlings_overdue",
            "Open handlings past their SLA due date.",
            value=c["handlings_overdue"],
        )
        outbox = c["outbox"]
        yield GaugeMetricFamily(
            "tuntas_outbox_backlog",
            "Messages waiting to be delivered.",
            value=outbox.get(OutboxMessage.Status.PENDING, 0),
        )
        yield GaugeMetricFamily(
            "tuntas_outbox_failed",
            "Messages that failed for good (all retries used); review at /console/pengiriman/.",
            value=outbox.get(OutboxMessage.Status.FAILED, 0),
        )
        yield GaugeMetricFamily(
            "tuntas_outbox_oldest_pending_age_seconds",
            "Age of the oldest message still waiting (0 when none).",
            value=c["outbox_oldest_pending_age"],
        )
        age = c["heartbeat_age"]
        yield GaugeMetricFamily(
            "tuntas_worker_heartbeat_age_seconds",
            "Seconds since the background worker's last heartbeat (+Inf when never seen).",
            value=math.inf if age is None else age,
        )


def _client_address(request: HttpRequest) -> str:
    # Behind nginx every request comes from 127.0.0.1: use the header that carries the client's address.
    key = settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR"
    return request.META.get(key, "").split(",")[0].strip()


def scrape_allowed(request: HttpRequest) -> bool:
    token = settings.TUNTAS_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if given and secrets.compare_digest(given.encode(), token.encode()):
            return True
    allowed = settings.TUNTAS_METRICS_ALLOW
    if allowed:
        try:
            address = ipaddress.ip_address(_client_address(request))
        except ValueError:
            return False
        return any(address in net for net in _networks(tuple(allowed)))
    return False


def _networks(allowed: tuple[str, ...]) -> list:
    nets = []
    for entry in allowed:
        try:
            nets.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue  # a typo in TUNTAS_METRICS_ALLOW denies that entry, it does not break the endpoint
    return nets


def exposition() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process = CollectorRegistry()
        MultiProcessCollector(process)
    else:
        process = REGISTRY
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    return generate_latest(process) + generate_latest(database)


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    # Not configured or not allowed: the same 404 as any missing page, so the endpoint does not advertise itself.
    if not scrape_allowed(request):
        raise Http404
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
