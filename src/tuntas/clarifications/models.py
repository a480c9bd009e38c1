"""Requests between organisations about a complaint: clarification, documents, corrective action, status.

One organisation (the sender, e.g. Ombudsman Perwakilan, Inspektorat, the complaint coordinator) asks another
(the receiver, usually the Pemkab's focal point) with a deadline in working days. The receiver routes it to
its units (``Routing``), collects their answers and documents, and replies; the sender accepts the reply or
returns it with a new deadline. Rows here are written only by ``clarifications.services``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuntas.complaints.models import Complaint, Handling
from tuntas.core.models import AppendOnlyModel, StoredFile
from tuntas.directory.models import Organisation


class RequestKind(models.Model):
    """What is asked (data: loaded from ``kinds.yaml``, editable in the admin)."""

    slug = models.SlugField(_("kode"), max_length=40, primary_key=True)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120, blank=True, default="")
    default_days = models.PositiveSmallIntegerField(_("tenggat bawaan (hari kerja)"), default=14)
    is_active = models.BooleanField(_("aktif"), default=True)
    sort = models.PositiveSmallIntegerField(default=100, verbose_name=_("urutan"))

    class Meta:
        verbose_name = _("jenis permintaan")
        verbose_name_plural = _("jenis permintaan")
        ordering = ["sort", "slug"]

    def __str__(self) -> str:
        return self.name


class InfoRequest(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Terkirim")
        ROUTED = "routed", _("Diteruskan ke unit")
        UNIT_ANSWERED = "unit_answered", _("Dijawab unit")
        ANSWERED = "answered", _("Dijawab")
        RETURNED = "returned", _("Dikembalikan")
        ACCEPTED = "accepted", _("Diterima")
        WITHDRAWN = "withdrawn", _("Ditarik")

    complaint = models.ForeignKey(
        Complaint, on_delete=models.CASCADE, related_name="info_requests", verbose_name=_("pengaduan")
    )
    # The sender's handling of the complaint the request belongs to (its timeline events hang on it).
    handling = models.ForeignKey(
        Handling,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="info_requests",
        verbose_name=_("penanganan"),
    )
    kind = models.ForeignKey(
        RequestKind, on_delete=models.PROTECT, related_name="requests", verbose_name=_("jenis")
    )
    sender_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="info_requests_sent",
        verbose_name=_("organisasi pengirim"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("pengirim")
    )
    receiver_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="info_requests_received",
        verbose_name=_("organisasi penerima"),
    )
    subject = models.CharField(_("perihal"), max_length=200)
    question = models.TextField(_("pertanyaan"))
    days = models.PositiveSmallIntegerField(_("tenggat (hari kerja)"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    # Asked again after a return: each round has its own deadline and its own reminders.
    round = models.PositiveSmallIntegerField(default=1, verbose_name=_("putaran"))
    sent_at = models.DateTimeField(_("dikirim"))
    due_date = models.DateField(_("tenggat"))
    reply = models.TextField(_("jawaban"), blank=True, default="")
    replied_at = models.DateTimeField(null=True, blank=True, verbose_name=_("dijawab pada"))
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dijawab oleh"),
    )
    closing_note = models.TextField(_("catatan penutup"), blank=True, default="")
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("ditutup pada"))
    version = models.PositiveIntegerField(default=1, verbose_name=_("versi"))

    OPEN_STATUSES = (Status.SENT, Status.ROUTED, Status.UNIT_ANSWERED, Status.RETURNED)
    CLOSED_STATUSES = (Status.ACCEPTED, Status.WITHDRAWN)

    class Meta:
        verbose_name = _("permintaan klarifikasi")
        verbose_name_plural = _("permintaan klarifikasi")
        ordering = ["-sent_at", "-id"]
        indexes = [
            models.Index(fields=["receiver_organisation", "status", "due_date"]),
            models.Index(fields=["sender_organisation", "status", "due_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.complaint_id})"

    @property
    def awaiting_receiver(self) -> bool:
        """The receiver owes an answer (the deadline runs)."""
        return self.status in self.OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status in self.CLOSED_STATUSES


class Routing(models.Model):
    """The receiver's internal forwarding of a request to one responsible unit."""

    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu jawaban unit")
        ANSWERED = "answered", _("Dijawab unit")
        CLOSED = "closed", _("Ditutup")

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="routings")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="info_routings")
    instruction = models.TextField(_("instruksi"), blank=True, default="")
    routed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    routed_at = models.DateTimeField()
    round = models.PositiveSmallIntegerField(default=1)
    due_date = models.DateField(_("tenggat"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("jawaban unit"), blank=True, default="")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("penerusan ke unit")
        verbose_name_plural = _("penerusan ke unit")
        ordering = ["routed_at", "id"]
        indexes = [models.Index(fields=["organisation", "status", "due_date"])]

    def __str__(self) -> str:
        return f"{self.request_id} -> {self.organisation_id}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


def document_path(instance: Document, filename: str) -> str:
    return f"clarifications/{instance.request_id}/{instance.sha256[:2]}/{instance.sha256}"


class Document(StoredFile):
    """A file attached to a request, a unit's answer or the reply; cleaned like complaint attachments."""

    class Stage(models.TextChoices):
        REQUEST = "request", _("Permintaan")
        UNIT = "unit", _("Jawaban unit")
        REPLY = "reply", _("Jawaban")

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="documents")
    routing = models.ForeignKey(
        Routing, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    stage = models.CharField(max_length=10, choices=Stage.choices)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # A unit's document the receiver passed on to the sender with its reply.
    in_reply = models.BooleanField(default=False)
    file = models.FileField(upload_to=document_path, max_length=300)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]


class Reminder(AppendOnlyModel):
    """A reminder sent once per request, round, target (the receiver or one routing) and stage."""

    class Stage(models.TextChoices):
        DUE_SOON = "due_soon", _("Tenggat segera")
        OVERDUE = "overdue", _("Terlambat")

    request = models.ForeignKey(
        InfoRequest, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("permintaan")
    )
    target = models.CharField(max_length=30, verbose_name=_("sasaran"))  # "receiver" or "routing-<id>"
    round = models.PositiveSmallIntegerField(verbose_name=_("putaran"))
    stage = models.CharField(max_length=10, choices=Stage.choices, verbose_name=_("tahap"))
    sent_at = models.DateTimeField(verbose_name=_("terkirim pada"))

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = pgettext_lazy("jamak", "pengingat")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "target", "round", "stage"], name="clarification_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.target} {self.stage}"
