"""Holidays as data (national and cuti bersama rows loaded from packages, local ones entered by admins), and
the abstract bases other apps build on: ``StoredFile`` for cleaned uploads, ``AppendOnlyModel`` for history."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile
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


class StoredFile(models.Model):
    """The columns every cleaned upload keeps with its row (see ``tuntas.core.files.store_clean_file``).

    Each concrete model declares ``file`` itself: its ``upload_to`` is that app's storage layout, pinned by
    the app's migrations (``models.FileField(upload_to=<app>_path, max_length=300)``)."""

    file: FieldFile  # declared by each concrete model, see above

    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


class AppendOnlyError(TypeError):
    """A history row was about to be changed or deleted through the ORM. A programming error, never a user's,
    hence a ``TypeError`` rather than a ``DomainError``."""


class AppendOnlyQuerySet(models.QuerySet):
    """No bulk ``update()`` or ``delete()`` (and so no ``bulk_update()``, nor ``remove()``/``clear()`` on a
    related manager). Rows still go when their parent does: cascades run on the plain base manager."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only: no update()")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{self.model.__name__} rows are append-only: no delete()")


class AppendOnlyModel(models.Model):
    """A history or timeline row: written once, never edited or deleted (a correction is a new row).

    ``save()`` only inserts (an instance with a preset primary key is inserted too, never updates the row it
    names), ``delete()`` refuses, and the default manager refuses bulk changes. What the ORM cannot see
    stays possible on purpose: test database flushes and ``ON DELETE CASCADE`` / ``SET NULL`` from parent
    rows (the deletion collector uses ``_base_manager``, a plain manager)."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows are append-only: no update")
        super().save(**{**kwargs, "force_insert": True})

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} rows are append-only: no delete")
