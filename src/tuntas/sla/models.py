"""SLA clocks of a handling: started, paused, resumed and stopped by the SOP's transitions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuntas.core.models import AppendOnlyModel


class Clock(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("Berjalan")
        PAUSED = "paused", _("Ditunda")
        STOPPED = "stopped", _("Berhenti")

    handling = models.ForeignKey(
        "complaints.Handling", on_delete=models.CASCADE, related_name="clocks", verbose_name=_("penanganan")
    )
    name = models.CharField(max_length=60, verbose_name=_("nama"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.RUNNING, verbose_name=_("status")
    )
    duration = models.PositiveIntegerField(verbose_name=_("durasi"))
    unit = models.CharField(max_length=20, verbose_name=_("satuan"))  # working_days | calendar_days
    started_on = models.DateField(verbose_name=_("mulai"))
    due_date = models.DateField(null=True, blank=True, verbose_name=_("tenggat"))
    paused_on = models.DateField(null=True, blank=True, verbose_name=_("dihentikan sementara pada"))
    # Days (in the clock's unit) left when it was paused; resuming counts them again from the resume date.
    remaining = models.IntegerField(null=True, blank=True, verbose_name=_("sisa"))
    # The day the current due date counts from (the start, or the last resume): with the duration (or
    # ``remaining`` after a resume) it lets a changed holiday list recompute the due date exactly.
    counted_from = models.DateField(null=True, blank=True, verbose_name=_("dihitung sejak"))
    stopped_at = models.DateTimeField(null=True, blank=True, verbose_name=_("berhenti pada"))
    breached_at = models.DateTimeField(null=True, blank=True, verbose_name=_("melewati tenggat pada"))
    met = models.BooleanField(null=True, verbose_name=_("tepat waktu"))  # stopped on or before its due date

    class Meta:
        verbose_name = _("jam tenggat")
        verbose_name_plural = pgettext_lazy("jamak", "jam tenggat")
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

    clock = models.ForeignKey(
        Clock, on_delete=models.CASCADE, related_name="+", verbose_name=_("jam tenggat")
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("jenis"))
    # The clock's due date when alerted: a clock paused and resumed gets a new due date, and a new alert.
    due_date = models.DateField(verbose_name=_("tenggat"))
    created_at = models.DateTimeField(verbose_name=_("dibuat pada"))

    class Meta:
        verbose_name = _("peringatan petugas")
        verbose_name_plural = pgettext_lazy("jamak", "peringatan petugas")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["clock", "kind", "due_date"], name="staff_alert_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} clock={self.clock_id}"
