"""SLA clocks of a handling: started, paused, resumed and stopped by the SOP's transitions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuntas.core.models import AppendOnlyModel


class Clock(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Berjalan")
        PAUSED = "paused", _("Ditunda")
        STOPPED = "stopped", _("Berhenti")

    handling = models.ForeignKey("complaints.Handling", on_delete=models.CASCADE, related_name="clocks")
    name = models.CharField(max_length=60)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    duration = models.PositiveIntegerField()
    unit = models.CharField(max_length=20)  # working_days | calendar_days
    started_on = models.DateField()
    due_date = models.DateField(null=True, blank=True)
    paused_on = models.DateField(null=True, blank=True)
    # Days (in the clock's unit) left when it was paused; resuming counts them again from the resume date.
    remaining = models.IntegerField(null=True, blank=True)
    # The day the current due date counts from (the start, or the last resume): with the duration (or
    # ``remaining`` after a resume) it lets a changed holiday list recompute the due date exactly.
    counted_from = models.DateField(null=True, blank=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    met = models.BooleanField(null=True)  # stopped on or before its due date

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.name} → {self.due_date}"


class CalendarCheck(models.Model):
    """The holiday list the running due dates were last computed against (a digest of every Holiday row):
    when it differs, the SLA pass recomputes them (``complaints.deadlines.due_dates_recompute``)."""

    key = models.CharField(max_length=20, unique=True)
    fingerprint = models.CharField(max_length=64)
    checked_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.key}: {self.fingerprint[:12]}"


class StaffAlert(AppendOnlyModel):
    """One staff alert sent about one SLA clock (due soon, breached, escalated to pimpinan): the unique
    constraint makes each go out at most once per clock and due date, however often the SLA pass runs."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Segera jatuh tempo")
        BREACHED = "breached", _("Lewat tenggat")
        ESCALATED = "escalate_pimpinan", _("Eskalasi ke pimpinan")

    clock = models.ForeignKey(Clock, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The clock's due date when alerted: a clock paused and resumed gets a new due date, and a new alert.
    due_date = models.DateField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["clock", "kind", "due_date"], name="staff_alert_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} clock={self.clock_id}"
