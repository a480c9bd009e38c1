"""When a reporter may take their complaint to the next oversight body, and to which one (reads only).

The rule: while an answer awaits the reporter's response (an open handling whose state has a reporter
"accept" transition), or up to ``TUNTAS_ESCALATION_WORKING_DAYS`` (default 10) working days after the
complaint closed. The body is the next step up from ``routing.escalation_target``: the Inspektorat covering
the region, then the Ombudsman Perwakilan. A withdrawn complaint cannot be escalated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from tuntas.complaints import routing
from tuntas.complaints.models import Complaint, Handling
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.directory.models import Organisation
from tuntas.workflows.registry import workflow_for

DEFAULT_WINDOW_WORKING_DAYS = 10


def window_working_days() -> int:
    return int(getattr(settings, "TUNTAS_ESCALATION_WORKING_DAYS", DEFAULT_WINDOW_WORKING_DAYS))


@dataclass(frozen=True)
class EscalationOption:
    organisation: Organisation
    external: bool  # the Ombudsman: it examines alongside the Pemkab's handlings instead of taking them over
    reopens: bool  # the complaint is closed and opens again
    waiting: tuple[Handling, ...]  # open handlings whose answer awaits the reporter's response
    until: dt.date | None  # last day to ask, for a closed complaint

    @property
    def label(self) -> str:
        return self.organisation.name


def escalation_option(
    complaint: Complaint, handlings: list[Handling] | None = None
) -> EscalationOption | None:
    """Where the reporter could take the complaint now, or None. ``handlings``: all of the complaint's
    handlings with their organisation and SOP, when the caller has loaded them (the tracking page has).

    Whether the body's SOP is loaded is left to ``services_transfer.reporter_escalate``, which checks it."""
    if handlings is None:
        handlings = list(complaint.handlings.select_related("workflow", "organisation__kind"))
    until = None
    waiting: list[Handling] = []
    if complaint.status == Complaint.Status.OPEN:
        waiting = [
            h
            for h in handlings
            if h.is_open and workflow_for(h).reporter_transition(h.state, "accept") is not None
        ]
        if not waiting:
            return None
    elif complaint.status == Complaint.Status.CLOSED and complaint.closed_at is not None:
        calendar = calendar_for(routing.complaint_region_code(complaint))
        until = calendar.working_days_add(timezone.localdate(complaint.closed_at), window_working_days())
        if time.today() > until:
            return None
    else:
        return None
    target = routing.escalation_target(complaint, {h.organisation.kind for h in handlings})
    if target is None or any(h.is_open and h.organisation_id == target.pk for h in handlings):
        return None
    return EscalationOption(
        organisation=target,
        external=target.kind.is_external_oversight,
        reopens=complaint.status == Complaint.Status.CLOSED,
        waiting=tuple(waiting),
        until=until,
    )
