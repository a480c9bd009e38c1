"""Interoperability records: the client applications allowed to file requests through Open311."""

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
