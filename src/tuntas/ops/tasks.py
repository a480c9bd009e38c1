"""Periodic tasks of the ops app (huey; the worker runs them).

MOVES TO jobs/tasks.py when the ``jobs`` app lands (issue 9: the one place periodic tasks are registered);
the task body stays a call into ``tuntas.ops.heartbeat``.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tuntas.ops import heartbeat


@db_periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    # Runs in the worker like every other task, so a worker that is up but stuck (all threads busy, the
    # scheduler dead) stops beating too.
    heartbeat.heartbeat_record()
