"""Who is who: regions (Kemendagri codes), organisations and their kinds, people and their roles."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member. Citizens do not need an account: they follow a complaint with its tracking code."""

    full_name = models.CharField(_("nama lengkap"), max_length=200, blank=True, default="")
    nip = models.CharField(_("NIP"), max_length=30, blank=True, default="")
    phone = models.CharField(_("telepon"), max_length=30, blank=True, default="")

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


class Region(models.Model):
    """A Kemendagri administrative region: provinsi (1), kabupaten/kota (2), kecamatan (3), desa/kelurahan (4)."""

    code = models.CharField(_("kode"), max_length=13, primary_key=True)  # dotted: "63.02.06.2001"
    name = models.CharField(_("nama"), max_length=120)
    level = models.PositiveSmallIntegerField(_("tingkat"))
    kind = models.CharField(
        _("jenis"), max_length=20
    )  # provinsi, kabupaten, kota, kecamatan, distrik, desa, kelurahan, ...
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("induk wilayah"),
    )
    postal_code = models.CharField(_("kode pos"), max_length=5, blank=True, default="")

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def get_kind_display(self) -> str:
        return {
            "provinsi": "Provinsi",
            "kabupaten": "Kabupaten",
            "kota": "Kota",
            "kecamatan": "Kecamatan",
            "distrik": "Distrik",
            "desa": "Desa",
            "kelurahan": "Kelurahan",
            "desa_adat": "Desa Adat",
        }.get(self.kind, self.kind)


def role_list(text: str) -> frozenset[str]:
    """``"admin, pimpinan"`` -> {"admin", "pimpinan"} (Role values; unknown codes are refused on save)."""
    return frozenset(part.strip() for part in (text or "").split(",") if part.strip())


def validate_role_list(text: str) -> None:
    unknown = sorted(role_list(text) - set(Role.values))
    if unknown:
        raise ValidationError(
            _("Peran tidak dikenal: %(roles)s. Pilihan: %(choices)s.")
            % {"roles": ", ".join(unknown), "choices": ", ".join(Role.values)}
        )


class OrganisationKind(models.Model):
    """Kinds as data: pemkab, opd, kecamatan, desa, inspektorat, koordinator, ombudsman_perwakilan, ..."""

    slug = models.SlugField(_("kode"), max_length=40, primary_key=True)
    name = models.CharField(_("nama"), max_length=100)
    name_en = models.CharField(_("nama (Inggris)"), max_length=100, blank=True, default="")
    default_workflow = models.SlugField(_("SOP bawaan"), max_length=60, blank=True, default="")
    # Oversight and coordination bodies (koordinator, Inspektorat, Ombudsman) may see a confidential reporter's
    # identity; work units, which are usually the party complained about, never do.
    sees_confidential_identity = models.BooleanField(
        _("boleh melihat identitas pelapor rahasia"), default=False
    )
    # Which of its members may open that identity, by role: the examining roles of the body (the Inspektorat's
    # auditors, the Ombudsman's asisten), its pimpinan and coordinators. Read by ``complaints.access`` and
    # shown to staff as the rule's own sentence, so the words and the rule cannot disagree.
    confidential_identity_roles = models.CharField(
        _("peran yang boleh membuka identitas pelapor rahasia"),
        max_length=200,
        blank=True,
        default="admin,koordinator,pimpinan,auditor",
        validators=[validate_role_list],
        help_text=_("Kode peran dipisah koma, mis. admin,koordinator,pimpinan,auditor."),
    )

    # What an organisation of this kind does in a complaint's path and in the prevention programmes. Routing,
    # transfers, escalation and the forms read these, never a kind's code, so a deployment can define its own.
    is_complaint_coordinator = models.BooleanField(
        _("koordinator pengaduan (memverifikasi dan mendisposisi)"),
        default=False,
        help_text=_("Menerima pengaduan yang belum jelas unitnya di wilayahnya dan mendisposisikannya."),
    )
    oversight_rank = models.PositiveSmallIntegerField(
        _("tingkat pengawasan"),
        default=0,
        help_text=_(
            "0 = bukan pengawas; makin tinggi makin atas, mis. Inspektorat 1, Ombudsman Perwakilan 2, "
            "Ombudsman pusat 3. Eskalasi pelapor naik ke tingkat berikutnya."
        ),
    )
    is_external_oversight = models.BooleanField(
        _("pengawas eksternal"),
        default=False,
        help_text=_(
            "Pengawas di luar pemerintah daerah (Ombudsman): memeriksa berdampingan, tidak mengambil alih; "
            "eskalasi pelapor berakhir di sini. Pengawas internal (Inspektorat) dapat mengambil alih."
        ),
    )
    may_be_reported = models.BooleanField(
        _("dapat disebut sebagai terlapor"),
        default=False,
        help_text=_("Pelapor dapat memilihnya sebagai instansi yang diadukan."),
    )
    in_compliance_assessment = models.BooleanField(_("peserta penilaian kepatuhan"), default=False)

    class Village(models.TextChoices):
        NONE = "", _("bukan desa/kelurahan")
        DESA = "desa", _("desa")
        KELURAHAN = "kelurahan", _("kelurahan")

    village_type = models.CharField(
        _("desa/kelurahan"),
        max_length=10,
        choices=Village.choices,
        blank=True,
        default="",
        help_text=_("Pemerintahan desa atau kelurahan: peserta program Desa Anti-Maladministrasi."),
    )

    class Party(models.TextChoices):
        NONE = "", _("bukan pihak")
        PEMDA = "pemda", _("pemerintah daerah")
        OMBUDSMAN = "ombudsman", _("Ombudsman")

    agreement_party = models.CharField(
        _("pihak nota kesepakatan"),
        max_length=10,
        choices=Party.choices,
        blank=True,
        default="",
        help_text=_(
            "Sisi mana dalam nota kesepakatan Pemda-Ombudsman dan program Desa Anti-Maladministrasi."
        ),
    )
    sort = models.PositiveSmallIntegerField(default=100, verbose_name=_("urutan"))

    class Meta:
        verbose_name = _("jenis organisasi")
        verbose_name_plural = _("jenis organisasi")
        ordering = ["sort", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_oversight(self) -> bool:
        return self.oversight_rank > 0

    @property
    def is_internal_oversight(self) -> bool:
        """A government's own supervisor (the Inspektorat): it may take a unit's complaint over."""
        return self.oversight_rank > 0 and not self.is_external_oversight

    def identity_roles(self) -> frozenset[str]:
        """The roles that may open a confidential reporter's identity here; none when the kind may not."""
        if not self.sees_confidential_identity:
            return frozenset()
        return role_list(self.confidential_identity_roles)


class Organisation(models.Model):
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("singkatan"), max_length=60, blank=True, default="")
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.ForeignKey(
        OrganisationKind, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("jenis")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("induk"),
    )
    region = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("wilayah"),
    )
    # The SOP its handlings follow; empty means the kind's default.
    workflow = models.SlugField(_("SOP"), max_length=60, blank=True, default="")
    # Prefix of tracking codes for complaints filed here ("KTB" -> KTB-7K3M-Q9).
    code_prefix = models.CharField(_("prefiks kode lacak"), max_length=5, blank=True, default="")
    accepts_complaints = models.BooleanField(_("menerima pengaduan langsung"), default=False)
    requires_two_factor = models.BooleanField(
        _("wajib verifikasi dua langkah"),
        default=False,
        db_default=False,  # the previous release inserts organisations without it (migration notes)
        help_text=_("Semua anggota harus memakai kode dari aplikasi autentikator saat masuk konsol."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    description = models.TextField(_("deskripsi"), blank=True, default="")
    email = models.EmailField(_("email"), blank=True, default="")
    phone = models.CharField(_("telepon"), max_length=40, blank=True, default="")
    address = models.CharField(_("alamat"), max_length=300, blank=True, default="")
    # The public page the unit keeps itself (the "website SKPD"): directory.profile.profile_update writes these.
    website = models.CharField(
        _("situs web"), max_length=200, blank=True, default=""
    )  # http(s) URL, checked by profile_update
    opening_hours = models.TextField(_("jam pelayanan"), blank=True, default="")
    maklumat = models.TextField(_("maklumat pelayanan"), blank=True, default="")
    profile_updated_at = models.DateTimeField(_("profil diperbarui"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisasi")
        verbose_name_plural = _("organisasi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def workflow_slug(self) -> str:
        return self.workflow or self.kind.default_workflow


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    KOORDINATOR = "koordinator", _("Koordinator / verifikator")
    PETUGAS = "petugas", _("Petugas")
    PIMPINAN = "pimpinan", _("Pimpinan")
    AUDITOR = "auditor", _("Auditor")
    FOCAL_POINT = "focal_point", _("Focal point")
    VIEWER = "viewer", _("Pemantau")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("pengguna"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisasi")
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("dibuat pada"))

    class Meta:
        verbose_name = _("keanggotaan")
        verbose_name_plural = _("keanggotaan")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.organisation}"
