"""Messages that arrive on a channel (email now; WhatsApp and SMS next) and the drafts made from them.

Every inbound message is kept as an ``InboundMessage`` (raw bytes, size-limited, with what became of it) so
nothing is lost; a new message from a citizen becomes a ``ChannelDraft`` that a person completes and submits
through the portal's intake, or rejects. The sender's address or number is identity data: it is shown only
under the complaints' identity rule (``channels.access``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuntas.core.models import StoredFile


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")


class InboundMessage(models.Model):
    class Outcome(models.TextChoices):
        DRAFT = "draft", _("Menjadi draf")
        REPLY = "reply", _("Tanggapan pelapor")
        HELD = "held", _("Ditahan")

    class Reason(models.TextChoices):
        NONE = "", _("-")
        BOUNCE = "bounce", _("Pesan gagal kirim (bounce)")
        AUTO_REPLY = "auto_reply", _("Balasan otomatis atau pesan massal")
        LOOP = "loop", _("Pesan berputar (loop)")
        OVERSIZED = "oversized", _("Pesan terlalu besar")
        MALFORMED = "malformed", _("Pesan rusak")
        CLOSED = "closed", _("Pengaduan sudah ditutup")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    # Message-ID for email (or a hash of the raw message when it has none): the same message read twice is
    # stored once.
    external_id = models.CharField(max_length=300)
    received_at = models.DateTimeField()
    sender = models.CharField(max_length=300, blank=True, default="")  # identity data
    subject = models.CharField(max_length=300, blank=True, default="")
    raw = models.BinaryField()  # at most TUNTAS_CHANNEL_RAW_KEEP_BYTES
    size = models.PositiveIntegerField()
    raw_truncated = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True, default="")
    complaint = models.ForeignKey(
        "complaints.Complaint", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "external_id"], name="channels_inbound_once"),
        ]

    def __str__(self) -> str:
        return f"{self.channel}:{self.pk} ({self.outcome})"


class ChannelDraft(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan")
        REJECTED = "rejected", _("Ditolak")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    message = models.OneToOneField(InboundMessage, on_delete=models.PROTECT, related_name="draft")
    # Whose coordinator completes it: the mailbox's organisation (TUNTAS_MAILBOX_ORGANISATION); none = the
    # deployment's default intake (any coordinator unit).
    organisation = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(db_index=True)
    # Identity data, confidential by default: the address or number it came from, and the name it gave.
    sender_address = models.CharField(max_length=300)
    sender_name = models.CharField(max_length=200, blank=True, default="")
    privacy = models.CharField(max_length=20, default="confidential")
    title = models.CharField(max_length=200, blank=True, default="")
    description = models.TextField(blank=True, default="")
    notes = models.TextField(blank=True, default="")  # what the intake noticed (files refused, ...)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    reject_reason = models.CharField(max_length=500, blank=True, default="")
    complaint = models.ForeignKey(
        "complaints.Complaint", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["received_at", "id"]

    def __str__(self) -> str:
        return f"{self.channel} draft {self.pk} ({self.status})"


def draft_file_path(instance: DraftAttachment, filename: str) -> str:
    return f"channels/{instance.draft.received_at:%Y/%m}/{instance.sha256[:2]}/{instance.sha256}"


class DraftAttachment(StoredFile):
    draft = models.ForeignKey(ChannelDraft, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=draft_file_path, max_length=300)

    class Meta:
        ordering = ["id"]


class ChannelHealth(models.Model):
    """One row per channel: what the console's health view and the operators read."""

    channel = models.CharField(max_length=10, choices=Channel.choices, unique=True)
    last_poll_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True, default="")
    last_error_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.channel
