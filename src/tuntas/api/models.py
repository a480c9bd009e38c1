"""Tokens for integrations (a connected system acts as the staff user the token belongs to)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("pengguna"),
    )
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(
        max_length=12, unique=True, verbose_name=_("awalan")
    )  # shown to admins to tell tokens apart
    key_hash = models.CharField(
        max_length=64, verbose_name=_("hash kunci")
    )  # sha256 of the whole token; the token itself is shown once
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat pada"))
    last_used_at = models.DateTimeField(null=True, blank=True, verbose_name=_("terakhir dipakai"))
    revoked_at = models.DateTimeField(null=True, blank=True, verbose_name=_("dicabut pada"))

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
