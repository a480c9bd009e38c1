"""Complaint, its handlings by organisations, the append-only timeline, attachments and the reporter's identity.

Rows here are written only by ``complaints.services``; reads for people go through ``complaints.selectors``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuntas.core.models import AppendOnlyModel, StoredFile
from tuntas.directory.models import Organisation, Region


class Category(models.Model):
    slug = models.SlugField(_("kode"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120, blank=True, default="")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    # SLA tier in working days (2/5/14/60) for clocks marked "tiered" in the SOP; empty keeps the SOP's duration.
    tier_days = models.PositiveSmallIntegerField(_("tingkat SLA (hari kerja)"), null=True, blank=True)
    default_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit bawaan"),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    sort = models.PositiveSmallIntegerField(default=100, verbose_name=_("urutan"))

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["sort", "name"]

    def __str__(self) -> str:
        return self.name


class Complaint(models.Model):
    class Privacy(models.TextChoices):
        PUBLIC = "public", _("Publik")
        CONFIDENTIAL = "confidential", _("Rahasia")
        ANONYMOUS = "anonymous", _("Anonim")

    class Classification(models.TextChoices):
        PENGADUAN = "pengaduan", _("Pengaduan")
        ASPIRASI = "aspirasi", _("Aspirasi")
        INFORMASI = "permintaan_informasi", _("Permintaan informasi")

    class Channel(models.TextChoices):
        WEB = "web", _("Portal web")
        API = "api", _("API")
        LAPOR = "lapor", _("SP4N-LAPOR!")
        OPEN311 = "open311", "Open311"
        WALK_IN = "walk_in", _("Datang langsung")
        PHONE = "phone", _("Telepon")
        LETTER = "letter", _("Surat")
        EMAIL = "email", _("Email")
        SMS = "sms", _("SMS/WhatsApp")

    class Status(models.TextChoices):
        OPEN = "open", _("Dalam proses")
        CLOSED = "closed", _("Selesai")
        WITHDRAWN = "withdrawn", _("Dicabut")

    tracking_code = models.CharField(_("kode lacak"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=128, verbose_name=_("hash kode rahasia"))
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("uraian"))
    classification = models.CharField(
        _("klasifikasi"), max_length=30, choices=Classification.choices, default=Classification.PENGADUAN
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("kategori"),
    )
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    privacy = models.CharField(
        _("kerahasiaan"), max_length=20, choices=Privacy.choices, default=Privacy.CONFIDENTIAL
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("wilayah"),
    )
    location_text = models.CharField(_("lokasi"), max_length=300, blank=True, default="")
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("lintang")
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("bujur")
    )
    # The organisation whose service the complaint is about (terlapor), when the reporter knows it.
    reported_organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_about",
        verbose_name=_("terlapor"),
    )
    service_name = models.CharField(_("layanan"), max_length=200, blank=True, default="")
    # The registered service it is about (standards registry), when known: statistics count complaints per
    # service through it; service_name keeps what the reporter typed.
    service = models.ForeignKey(
        "standards.Service",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("layanan"),
    )
    occurred_on = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    # Where it was filed: the organisation whose intake handling opened first.
    intake_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="complaints_received",
        verbose_name=_("unit penerima awal"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    closure_reason = models.CharField(_("alasan penutupan"), max_length=60, blank=True, default="")
    submitted_at = models.DateTimeField(_("diajukan"))
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("penilaian"), null=True, blank=True)
    rating_comment = models.TextField(_("komentar penilaian"), blank=True, default="")
    rated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("dinilai pada"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("versi"))

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["region", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class ReporterIdentity(models.Model):
    """Who filed it. Absent for anonymous complaints: nothing is stored, so nothing can leak."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="identity")
    name = models.CharField(_("nama"), max_length=200)
    email = models.EmailField(_("email"), blank=True, default="")
    phone = models.CharField(_("telepon"), max_length=30, blank=True, default="")
    nik = models.CharField(_("NIK"), max_length=16, blank=True, default="")
    address = models.CharField(_("alamat"), max_length=300, blank=True, default="")

    class Meta:
        verbose_name = _("identitas pelapor")
        verbose_name_plural = _("identitas pelapor")

    def __str__(self) -> str:
        return f"identitas {self.complaint_id}"


class Handling(models.Model):
    """One organisation's work on a complaint, following that organisation's SOP."""

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="handlings", verbose_name=_("pengaduan")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="handlings", verbose_name=_("unit")
    )
    workflow = models.ForeignKey(
        "workflows.WorkflowDefinition",
        on_delete=models.PROTECT,
        related_name="handlings",
        verbose_name=_("SOP"),
    )
    state = models.CharField(_("status"), max_length=60)
    is_open = models.BooleanField(default=True, verbose_name=_("terbuka"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_handlings",
        verbose_name=_("petugas yang ditugaskan"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("penanganan asal"),
    )  # the handling that disposed this one
    instruction = models.TextField(_("instruksi"), blank=True, default="")
    severity = models.CharField(_("tingkat"), max_length=20, blank=True, default="")
    closure_reason = models.CharField(_("alasan penutupan"), max_length=60, blank=True, default="")
    opened_at = models.DateTimeField(verbose_name=_("dibuka pada"))
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ditutup pada"))
    # Earliest due date among its running clocks; denormalised for inbox sorting and overdue filters.
    due_date = models.DateField(null=True, blank=True, verbose_name=_("tenggat"))
    # Optimistic concurrency: every change bumps it; a write made against an older version is a conflict.
    version = models.PositiveIntegerField(default=1, verbose_name=_("versi"))

    class Meta:
        verbose_name = _("penanganan")
        verbose_name_plural = _("penanganan")
        ordering = ["opened_at", "id"]
        indexes = [
            models.Index(fields=["organisation", "is_open", "due_date"]),
            models.Index(fields=["assignee", "is_open"]),
        ]

    def __str__(self) -> str:
        return f"{self.complaint.tracking_code} @ {self.organisation}"


class Event(AppendOnlyModel):
    """Append-only timeline. Corrections are new events; nothing edits or deletes a row."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Pengaduan diajukan")
        HANDLING_OPENED = "handling_opened", _("Penanganan dibuka")
        TRANSITIONED = "transitioned", _("Status berubah")
        DISPOSED = "disposed", _("Didisposisikan")
        COMMENTED = "commented", _("Catatan")
        REPLIED = "replied", _("Balasan ke pelapor")
        REPORTER_REPLIED = "reporter_replied", _("Tanggapan pelapor")
        ASSIGNED = "assigned", _("Penugasan")
        ATTACHMENT_ADDED = "attachment_added", _("Lampiran ditambahkan")
        IDENTITY_VIEWED = "identity_viewed", _("Identitas pelapor dilihat")
        CLOCK_BREACHED = "clock_breached", _("Melewati tenggat")
        WITHDRAWN = "withdrawn", _("Dicabut pelapor")
        CLOSED = "closed", _("Pengaduan selesai")
        RATED = "rated", _("Penilaian pelapor")
        # A move between organisations (disposisi, kembalikan, teruskan, limpah, eskalasi); payload "move".
        TRANSFERRED = "transferred", _("Dipindahkan ke unit lain")
        ESCALATION_REQUESTED = "escalation_requested", _("Pelapor meminta eskalasi")
        REOPENED = "reopened", _("Pengaduan dibuka kembali")
        # Requests between organisations (tuntas.clarifications); payload "request" = the request id.
        CLARIFICATION_REQUESTED = "clarification_requested", _("Permintaan klarifikasi dikirim")
        CLARIFICATION_ROUTED = "clarification_routed", _("Permintaan klarifikasi diteruskan ke unit")
        CLARIFICATION_ANSWERED = "clarification_answered", _("Permintaan klarifikasi dijawab")
        CLARIFICATION_RETURNED = "clarification_returned", _("Jawaban klarifikasi dikembalikan")
        CLARIFICATION_CLOSED = "clarification_closed", _("Permintaan klarifikasi selesai")

    class Visibility(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        REPORTER = "reporter", _("Pelapor")
        PUBLIC = "public", _("Publik")

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="events", verbose_name=_("pengaduan")
    )
    handling = models.ForeignKey(
        Handling,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("penanganan"),
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, verbose_name=_("jenis"))
    visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.INTERNAL,
        verbose_name=_("terlihat oleh"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("pelaku"),
    )
    # "pelapor", "sistem" or "" (a staff actor is in `actor`).
    actor_kind = models.CharField(max_length=20, blank=True, default="", verbose_name=_("jenis pelaku"))
    message = models.TextField(blank=True, default="", verbose_name=_("pesan"))
    payload = models.JSONField(default=dict, blank=True, verbose_name=_("data"))
    created_at = models.DateTimeField(db_index=True, verbose_name=_("waktu"))

    class Meta:
        verbose_name = _("peristiwa")
        verbose_name_plural = pgettext_lazy("jamak", "peristiwa")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["complaint", "created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.complaint_id}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.complaint.submitted_at:%Y/%m}/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(StoredFile):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=300)
    from_reporter = models.BooleanField(default=False)
    # Reporter files of a confidential complaint may identify them (ID card, letters): hidden like the identity.
    identifying = models.BooleanField(default=False)
    visibility = models.CharField(
        max_length=10, choices=Event.Visibility.choices, default=Event.Visibility.INTERNAL
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
