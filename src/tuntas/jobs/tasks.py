"""Background tasks (huey; ``tuntas run_huey`` runs them): the only module that registers tasks. Tasks only
call services.

- ``deliver_message``: enqueued right after the commit that wrote a message (``notify.dispatch``, installed
  by ``JobsConfig.ready``), so it leaves within seconds;
- ``deliver_outbox``: every minute, the safety net for anything the fast path missed (worker down, crash,
  retries that have come due);
- ``sla_tick``: every 15 minutes, deadlines (due soon, breached, escalation) and SOP expiry transitions;
- ``send_digests``: hourly; from TUNTAS_DIGEST_HOUR (07:00 local time by default) it sends each
  organisation's daily digest once (DigestRun). Hourly rather than one crontab hour because huey matches
  crontabs in UTC, and so that a worker down at 07:00 still sends the day's digest when it returns;
- ``clarification_reminders``: hourly, deadline reminders for requests between organisations;
- ``followup_overdue``: daily at 01:00 UTC (09:00 WITA), alerts the responsible unit's pimpinan once for
  each recommendation past its working-day deadline (``followup.services.overdue_pass``);
- ``worker_heartbeat``: every minute, the worker's heartbeat (``ops.heartbeat``) that the console, /readyz,
  the metrics and ``tuntas doctor`` read.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from tuntas.clarifications.reminders import send_reminders
from tuntas.complaints import digest
from tuntas.complaints.deadlines import sla_tick as sla_tick_pass
from tuntas.followup.services import overdue_pass
from tuntas.notify import delivery
from tuntas.ops import heartbeat

PERIODIC_LIMIT = 500


@db_task()
def deliver_message(message_id: int) -> None:
    delivery.deliver_message(message_id)


@db_periodic_task(crontab(minute="*"))
def deliver_outbox() -> None:
    # A backlog (the worker was down) drains at up to this many a minute; passes that overlap split the
    # work between them, because each message is claimed by one pass only.
    delivery.deliver_due(limit=PERIODIC_LIMIT)


@db_periodic_task(crontab(minute="*/15"))
def sla_tick() -> None:
    sla_tick_pass()


@db_periodic_task(crontab(minute="0"))
def send_digests() -> None:
    if digest.digest_due():
        digest.digests_send()


@db_periodic_task(crontab(minute="5", hour="*"))
def clarification_reminders() -> None:
    # Hourly: a reminder goes out within the hour a request becomes due soon or overdue; each is sent once.
    send_reminders()


@db_periodic_task(crontab(minute="10", hour="1"))
def followup_overdue() -> None:
    overdue_pass()


@db_periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    # Runs in the worker like every other task, so a worker that is up but stuck (all threads busy, the
    # scheduler dead) stops beating too.
    heartbeat.heartbeat_record()
