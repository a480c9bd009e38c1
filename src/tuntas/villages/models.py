"""Desa Anti-Maladministrasi (DAM): the programme of one regency with the Ombudsman Perwakilan, each village's
participation and stage, assessment rounds with the instrument version they use, each village's assessment
(answers and evidence per indicator), and the append-only history of every step.

Stages (``Stage``): belum komitmen -> komitmen -> pengisian -> verifikasi Pemkab -> verifikasi Ombudsman ->
lulus verifikasi -> ditetapkan; either verification may send an assessment back (dikembalikan), and the village
fills it in again. Only ``services.py`` assigns a stage; every change writes a ``StageChange`` row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuntas.core.models import AppendOnlyModel, StoredFile


class Stage(models.TextChoices):
    BELUM_KOMITMEN = "belum_komitmen", _("Belum komitmen")
    KOMITMEN = "komitmen", _("Komitmen")
    PENGISIAN = "pengisian", _("Pendampingan dan pengisian")
    VERIFIKASI_PEMKAB = "verifikasi_pemkab", _("Verifikasi Pemkab")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan untuk perbaikan")
    VERIFIKASI_OMBUDSMAN = "verifikasi_ombudsman", _("Verifikasi Ombudsman")
    LULUS = "lulus_verifikasi", _("Lulus verifikasi, menunggu penetapan")
    DITETAPKAN = "ditetapkan", _("Ditetapkan")


# The stages in which the village may change its answers and evidence.
EDITABLE_STAGES = (Stage.PENGISIAN, Stage.DIKEMBALIKAN)
# The stages of an assessment still under way (one per village at a time).
ACTIVE_STAGES = (
    Stage.PENGISIAN,
    Stage.DIKEMBALIKAN,
    Stage.VERIFIKASI_PEMKAB,
    Stage.VERIFIKASI_OMBUDSMAN,
    Stage.LULUS,
)


class InstrumentVersion(models.Model):
    """One version of an assessment instrument, as the YAML text that defines it (see instrument.py). A version
    used by a round is never changed: editing in the admin stores a new version."""

    slug = models.SlugField(_("kode"), max_length=60)
    version = models.PositiveIntegerField(_("versi"))
    name = models.CharField(_("nama"), max_length=200)
    source = models.TextField(_("definisi YAML"))
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("instrumen penilaian DAM")
        verbose_name_plural = _("instrumen penilaian DAM")
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="dam_instrument_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Programme(models.Model):
    """The DAM programme of one regency: the Pemkab and the Ombudsman Perwakilan under their MoU."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    pemkab = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("Pemkab")
    )
    ombudsman = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Ombudsman Perwakilan"),
    )
    # Level-1 verification (Pemkab): the Inspektorat and/or the DPMD of the regency.
    verifiers = models.ManyToManyField(
        "directory.Organisation", related_name="+", verbose_name=_("verifikator Pemkab")
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    mou_reference = models.CharField(_("nomor nota kesepahaman"), max_length=200, blank=True, default="")
    mou_date = models.DateField(_("tanggal nota kesepahaman"), null=True, blank=True)
    include_kelurahan = models.BooleanField(_("termasuk kelurahan"), default=False)
    signatory_title = models.CharField(_("jabatan penanda tangan sertifikat"), max_length=200)
    is_public = models.BooleanField(_("tampil di portal"), default=True)
    created_at = models.DateTimeField(_("dibuat"))

    class Meta:
        verbose_name = _("program Desa Anti-Maladministrasi")
        verbose_name_plural = _("program Desa Anti-Maladministrasi")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


def commitment_path(instance: Participation, filename: str) -> str:
    return f"villages/commitments/{instance.programme_id}/{instance.commitment_sha256}"


class Participation(models.Model):
    """One village in a programme, with the stage it has reached."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="participations", verbose_name=_("program")
    )
    village = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="dam_participations",
        verbose_name=_("desa"),
    )
    stage = models.CharField(_("tahap"), max_length=24, choices=Stage.choices, default=Stage.BELUM_KOMITMEN)
    committed_on = models.DateField(_("tanggal komitmen"), null=True, blank=True)
    commitment_document = models.FileField(
        upload_to=commitment_path, max_length=300, blank=True, verbose_name=_("dokumen komitmen")
    )
    commitment_name = models.CharField(
        max_length=200, blank=True, default="", verbose_name=_("nama berkas komitmen")
    )
    commitment_content_type = models.CharField(
        max_length=100, blank=True, default="", verbose_name=_("jenis berkas komitmen")
    )
    commitment_sha256 = models.CharField(
        max_length=64, blank=True, default="", verbose_name=_("SHA-256 berkas komitmen")
    )
    designated_on = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    decree_number = models.CharField(_("nomor keputusan penetapan"), max_length=200, blank=True, default="")
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("desa peserta")
        verbose_name_plural = _("desa peserta")
        ordering = ["programme", "village__region_id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "village"], name="dam_participation_unique"),
        ]
        indexes = [models.Index(fields=["programme", "stage"])]

    def __str__(self) -> str:
        return f"{self.village} ({self.get_stage_display()})"


class Round(models.Model):
    """An assessment round of a programme, with the instrument version every village in it fills in."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("nama"), max_length=200)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    instrument = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("instrumen")
    )
    is_open = models.BooleanField(_("dibuka"), default=True)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("putaran penilaian")
        verbose_name_plural = _("putaran penilaian")
        ordering = ["programme", "-starts_on"]

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One village's self-assessment in one round and its verification."""

    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("putaran")
    )
    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("kepesertaan")
    )
    stage = models.CharField(_("tahap"), max_length=24, choices=Stage.choices, default=Stage.PENGISIAN)
    score = models.DecimalField(_("skor"), max_digits=5, decimal_places=2, null=True, blank=True)
    eligible = models.BooleanField(_("memenuhi ambang batas"), default=False)
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    return_notes = models.TextField(_("catatan pengembalian terakhir"), blank=True, default="")
    created_at = models.DateTimeField(_("dibuat"))
    updated_at = models.DateTimeField(_("diubah"))

    class Meta:
        verbose_name = _("penilaian desa")
        verbose_name_plural = _("penilaian desa")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["round", "participation"], name="dam_assessment_unique"),
            models.UniqueConstraint(
                fields=["participation"],
                condition=Q(stage__in=[s.value for s in ACTIVE_STAGES]),
                name="dam_one_active_assessment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participation.village} — {self.round}"

    @property
    def is_editable(self) -> bool:
        return self.stage in EDITABLE_STAGES


class Answer(models.Model):
    """The village's answer to one indicator (a level: 0 = worst) and its explanation."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    indicator = models.CharField(_("indikator"), max_length=60)
    value = models.PositiveSmallIntegerField(_("jawaban"))
    note = models.TextField(_("keterangan"), blank=True, default="")
    updated_at = models.DateTimeField(_("diubah"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator"], name="dam_answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}={self.value}"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"villages/evidence/{instance.assessment_id}/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(StoredFile):
    """A file proving one indicator's answer, cleaned like complaint attachments (content-checked, no
    metadata). Files are never deleted while the assessment is under verification."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.CharField(_("indikator"), max_length=60)
    file = models.FileField(upload_to=evidence_path, max_length=300)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")
        ordering = ["uploaded_at", "pk"]


class StageChange(AppendOnlyModel):
    """Append-only history: who moved a village from which stage to which, when, and why."""

    class Action(models.TextChoices):
        ENROL = "enrol", _("Didaftarkan")
        COMMIT = "commit", _("Komitmen ditandatangani")
        START = "start", _("Pengisian instrumen dimulai")
        SUBMIT = "submit", _("Diajukan untuk verifikasi")
        PASS_PEMKAB = "pass_pemkab", _("Lulus verifikasi Pemkab")
        RETURN_PEMKAB = "return_pemkab", _("Dikembalikan oleh Pemkab")
        PASS_OMBUDSMAN = "pass_ombudsman", _("Lulus verifikasi Ombudsman")
        RETURN_OMBUDSMAN = "return_ombudsman", _("Dikembalikan oleh Ombudsman")
        DESIGNATE = "designate", _("Ditetapkan sebagai Desa Anti-Maladministrasi")
        ROUND_CLOSED = "round_closed", _("Putaran ditutup sebelum diajukan")

    participation = models.ForeignKey(Participation, on_delete=models.CASCADE, related_name="history")
    assessment = models.ForeignKey(
        Assessment, null=True, blank=True, on_delete=models.CASCADE, related_name="history"
    )
    action = models.CharField(_("aksi"), max_length=24, choices=Action.choices)
    from_stage = models.CharField(_("dari tahap"), max_length=24, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("ke tahap"), max_length=24, choices=Stage.choices)
    notes = models.TextField(_("catatan"), blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("waktu"))

    class Meta:
        verbose_name = _("riwayat tahap")
        verbose_name_plural = _("riwayat tahap")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.participation}: {self.from_stage} → {self.to_stage}"
