"""Holidays as data: national and cuti bersama rows are loaded from packages, local ones entered by admins."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Holiday(models.Model):
    class Kind(models.TextChoices):
        NASIONAL = "nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        LOKAL = "lokal", _("Libur daerah")

    date = models.DateField(_("tanggal"), db_index=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    # Empty for the whole country; a Kemendagri code prefix ("63.02") limits a local holiday to that region.
    region_code = models.CharField(_("kode wilayah"), max_length=13, blank=True, default="")
    source = models.CharField(_("sumber"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["date", "kind", "region_code"], name="holiday_unique_per_day_kind_region"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
