"""Survei Kepuasan Masyarakat (SKM, PermenPANRB 14/2017) per service or organisation.

The questionnaire is data: nine elements (``Element``, U1-U9), numbered questionnaire versions
(``Questionnaire``) with one question per element and four answer labels, the respondent profile options,
and the grade bands (``GradeBand``), all seeded from ``data/skm-permenpanrb-14-2017.yaml`` by a migration
and editable in the admin. A ``Survey`` is one period of a service's (or an organisation's) survey; it keeps
the questionnaire version it started with, so old responses keep their questions. A ``Response`` is
anonymous: no name, no contact, no address; only the channel, an optional profile from the regulation's
form, and, when it came from the invitation after a closed complaint, that complaint (never its reporter).
Writes go through services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuntas.core.i18n import english


class Element(models.Model):
    """One of the nine elements (unsur pelayanan) of PermenPANRB 14/2017."""

    code = models.CharField(_("kode"), max_length=10, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120, blank=True, default="")
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        verbose_name = _("unsur pelayanan")
        verbose_name_plural = _("unsur pelayanan")
        ordering = ["sort", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def label(self) -> str:
        return self.name_en if english() and self.name_en else self.name


class GradeBand(models.Model):
    """A grade (mutu pelayanan) for IKM values from ``low`` to ``high`` (two decimals, inclusive)."""

    code = models.CharField(_("kode"), max_length=5, unique=True)
    label = models.CharField(_("kinerja unit pelayanan"), max_length=60)
    label_en = models.CharField(_("kinerja (Inggris)"), max_length=60, blank=True, default="")
    low = models.DecimalField(_("IKM dari"), max_digits=5, decimal_places=2)
    high = models.DecimalField(_("IKM sampai"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("mutu pelayanan")
        verbose_name_plural = _("mutu pelayanan")
        ordering = ["-low"]

    def __str__(self) -> str:
        return f"{self.code} {self.label} ({self.low}-{self.high})"

    @property
    def display(self) -> str:
        return self.label_en if english() and self.label_en else self.label


class Questionnaire(models.Model):
    """One version of the questionnaire. New surveys take the newest active version of the slug."""

    slug = models.SlugField(_("slug"), max_length=80)
    version = models.PositiveIntegerField(_("versi"))
    title = models.CharField(_("judul"), max_length=200)
    title_en = models.CharField(_("judul (Inggris)"), max_length=200, blank=True, default="")
    # {"jenis_kelamin": {"label", "label_en", "options": [{"code", "label", "label_en"}, ...]}, ...}
    profile = models.JSONField(_("profil responden"), default=dict, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kuesioner")
        verbose_name_plural = _("kuesioner")
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="questionnaire_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class Question(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="questions")
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)
    text = models.CharField(_("pertanyaan"), max_length=300)
    text_en = models.CharField(_("pertanyaan (Inggris)"), max_length=300, blank=True, default="")
    labels = models.JSONField(_("pilihan jawaban 1-4"), default=list)
    labels_en = models.JSONField(_("pilihan jawaban 1-4 (Inggris)"), default=list, blank=True)

    class Meta:
        verbose_name = _("pertanyaan")
        verbose_name_plural = _("pertanyaan")
        ordering = ["questionnaire", "sort", "element__code"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "element"], name="question_one_per_element")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def label(self) -> str:
        return self.text_en if english() and self.text_en else self.text

    @property
    def choices(self) -> list[tuple[int, str]]:
        """(value, label) from 1 (worst) to 4 (best) in the active language."""
        labels = (
            self.labels_en if english() and len(self.labels_en or []) == len(self.labels) else self.labels
        )
        return [(n, str(label)) for n, label in enumerate(labels, start=1)]


class Survey(models.Model):
    """One survey period of a service, or of an organisation as a whole when ``service`` is empty."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("organisasi"),
    )
    service = models.ForeignKey(
        "standards.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="surveys",
        verbose_name=_("layanan"),
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("kuesioner")
    )
    title = models.CharField(_("nama periode"), max_length=120, blank=True, default="")
    opens_on = models.DateField(_("dibuka"))
    closes_on = models.DateField(_("ditutup"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup petugas"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ditutup oleh"),
    )

    class Meta:
        verbose_name = _("survei kepuasan")
        verbose_name_plural = _("survei kepuasan")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            # One running (not closed) survey per service, and per organisation without a service: the
            # counter's QR code points at the service, and answers go to whichever period runs.
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(closed_at__isnull=True, service__isnull=False),
                name="survey_one_running_per_service",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(closed_at__isnull=True, service__isnull=True),
                name="survey_one_running_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service or self.organisation} ({self.opens_on})"


class Response(models.Model):
    """One respondent's answers. Anonymous by design: nothing here names or reaches the respondent."""

    class Channel(models.TextChoices):
        PORTAL = "portal", _("Portal")
        QR = "qr", _("Kode QR di loket")
        COMPLAINT = "pengaduan", _("Setelah pengaduan selesai")

    survey = models.ForeignKey(
        Survey, on_delete=models.PROTECT, related_name="responses", verbose_name=_("survei")
    )
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices, default=Channel.PORTAL)
    # The closed complaint whose tracking page invited the response: at most one response per complaint.
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pengaduan"),
    )
    submitted_at = models.DateTimeField(_("diisi"))
    submitted_on = models.DateField(_("tanggal"))  # local date: periods (triwulan, semester) count by it
    gender = models.CharField(_("jenis kelamin"), max_length=20, blank=True, default="")
    age = models.CharField(_("usia"), max_length=20, blank=True, default="")
    education = models.CharField(_("pendidikan"), max_length=20, blank=True, default="")
    occupation = models.CharField(_("pekerjaan"), max_length=20, blank=True, default="")
    suggestion = models.TextField(_("saran dan masukan"), blank=True, default="")

    class Meta:
        verbose_name = _("jawaban survei")
        verbose_name_plural = _("jawaban survei")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint"], condition=Q(complaint__isnull=False), name="response_one_per_complaint"
            )
        ]
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    element = models.ForeignKey(Element, on_delete=models.PROTECT, related_name="answers")  # for grouping
    value = models.PositiveSmallIntegerField(_("nilai"))

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question"),
            models.CheckConstraint(condition=Q(value__gte=1, value__lte=4), name="answer_value_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.element_id}={self.value}"
