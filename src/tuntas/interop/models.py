"""Interoperability records: Open311 client applications; organisations' webhook subscriptions and their
deliveries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Open311Client(models.Model):
    """One client application (a citizens' app, a city dashboard) with its own API key. Only the key's
    SHA-256 is stored; the key itself is shown once when it is made."""

    name = models.CharField(_("nama aplikasi"), max_length=120)
    key_hash = models.CharField(max_length=64, unique=True, editable=False, verbose_name=_("hash kunci"))
    key_prefix = models.CharField(_("awal kunci"), max_length=8, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    class Meta:
        verbose_name = _("klien Open311")
        verbose_name_plural = _("klien Open311")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"


class Open311Request(models.Model):
    """A complaint filed through Open311: which client filed it and the token it can look it up by."""

    client = models.ForeignKey(Open311Client, on_delete=models.PROTECT, related_name="requests")
    complaint = models.OneToOneField("complaints.Complaint", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.token


class WebhookSubscription(models.Model):
    """An organisation's endpoint for event types (``webhooks.EVENT_TYPES``). Deliveries are signed with
    ``secret`` (HMAC-SHA256 over timestamp + body); it is kept because signing needs it, shown to the
    organisation's admin, and replaced by rotating it."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
        verbose_name=_("organisasi"),
    )
    name = models.CharField(_("nama"), max_length=120)
    url = models.URLField(_("alamat penerima"), max_length=300)
    event_types = models.JSONField(_("jenis peristiwa"), default=list)
    secret = models.CharField(_("kunci penanda tangan"), max_length=64, editable=False)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        "directory.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )

    class Meta:
        verbose_name = _("langganan webhook")
        verbose_name_plural = _("langganan webhook")
        ordering = ["organisation_id", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} → {self.url}"


class WebhookDelivery(models.Model):
    """One payload for one subscription: the outbox message carries it and its attempts (payload -> delivery ->
    attempt). ``uuid`` is the payload's id, the same on every attempt and on a replay, so a receiver can drop
    repeats."""

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("langganan")
    )
    message = models.OneToOneField(
        "notify.OutboxMessage", on_delete=models.CASCADE, related_name="webhook_delivery"
    )
    uuid = models.UUIDField(editable=False, db_index=True)  # a replay keeps it
    replay_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replays",
        verbose_name=_("ulangan dari"),
    )
    event_type = models.CharField(_("jenis peristiwa"), max_length=60)
    event = models.ForeignKey(
        "complaints.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"))

    class Meta:
        verbose_name = _("kiriman webhook")
        verbose_name_plural = _("kiriman webhook")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.uuid}"
