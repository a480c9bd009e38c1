"""Cooperation between a Pemkab and an Ombudsman Perwakilan, and the capacity building it carries.

An ``Agreement`` (nota kesepakatan) names its two parties, its numbers on each side, signing date, validity and
its signed PDF. Its focus areas are data (``FocusArea``, four seeded by a migration, editable in the admin),
attached to an agreement through ``AgreementArea``; each area has an action plan of ``Activity`` rows owned
by one organisation of either side. ``Training`` rows are the Bimtek, sosialisasi and FGD held under the
agreement, with participants per organisation (counts, optionally named accounts) and attendance.
Everything that changes is recorded in ``LogEntry`` (insert-only); progress notes of an activity are log
entries too, and evidence files hang on them. Writes go through services.py.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuntas.core.i18n import english
from tuntas.core.models import AppendOnlyModel, StoredFile


class _Labelled(models.Model):
    """A catalogue row with an Indonesian name, an optional English one, an order and an active flag."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150, blank=True, default="")
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        abstract = True
        ordering = ["sort", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        if english() and self.name_en:
            return self.name_en
        return self.name


class FocusArea(_Labelled):
    """A focus area an agreement may cover (standar & kualitas pelayanan, pencegahan maladministrasi, ...)."""

    description = models.TextField(_("uraian"), blank=True, default="")

    class Meta(_Labelled.Meta):
        verbose_name = _("bidang kerja sama")
        verbose_name_plural = _("bidang kerja sama")


class TrainingKind(_Labelled):
    """A kind of capacity-building activity: Bimtek, sosialisasi, FGD, ..."""

    class Meta(_Labelled.Meta):
        verbose_name = _("jenis kegiatan peningkatan kapasitas")
        verbose_name_plural = _("jenis kegiatan peningkatan kapasitas")


class Agreement(models.Model):
    """A nota kesepakatan between a Pemkab and an Ombudsman Perwakilan."""

    class Status(models.TextChoices):
        BERLAKU = "berlaku", _("Berlaku")
        BERAKHIR = "berakhir", _("Berakhir")

    pemkab = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="agreements_as_pemkab",
        verbose_name=_("pemerintah daerah"),
    )
    ombudsman = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="agreements_as_ombudsman",
        verbose_name=_("Ombudsman Perwakilan"),
    )
    # The Pemkab's unit that coordinates the agreement (usually its complaint coordinator); its admins,
    # pimpinan and koordinator manage the agreement together with the Pemkab's and the Ombudsman's.
    coordinator = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("koordinator di pemerintah daerah"),
    )
    title = models.CharField(_("judul"), max_length=300)
    number_pemkab = models.CharField(_("nomor (pemerintah daerah)"), max_length=120, blank=True, default="")
    number_ombudsman = models.CharField(_("nomor (Ombudsman)"), max_length=120, blank=True, default="")
    signed_on = models.DateField(_("tanggal penandatanganan"))
    valid_from = models.DateField(_("berlaku sejak"))
    valid_until = models.DateField(_("berlaku sampai"))
    summary = models.TextField(_("ringkasan"), blank=True, default="")
    # Ended early by the parties; otherwise it ends by itself after valid_until (see effective_status).
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BERLAKU)
    ended_on = models.DateField(_("diakhiri pada"), null=True, blank=True)
    is_public = models.BooleanField(_("tampil di portal"), default=True)
    document = models.ForeignKey(
        "cooperation.Upload",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dokumen"),
    )
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("nota kesepakatan")
        verbose_name_plural = _("nota kesepakatan")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")), name="agreement_valid_range"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def effective_status(self, today: dt.date) -> str:
        """Berakhir when ended early or past its validity; berlaku otherwise."""
        if self.status == self.Status.BERAKHIR or today > self.valid_until:
            return self.Status.BERAKHIR
        return self.Status.BERLAKU


class AgreementArea(models.Model):
    """One focus area of one agreement: the action plan hangs on it."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="areas")
    area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="+", verbose_name=_("bidang"))
    goal = models.TextField(_("sasaran"), blank=True, default="")
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)

    class Meta:
        verbose_name = _("bidang nota kesepakatan")
        verbose_name_plural = _("bidang nota kesepakatan")
        ordering = ["sort", "pk"]
        constraints = [models.UniqueConstraint(fields=["agreement", "area"], name="agreement_area_unique")]

    def __str__(self) -> str:
        return f"{self.agreement}: {self.area}"


class Activity(models.Model):
    """One activity of an area's action plan. "terlambat" is never stored: it is computed from the due date
    and today (status.display_status)."""

    class Status(models.TextChoices):
        RENCANA = "rencana", _("Rencana")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", pgettext_lazy("kegiatan", "Selesai")

    area = models.ForeignKey(
        AgreementArea, on_delete=models.CASCADE, related_name="activities", verbose_name=_("bidang")
    )
    title = models.CharField(_("kegiatan"), max_length=200)
    description = models.TextField(_("uraian"), blank=True, default="")
    owner = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="cooperation_activities",
        verbose_name=_("penanggung jawab"),
    )
    due_on = models.DateField(_("tenggat"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RENCANA)
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    completed_on = models.DateField(_("selesai pada"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    created_at = models.DateTimeField(_("dibuat"))
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("kegiatan rencana aksi")
        verbose_name_plural = _("kegiatan rencana aksi")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="activity_progress_max_100")
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return self.title


class Training(models.Model):
    """A training or outreach activity (Bimtek, sosialisasi, FGD) held under an agreement."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="trainings", verbose_name=_("kerja sama")
    )
    kind = models.ForeignKey(
        TrainingKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("jenis")
    )
    title = models.CharField(_("tema"), max_length=250)
    description = models.TextField(_("uraian"), blank=True, default="")
    starts_on = models.DateField(_("tanggal mulai"))
    ends_on = models.DateField(_("tanggal selesai"))
    organiser = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="cooperation_trainings",
        verbose_name=_("penyelenggara"),
    )
    place = models.CharField(_("tempat"), max_length=200, blank=True, default="")
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainings",
        verbose_name=_("kegiatan rencana aksi"),
    )
    attendance_recorded_at = models.DateTimeField(_("presensi dicatat"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"))
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("pelatihan/sosialisasi")
        verbose_name_plural = _("pelatihan/sosialisasi")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="training_date_range"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Participation(models.Model):
    """An organisation's participants in a training: how many were invited and how many came (null until
    attendance is recorded)."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="training_participations",
        verbose_name=_("organisasi"),
    )
    invited = models.PositiveSmallIntegerField(_("jumlah peserta undangan"), default=0)
    attended = models.PositiveSmallIntegerField(_("jumlah hadir"), null=True, blank=True)

    class Meta:
        verbose_name = _("peserta per organisasi")
        verbose_name_plural = _("peserta per organisasi")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["training", "organisation"], name="participation_unique_org")
        ]

    def __str__(self) -> str:
        return f"{self.training}: {self.organisation}"


class Participant(models.Model):
    """A named participant (a staff account) of an organisation's participation, with attendance."""

    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    attended = models.BooleanField(_("hadir"), null=True, blank=True)

    class Meta:
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        constraints = [
            models.UniqueConstraint(fields=["participation", "user"], name="participant_unique_user")
        ]

    def __str__(self) -> str:
        return str(self.user)


class LogEntry(AppendOnlyModel):
    """What happened to an agreement, an activity or a training; activity progress notes are entries too.
    Insert-only: a correction is a new entry."""

    class Kind(models.TextChoices):
        AGREEMENT_CREATED = "agreement_created", _("Nota kesepakatan dicatat")
        AGREEMENT_UPDATED = "agreement_updated", _("Nota kesepakatan diubah")
        AGREEMENT_DOCUMENT = "agreement_document", _("Dokumen nota kesepakatan diunggah")
        AGREEMENT_ENDED = "agreement_ended", _("Nota kesepakatan diakhiri")
        ACTIVITY_CREATED = "activity_created", _("Kegiatan ditambahkan")
        ACTIVITY_UPDATED = "activity_updated", _("Kegiatan diubah")
        PROGRESS = "progress", _("Kemajuan dilaporkan")
        TRAINING_CREATED = "training_created", _("Pelatihan dicatat")
        PARTICIPANTS = "participants", _("Peserta diubah")
        ATTENDANCE = "attendance", _("Presensi dicatat")
        MATERIAL = "material", _("Materi diunggah")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="log", verbose_name=_("kerja sama")
    )
    activity = models.ForeignKey(
        Activity,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="log",
        verbose_name=_("kegiatan"),
    )
    training = models.ForeignKey(
        Training,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="log",
        verbose_name=_("pelatihan"),
    )
    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pelaku"),
    )
    note = models.TextField(_("catatan"), blank=True, default="")
    data = models.JSONField(_("data"), default=dict, blank=True)  # {"field": [before, after], ...}
    created_at = models.DateTimeField(_("waktu"), db_index=True)

    class Meta:
        verbose_name = _("riwayat kerja sama")
        verbose_name_plural = _("riwayat kerja sama")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"


def upload_path(instance: Upload, filename: str) -> str:
    return f"cooperation/{instance.created_at:%Y/%m}/{instance.sha256[:2]}/{instance.sha256}"


class Upload(StoredFile):
    """A cleaned file (tuntas.core.files): the agreement's PDF, an activity's evidence or training
    materials. Visible to whoever sees the agreement."""

    class Purpose(models.TextChoices):
        AGREEMENT = "agreement", _("Dokumen nota kesepakatan")
        EVIDENCE = "evidence", _("Bukti kegiatan")
        MATERIAL = "material", _("Materi pelatihan")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="uploads")
    purpose = models.CharField(_("jenis"), max_length=20, choices=Purpose.choices)
    entry = models.ForeignKey(
        LogEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    training = models.ForeignKey(
        Training, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    file = models.FileField(upload_to=upload_path, max_length=300)
    original_name = models.CharField(_("nama berkas"), max_length=200)  # StoredFile's, with its label
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("berkas kerja sama")
        verbose_name_plural = _("berkas kerja sama")
        ordering = ["created_at", "pk"]
