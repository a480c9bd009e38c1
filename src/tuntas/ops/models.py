"""What the running processes record about themselves (nothing about complaints or people)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """The last time a process (the background worker) said it was alive: one row per process kind.

    In the database rather than the cache because the web processes that read it and the worker that
    writes it share nothing else (the default cache is per process)."""

    name = models.CharField(_("proses"), max_length=40, unique=True)
    seen_at = models.DateTimeField(_("terakhir terlihat"))

    class Meta:
        verbose_name = _("detak proses")
        verbose_name_plural = _("detak proses")

    def __str__(self) -> str:
        return f"{self.name} {self.seen_at:%Y-%m-%d %H:%M:%S}"
