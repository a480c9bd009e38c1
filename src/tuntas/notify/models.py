"""Transactional outbox: a message is written in the same transaction as the event that caused it.

message (what to say, to whom) -> delivery attempts (when, outcome). A worker delivers after commit.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuntas.core.models import AppendOnlyModel


class OutboxMessage(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("SMS/WhatsApp")
        WEBHOOK = "webhook", _("Webhook")

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    channel = models.CharField(max_length=10, choices=Channel.choices, verbose_name=_("kanal"))
    recipient = models.CharField(max_length=300, verbose_name=_("penerima"))
    template = models.CharField(max_length=80, verbose_name=_("templat"))
    subject = models.CharField(max_length=300, blank=True, default="", verbose_name=_("subjek"))
    body = models.TextField(verbose_name=_("isi"))
    # Where an answer should go (email only): the reporter's messages carry the complaint's reply token
    # address when a mailbox is configured, so the citizen's "Reply" threads into the complaint.
    reply_to = models.CharField(max_length=300, blank=True, default="", verbose_name=_("balas ke"))
    complaint = models.ForeignKey(
        "complaints.Complaint",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pengaduan"),
    )
    event = models.ForeignKey(
        "complaints.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("peristiwa"),
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("percobaan"))
    next_attempt_at = models.DateTimeField(db_index=True, verbose_name=_("percobaan berikutnya"))
    # While a worker holds the message (claimed, sending, not yet recorded): until when. A resend asked for
    # meanwhile is refused, so a message being sent is never claimed by a second pass (delivery.py).
    sending_until = models.DateTimeField(null=True, blank=True, verbose_name=_("sedang dikirim hingga"))
    created_at = models.DateTimeField(verbose_name=_("dibuat pada"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("terkirim pada"))

    class Meta:
        verbose_name = _("pesan keluar")
        verbose_name_plural = pgettext_lazy("jamak", "pesan keluar")
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.channel}:{self.template} ({self.status})"


class DeliveryAttempt(AppendOnlyModel):
    """One try at sending a message, as it happened (the attempt log is never edited)."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="attempt_rows")
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    ok = models.BooleanField()
    error = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.message_id} {'ok' if self.ok else 'gagal'}"


class MessageTemplate(models.Model):
    """A message's wording as data: subject and body in Django template syntax, per language.

    Shipped defaults live as files (``notify/<key>.txt`` in Indonesian, first line = subject;
    ``notify/en/<key>.txt`` in English) and are copied here by ``sync_message_templates`` (also after every
    migrate). A row an admin edited (``customised``) is never overwritten by the files again."""

    class Language(models.TextChoices):
        ID = "id", _("Bahasa Indonesia")
        EN = "en", _("Inggris")

    key = models.CharField(_("kunci"), max_length=80)
    language = models.CharField(_("bahasa"), max_length=5, choices=Language.choices, default=Language.ID)
    subject = models.CharField(_("subjek"), max_length=300)
    body = models.TextField(_("isi"))
    is_active = models.BooleanField(_("aktif"), default=True)
    customised = models.BooleanField(
        _("diubah admin"), default=False, help_text=_("Baris yang diubah admin tidak ditimpa berkas bawaan.")
    )
    updated_at = models.DateTimeField(_("diperbarui"))
    updated_by = models.ForeignKey(
        "directory.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diperbarui oleh"),
    )

    class Meta:
        ordering = ["key", "language"]
        verbose_name = _("templat pesan")
        verbose_name_plural = _("templat pesan")
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="message_template_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"


class DigestRun(models.Model):
    """The daily digest went out for ``organisation`` on ``date``: at most one run per organisation and day."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("organisasi")
    )
    date = models.DateField(verbose_name=_("tanggal"))
    messages = models.PositiveIntegerField(default=0, verbose_name=_("jumlah pesan"))
    created_at = models.DateTimeField(verbose_name=_("dibuat pada"))

    class Meta:
        verbose_name = _("pengiriman ringkasan")
        verbose_name_plural = pgettext_lazy("jamak", "pengiriman ringkasan")
        ordering = ["-date", "organisation_id"]
        constraints = [models.UniqueConstraint(fields=["organisation", "date"], name="digest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.date}"
