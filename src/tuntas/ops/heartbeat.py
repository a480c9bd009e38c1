"""The background worker's heartbeat and what the console, ``/readyz``, the doctor and metrics say about it.

The worker writes a heartbeat every minute (``jobs/tasks.py``). When it stops, notifications and the SLA
pass stop too, silently; a heartbeat older than ``TUNTAS_WORKER_SILENT_MINUTES`` (default 5, i.e. a few
missed beats) makes the console show a banner to administrators and the coordinator, and the doctor fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.conf import settings
from django.db.models import Count, Min

from tuntas.core import clock as time
from tuntas.notify.models import OutboxMessage
from tuntas.ops.models import Heartbeat

WORKER = "worker"


@dataclasses.dataclass(frozen=True)
class WorkerStatus:
    last_seen: dt.datetime | None
    age_seconds: float | None  # None: never seen
    silent: bool
    outbox_backlog: int  # messages waiting to be delivered
    oldest_pending: dt.datetime | None  # when the oldest of them was written

    @property
    def oldest_pending_age_seconds(self) -> float | None:
        if self.oldest_pending is None:
            return None
        return max(0.0, (time.now() - self.oldest_pending).total_seconds())


def silent_after() -> dt.timedelta:
    return dt.timedelta(minutes=settings.TUNTAS_WORKER_SILENT_MINUTES)


def heartbeat_record(name: str = WORKER) -> Heartbeat:
    """Record that ``name`` is alive now (one row per process kind, updated in place)."""
    beat, _created = Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": time.now()})
    return beat


def worker_status() -> WorkerStatus:
    """The worker's last heartbeat and the outbox it should be draining: two indexed queries."""
    now = time.now()
    last_seen = Heartbeat.objects.filter(name=WORKER).values_list("seen_at", flat=True).first()
    age = (now - last_seen).total_seconds() if last_seen else None
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).aggregate(
        n=Count("id"), oldest=Min("created_at")
    )
    return WorkerStatus(
        last_seen=last_seen,
        age_seconds=max(0.0, age) if age is not None else None,
        silent=last_seen is None or now - last_seen > silent_after(),
        outbox_backlog=pending["n"],
        oldest_pending=pending["oldest"],
    )
