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
- ``channels_mail_poll``: every 2 minutes, the mailbox (TUNTAS_IMAP_HOST; unset: does nothing): new mail
  becomes channel drafts, replies thread into their complaints;
- ``holidays_yearly_sync``: on 2 January and 1 October at 01:30 UTC, ``load_holidays`` for last, this and
  next year (the SKB on cuti bersama usually comes out in the autumn before its year);
- ``followup_overdue``: daily at 01:10 UTC (09:10 WITA), alerts the responsible unit's pimpinan once for
  each recommendation past its working-day deadline (``followup.services.overdue_pass``);
- ``worker_heartbeat``: every minute, the worker's heartbeat (``ops.heartbeat``) that the console, /readyz,
  the metrics and ``tuntas doctor`` read.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from tuntas.channels.imap import mailbox_poll
from tuntas.clarifications.reminders import send_reminders
from tuntas.complaints import digest
from tuntas.complaints.deadlines import sla_tick as sla_tick_pass
from tuntas.core.holidays_sync import holidays_sync
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


@db_periodic_task(crontab(minute="30", hour="1", day="2", month="1"))
def holidays_yearly_sync() -> None:
    holidays_sync()


@db_periodic_task(crontab(minute="30", hour="1", day="1", month="10"))
def holidays_autumn_sync() -> None:
    holidays_sync()


@db_periodic_task(crontab(minute="5", hour="*"))
def clarification_reminders() -> None:
    # Hourly: a reminder goes out within the hour a request becomes due soon or overdue; each is sent once.
    send_reminders()


@db_periodic_task(crontab(minute="*/2"))
def channels_mail_poll() -> None:
    mailbox_poll()


@db_periodic_task(crontab(minute="10", hour="1"))
def followup_overdue() -> None:
    overdue_pass()


@db_periodic_task(crontab(minute="*"))
def worker_heartbeat() -> None:
    # Runs in the worker like every other task, so a worker that is up but stuck (all threads busy, the
    # scheduler dead) stops beating too.
    heartbeat.heartbeat_record()
