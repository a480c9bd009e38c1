"""The daily digest: one email a day to each pimpinan, koordinator and petugas of an organisation that has
open handlings, listing what came in during the last day, what is due soon, what is overdue and what waits
for the reporter.

Once per organisation and day: a DigestRun row (unique on organisation and date) is written in the same
transaction as the messages, so a second run the same day (the task firing twice, the command run by hand,
two workers at once) sends nothing. An organisation with nothing to say gets its DigestRun too (with no
message), so it is decided once a day and not again every time the task runs. (DigestRun stays a notify
model: it records a send to an organisation on a date and knows no complaint.)
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Handling
from tuntas.complaints.notifications import complaint_summary
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.directory.models import Organisation, Role
from tuntas.notify.models import DigestRun
from tuntas.notify.services import notify_staff
from tuntas.sla.policy import DUE_SOON_WORKING_DAYS
from tuntas.workflows.registry import workflow_of

log = logging.getLogger(__name__)

DIGEST_ROLES = (Role.PIMPINAN, Role.KOORDINATOR, Role.PETUGAS)
DEFAULT_HOUR = 7  # local time (settings.TIME_ZONE); TUNTAS_DIGEST_HOUR overrides
MAX_ITEMS = 20  # per section: the console has the full list

SECTIONS = (
    ("new", _("Baru masuk (24 jam terakhir)")),
    ("overdue", _("Lewat tenggat")),
    ("soon", _("Segera jatuh tempo")),
    ("waiting", _("Menunggu tanggapan pelapor")),
)


def digest_hour() -> int:
    return int(getattr(settings, "TUNTAS_DIGEST_HOUR", DEFAULT_HOUR))


@dataclass
class DigestResult:
    organisations: int = 0  # digests sent
    messages: int = 0
    skipped: int = 0  # nothing to say
    already: int = 0  # sent earlier today


def _item(h: Handling) -> dict:
    return {**complaint_summary(h.complaint), "due_date": h.due_date}


def digest_sections(organisation: Organisation, *, now: dt.datetime, today: dt.date) -> list[dict]:
    """The digest's non-empty sections for ``organisation``: plain values only (see notify_staff)."""
    handlings = list(
        Handling.objects.filter(organisation=organisation, is_open=True)
        .select_related("complaint", "workflow")
        .order_by("due_date", "opened_at", "id")
    )
    soon_limit = calendar_for(organisation.region_id).working_days_add(today, DUE_SOON_WORKING_DAYS)
    since = now - dt.timedelta(days=1)
    buckets: dict[str, list[Handling]] = {key: [] for key, _label in SECTIONS}
    for h in handlings:
        if h.opened_at > since:
            buckets["new"].append(h)
        waiting = workflow_of(h.workflow).states.get(h.state)
        if waiting is not None and waiting.waiting_for_reporter:
            buckets["waiting"].append(h)
        elif h.due_date is not None and h.due_date < today:
            buckets["overdue"].append(h)
        elif h.due_date is not None and h.due_date <= soon_limit:
            buckets["soon"].append(h)
    sections = []
    for key, label in SECTIONS:
        rows = buckets[key]
        if rows:
            sections.append(
                {
                    "key": key,
                    "title": label,
                    "items": [_item(h) for h in rows[:MAX_ITEMS]],
                    "count": len(rows),
                    "more": max(len(rows) - MAX_ITEMS, 0),
                }
            )
    return sections


def digest_send(organisation: Organisation, *, now: dt.datetime | None = None) -> tuple[str, int]:
    """Send today's digest for ``organisation`` unless it went out already: ("sent" | "skipped" | "already",
    number of messages)."""
    now = now or time.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = DigestRun.objects.create(organisation=organisation, date=today, created_at=now)
        except IntegrityError:  # another run got here first (this one waited on its row, then lost)
            return "already", 0
        sections = digest_sections(organisation, now=now, today=today)
        if not sections:
            return "skipped", 0
        messages = notify_staff(
            organisation=organisation,
            key="staff_digest",
            context={"date": today, "sections": sections, "total": sum(s["count"] for s in sections)},
            roles=DIGEST_ROLES,
        )
        run.messages = len(messages)
        run.save(update_fields=["messages"])
    return "sent", len(messages)


def digests_send(*, now: dt.datetime | None = None, organisations=None) -> DigestResult:  # noqa: ANN001
    """Today's digest for every active organisation with open handlings that has not had it yet."""
    now = now or time.now()
    today = timezone.localdate(now)
    result = DigestResult()
    orgs = organisations
    if orgs is None:
        done = DigestRun.objects.filter(date=today).values("organisation_id")
        orgs = (
            Organisation.objects.filter(is_active=True, handlings__is_open=True)
            .exclude(pk__in=done)
            .distinct()
            .order_by("id")
        )
    for org in orgs:
        outcome, count = digest_send(org, now=now)
        if outcome == "sent":
            result.organisations += 1
            result.messages += count
        elif outcome == "skipped":
            result.skipped += 1
        else:
            result.already += 1
    log.info(
        "digest date=%s sent=%s messages=%s skipped=%s already=%s",
        today,
        result.organisations,
        result.messages,
        result.skipped,
        result.already,
    )
    return result


def digest_due(now: dt.datetime | None = None) -> bool:
    """Whether the periodic task should send now: from TUNTAS_DIGEST_HOUR local time on (an hourly task, so
    a worker that was down at that hour still sends the day's digest when it comes back)."""
    return timezone.localtime(now or time.now()).hour >= digest_hour()
