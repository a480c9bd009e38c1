"""Compliance self-assessment (Penilaian Kepatuhan Standar Pelayanan Publik, and from 2025 the Opini Ombudsman).

A ``Scheme`` version holds its definition as data (the YAML text and its parsed form, see scoring.py); a version
a round uses is never edited again, a change is a new version. A ``Round`` applies one scheme version to a
set of organisations for a year, reviewed by one organisation (Inspektorat, Bagian Organisasi or the Ombudsman
Perwakilan). Each participant has an ``Assessment`` with one ``Answer`` per indicator (self-score and reviewer
score), ``Evidence`` files per answer, and an append-only ``AssessmentEvent`` history. Writes go through
services.py.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuntas.compliance import scoring
from tuntas.core.i18n import english
from tuntas.core.models import AppendOnlyModel, StoredFile


class Scheme(models.Model):
    """One version of a scoring scheme; ``definition`` is the parsed YAML (validated by scoring.parse_scheme)."""

    code = models.SlugField(_("kode"), max_length=60)
    version = models.PositiveIntegerField(_("versi"), default=1)
    name = models.CharField(_("nama"), max_length=200)
    source = models.TextField(_("definisi (YAML)"))
    definition = models.JSONField(_("definisi"), default=dict, editable=False)
    is_active = models.BooleanField(_("dapat dipakai untuk putaran baru"), default=True)
    created_at = models.DateTimeField(_("dibuat"))

    class Meta:
        verbose_name = _("skema penilaian")
        verbose_name_plural = _("skema penilaian")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="compliance_scheme_version")]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @cached_property
    def parsed(self) -> scoring.Scheme:
        return scoring.parse_scheme(self.definition)


class Round(models.Model):
    """An assessment round: a scheme version, a year or period, the participants, the dates, the reviewer."""

    scheme = models.ForeignKey(
        Scheme, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("skema")
    )
    name = models.CharField(_("nama putaran"), max_length=200)
    year = models.PositiveSmallIntegerField(_("tahun"))
    period = models.CharField(_("periode"), max_length=60, blank=True, default="")
    reviewing_organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="compliance_rounds_reviewed",
        verbose_name=_("organisasi penilai"),
    )
    opens_on = models.DateField(_("dibuka"))
    closes_on = models.DateField(_("ditutup"))
    results_public = models.BooleanField(_("hasil final tampil di portal"), default=True)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )

    class Meta:
        verbose_name = _("putaran penilaian")
        verbose_name_plural = _("putaran penilaian")
        ordering = ["-year", "-opens_on", "pk"]

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One organisation's assessment in a round. ``status`` is written only by services.py."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
        DINILAI = "dinilai", _("Dinilai")
        FINAL = "final", _("Final")

    SELF_EDITABLE = (Status.DRAF, Status.DIKEMBALIKAN)
    REVIEWABLE = (Status.DIAJUKAN, Status.DINILAI)

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("putaran")
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="compliance_assessments",
        verbose_name=_("organisasi"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAF)
    # Results are stored when computed (submission, review, finalisation) so lists need no recomputation.
    self_total = models.DecimalField(
        _("nilai mandiri"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    self_band = models.CharField(_("hasil mandiri"), max_length=40, blank=True, default="")
    review_total = models.DecimalField(
        _("nilai penilai"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    review_band = models.CharField(_("hasil penilai"), max_length=40, blank=True, default="")
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diajukan oleh"),
    )
    finalised_at = models.DateTimeField(_("difinalkan"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("penilaian organisasi")
        verbose_name_plural = _("penilaian organisasi")
        ordering = ["round", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organisation"], name="compliance_one_assessment_per_org"
            )
        ]
        indexes = [models.Index(fields=["round", "status"])]

    def __str__(self) -> str:
        return f"{self.round} · {self.organisation}"

    @property
    def is_self_editable(self) -> bool:
        return self.status in self.SELF_EDITABLE

    @property
    def is_reviewable(self) -> bool:
        return self.status in self.REVIEWABLE


class Answer(models.Model):
    """The answers to one indicator: the organisation's own and the reviewer's, each with a note."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.CharField(_("indikator"), max_length=60)
    self_value = models.CharField(_("jawaban mandiri"), max_length=40, blank=True, default="")
    self_note = models.TextField(_("keterangan mandiri"), blank=True, default="")
    review_value = models.CharField(_("jawaban penilai"), max_length=40, blank=True, default="")
    review_note = models.TextField(_("catatan penilai"), blank=True, default="")
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="compliance_one_answer_per_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}:{self.indicator}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"compliance/{instance.created_at:%Y/%m}/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(StoredFile):
    """An uploaded proof for one answer, cleaned by core.files (type from content, metadata removed)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["created_at", "pk"]


class AssessmentEvent(AppendOnlyModel):
    """Append-only history of an assessment: who did what, when, with before/after values in ``payload``."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Penilaian dibuat")
        SELF_ANSWERED = "self_answered", _("Jawaban mandiri disimpan")
        EVIDENCE_ADDED = "evidence_added", _("Bukti dukung diunggah")
        SUBMITTED = "submitted", _("Diajukan untuk dinilai")
        REVIEW_ANSWERED = "review_answered", _("Nilai penilai disimpan")
        RETURNED = "returned", _("Dikembalikan untuk diperbaiki")
        REVIEWED = "reviewed", _("Selesai dinilai")
        FINALISED = "finalised", _("Difinalkan")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    message = models.TextField(blank=True, default="")
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("riwayat penilaian")
        verbose_name_plural = _("riwayat penilaian")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.assessment_id}"


def label(obj: scoring.Indicator | scoring.Dimension | scoring.Band | scoring.Option | scoring.Part) -> str:
    """The text or name of a scheme item in the active language."""
    if isinstance(obj, scoring.Indicator):
        return obj.text_en if english() and obj.text_en else obj.text
    if isinstance(obj, scoring.Option):
        return obj.label_en if english() and obj.label_en else obj.label
    return obj.name_en if english() and obj.name_en else obj.name
