"""Findings and their recommendations as records, followed to the end.

A ``Finding`` is one product of an issuer: an Inspektorat LHP, an Ombudsman LAHP (tindakan korektif), LHA
(saran perbaikan), LHP or Rekomendasi, optionally linked to the complaint and handling it came from. It holds
``Recommendation`` rows, each for one responsible unit with its own working-day deadline, status (see
``tracking.py``), the unit's answers with ``Evidence`` files, and for financial findings the amount to return
(TGR) with its ``Instalment`` rows. ``FollowupEvent`` is the append-only history. Writes go through services.py.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuntas.core.models import AppendOnlyModel, StoredFile
from tuntas.followup import tracking


class Finding(models.Model):
    class Kind(models.TextChoices):
        LHP_INSPEKTORAT = "lhp_inspektorat", _("LHP Inspektorat")
        LAHP_OMBUDSMAN = "lahp_ombudsman", _("LAHP Ombudsman (tindakan korektif)")
        LHA_OMBUDSMAN = "lha_ombudsman", _("LHA Ombudsman (saran perbaikan)")
        LHP_OMBUDSMAN = "lhp_ombudsman", _("LHP Ombudsman")
        REKOMENDASI_OMBUDSMAN = "rekomendasi_ombudsman", _("Rekomendasi Ombudsman")

    OMBUDSMAN_KINDS = ("lahp_ombudsman", "lha_ombudsman", "lhp_ombudsman", "rekomendasi_ombudsman")

    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices)
    number = models.CharField(_("nomor"), max_length=100)
    title = models.CharField(_("judul"), max_length=300)
    issuer = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="findings_issued",
        verbose_name=_("penerbit"),
    )
    issued_on = models.DateField(_("tanggal terbit"))
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
        verbose_name=_("pengaduan"),
    )
    handling = models.ForeignKey(
        "complaints.Handling",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
        verbose_name=_("penanganan"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    created_at = models.DateTimeField(verbose_name=_("dibuat pada"))

    class Meta:
        verbose_name = _("temuan / laporan hasil")
        verbose_name_plural = _("temuan / laporan hasil")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    @property
    def is_ombudsman(self) -> bool:
        return self.kind in self.OMBUDSMAN_KINDS


class Recommendation(models.Model):
    class Status(models.TextChoices):
        BELUM_DITINDAKLANJUTI = tracking.BELUM_DITINDAKLANJUTI, _("Belum ditindaklanjuti")
        BELUM_SESUAI = tracking.BELUM_SESUAI, _("Belum sesuai")
        SESUAI = tracking.SESUAI, _("Sesuai")
        TIDAK_DAPAT = tracking.TIDAK_DAPAT, _("Tidak dapat ditindaklanjuti")

    class Claim(models.TextChoices):
        DONE = tracking.DONE, _("Sudah dilaksanakan")
        CANNOT = tracking.CANNOT, _("Tidak dapat dilaksanakan")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(_("nomor urut"), default=1)
    text = models.TextField(_("rekomendasi"))
    unit = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("unit penanggung jawab"),
    )
    deadline_days = models.PositiveSmallIntegerField(_("batas waktu (hari kerja)"))
    due_date = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.BELUM_DITINDAKLANJUTI
    )
    awaiting_review = models.BooleanField(_("menunggu penilaian penerbit"), default=False)
    claim = models.CharField(_("jawaban unit"), max_length=10, choices=Claim.choices, blank=True, default="")
    response = models.TextField(_("uraian tindak lanjut"), blank=True, default="")
    reason = models.TextField(_("alasan tidak dapat ditindaklanjuti"), blank=True, default="")
    review_note = models.TextField(_("catatan penerbit"), blank=True, default="")
    tgr_amount = models.DecimalField(
        _("nilai TGR (Rp)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    overdue_alerted_on = models.DateField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")
        ordering = ["finding_id", "position", "pk"]
        indexes = [models.Index(fields=["unit", "status"]), models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.finding.number} #{self.position}"

    @property
    def is_final(self) -> bool:
        return tracking.is_final(self.status)

    def tgr_paid(self) -> Decimal:
        return sum((i.amount for i in self.instalments.all()), Decimal(0))

    def tgr_outstanding(self) -> Decimal:
        return tracking.tgr_outstanding(self.tgr_amount, self.tgr_paid())


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"followup/{instance.recommendation_id}/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(StoredFile):
    """A document the unit sent with an answer (cleaned through core/files.py)."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="evidence")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]


class Instalment(AppendOnlyModel):
    """One TGR payment the unit reported (angsuran); a correction is a new row."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="instalments")
    paid_on = models.DateField(_("tanggal bayar"))
    amount = models.DecimalField(_("jumlah (Rp)"), max_digits=16, decimal_places=2)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["paid_on", "id"]


class FollowupEvent(AppendOnlyModel):
    class Kind(models.TextChoices):
        ISSUED = "issued", _("Diterbitkan")
        RESPONDED = "responded", _("Dijawab unit")
        ACCEPTED = "accepted", _("Diterima penerbit")
        RETURNED = "returned", _("Dikembalikan penerbit")
        OVERDUE = "overdue", _("Melewati tenggat")

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(blank=True, default="")
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
