"""Service standards registry (UU 25/2009 Pasal 20-21, PermenPANRB 15/2014).

A ``Service`` is one public service an organisation provides (penerbitan KTP-el, izin usaha, surat keterangan
domisili). Its standard is kept as numbered versions (``ServiceStandard``): a draft, optionally put to public
consultation, then published; publishing a new version supersedes the old one, and a published version is
never edited again. The components of a standard are data (``Component``, the 14 of PermenPANRB 15/2014
seeded by a migration) with one text per version (``StandardComponent``). Writes go through services.py.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tuntas.core.i18n import english


class Component(models.Model):
    """One component of a service standard. The catalogue is seeded with the 14 of PermenPANRB 15/2014."""

    class Group(models.TextChoices):
        DELIVERY = "penyampaian", _("Penyampaian pelayanan")
        MANAGEMENT = "pengelolaan", _("Pengelolaan pelayanan")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120, blank=True, default="")
    group = models.CharField(_("kelompok"), max_length=20, choices=Group.choices)
    hint = models.CharField(_("petunjuk pengisian"), max_length=300, blank=True, default="")
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("komponen standar")
        verbose_name_plural = _("komponen standar")
        ordering = ["sort", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the active language."""
        if english() and self.name_en:
            return self.name_en
        return self.name


class Service(models.Model):
    """A public service of one organisation (any kind, down to a desa)."""

    organisation = models.ForeignKey(
        "directory.Organisation",
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("organisasi"),
    )
    name = models.CharField(_("nama layanan"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("deskripsi"), blank=True, default="")
    is_active = models.BooleanField(_("aktif"), default=True)
    sort = models.PositiveSmallIntegerField(_("urutan"), default=100)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["organisation__name", "sort", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="service_unique_slug_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class ServiceStandard(models.Model):
    """One version of a service's standard. Only drafts and versions under consultation may change."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        KONSULTASI = "konsultasi", _("Konsultasi publik")
        PUBLISHED = "published", _("Berlaku")
        SUPERSEDED = "superseded", _("Diganti")

    EDITABLE = (Status.DRAFT, Status.KONSULTASI)

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="standards", verbose_name=_("layanan")
    )
    version = models.PositiveIntegerField(_("versi"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("disalin dari versi"),
    )
    # Structured values of the "jangka waktu" and "biaya" components, besides their texts.
    time_limit_days = models.PositiveSmallIntegerField(_("jangka waktu (hari kerja)"), null=True, blank=True)
    cost_rupiah = models.PositiveBigIntegerField(_("biaya (Rupiah, 0 = gratis)"), null=True, blank=True)
    consultation_opens_on = models.DateField(_("konsultasi dibuka"), null=True, blank=True)
    consultation_closes_on = models.DateField(_("konsultasi ditutup"), null=True, blank=True)
    decree = models.CharField(_("keputusan penetapan"), max_length=200, blank=True, default="")
    # Bumped by every edit, so a form saved over someone else's newer edit is refused (optimistic locking).
    revision = models.PositiveIntegerField(_("revisi"), default=1)
    created_at = models.DateTimeField(_("dibuat"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    updated_at = models.DateTimeField(_("diubah"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diubah oleh"),
    )
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("diterbitkan oleh"),
    )
    superseded_at = models.DateTimeField(_("diganti"), null=True, blank=True)

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")
        ordering = ["service", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="standard_unique_version"),
            models.UniqueConstraint(
                fields=["service"], condition=Q(status="published"), name="standard_one_published"
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status__in=["draft", "konsultasi"]),
                name="standard_one_working_version",
            ),
        ]
        indexes = [models.Index(fields=["status", "service"])]

    def __str__(self) -> str:
        return f"{self.service} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def time_limit_label(self) -> str:
        """ "14 hari kerja" in the active language, "" when not set."""
        from tuntas.standards.catalogue import time_limit_label

        return time_limit_label(self.time_limit_days)

    @property
    def cost_label(self) -> str:
        """ "Gratis" or "Rp 50.000", "" when not set."""
        from tuntas.standards.catalogue import cost_label

        return cost_label(self.cost_rupiah)


class StandardComponent(models.Model):
    """The text of one component in one version of a standard."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="components")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("isi"), blank=True, default="")

    class Meta:
        verbose_name = _("isi komponen")
        verbose_name_plural = _("isi komponen")
        constraints = [
            models.UniqueConstraint(fields=["standard", "component"], name="standard_component_unique")
        ]

    def __str__(self) -> str:
        return f"{self.standard}: {self.component}"


class ConsultationComment(models.Model):
    """A comment from the public on a standard under consultation; staff may hide it (moderation)."""

    standard = models.ForeignKey(
        ServiceStandard,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("standar pelayanan"),
    )
    component = models.ForeignKey(
        Component,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("komponen"),
    )
    name = models.CharField(_("nama"), max_length=100, blank=True, default="")
    text = models.TextField(_("masukan"))
    created_at = models.DateTimeField(_("dikirim"))
    is_hidden = models.BooleanField(_("disembunyikan"), default=False)

    class Meta:
        verbose_name = _("masukan konsultasi")
        verbose_name_plural = _("masukan konsultasi")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
