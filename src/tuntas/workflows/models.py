"""Stored SOP definitions. Each change is a new version; a handling keeps the version it was opened with."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkflowDefinition(models.Model):
    slug = models.SlugField(_("kode"), max_length=60)
    version = models.PositiveIntegerField(_("versi"))
    name = models.CharField(_("nama"), max_length=200)
    source = models.TextField(_("definisi YAML"))
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat pada"))

    class Meta:
        verbose_name = _("SOP")
        verbose_name_plural = _("SOP")
        ordering = ["slug", "-version"]
        constraints = [models.UniqueConstraint(fields=["slug", "version"], name="workflow_unique_version")]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"
