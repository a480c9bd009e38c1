"""Periodic task (huey): deadline reminders for requests between organisations. Tasks only call services."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tuntas.clarifications.reminders import send_reminders


@db_periodic_task(crontab(minute="5", hour="*"))
def clarification_reminders() -> None:
    # Hourly: a reminder goes out within the hour a request becomes due soon or overdue; each is sent once.
    send_reminders()
