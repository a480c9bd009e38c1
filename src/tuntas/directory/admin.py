"""Admin for the directory: regions (searchable, ~91k rows nationally), organisation kinds, organisations as a
tree, people with their memberships.

Region and organisation pickers are autocompletes: a select box listing every desa in Indonesia would not load.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from tuntas.directory import admin_holidays  # noqa: F401 - registers the holiday admin
from tuntas.directory.models import Membership, Organisation, OrganisationKind, Region, User


def _sop_choices() -> list[tuple[str, str]]:
    from tuntas.workflows.models import WorkflowDefinition

    rows = WorkflowDefinition.objects.filter(is_active=True).order_by("slug").values_list("slug", "name")
    return [("", _("— bawaan jenis organisasi —")), *((slug, f"{slug}: {name}") for slug, name in rows)]


def _sop_field(**kwargs) -> forms.ChoiceField:  # noqa: ANN003
    """A choice among the stored SOPs, so an organisation cannot name an SOP that does not exist."""
    return forms.ChoiceField(choices=_sop_choices, **kwargs)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "level", "postal_code")
    list_filter = ("level", "kind")
    # "^code" is a prefix search (index-friendly): "63.02" lists Kotabaru and everything under it.
    search_fields = ("^code", "name")
    search_help_text = _("Cari nama wilayah atau awalan kode Kemendagri, mis. 63.02")
    raw_id_fields = ("parent",)
    ordering = ("code",)
    show_full_result_count = False
    list_per_page = 50


@admin.register(OrganisationKind)
class OrganisationKindAdmin(admin.ModelAdmin):
    list_display = (
        "slug",
        "name",
        "default_workflow",
        "sees_confidential_identity",
        "is_complaint_coordinator",
        "oversight_rank",
        "is_external_oversight",
        "may_be_reported",
        "in_compliance_assessment",
        "village_type",
        "agreement_party",
        "sort",
        "organisations",
    )
    list_editable = ("sort",)
    list_filter = ("is_complaint_coordinator", "oversight_rank", "village_type", "agreement_party")
    fieldsets = (
        (None, {"fields": ("slug", "name", "name_en", "default_workflow", "sort")}),
        (
            _("Peran dalam pengaduan"),
            {
                "fields": (
                    "is_complaint_coordinator",
                    "oversight_rank",
                    "is_external_oversight",
                    "sees_confidential_identity",
                    "confidential_identity_roles",
                    "may_be_reported",
                )
            },
        ),
        (
            _("Peran dalam pencegahan"),
            {"fields": ("in_compliance_assessment", "village_type", "agreement_party")},
        ),
    )
    search_fields = ("slug", "name")
    ordering = ("sort", "slug")

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).annotate(_orgs=Count("organisations"))

    @admin.display(description=_("jumlah organisasi"), ordering="_orgs")
    def organisations(self, obj: OrganisationKind) -> int:
        return obj._orgs

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # noqa: ANN001, ANN201
        if db_field.name == "default_workflow":
            return _sop_field(label=db_field.verbose_name, required=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        # Kinds are referenced by code in SOPs (field 'kinds') and by organisations; removing one breaks SOPs
        # silently.
        return False


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("user", "role", "is_active", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("user",)
    verbose_name = _("anggota")
    verbose_name_plural = _("anggota dan peran")


class ParentFilter(admin.SimpleListFilter):
    """Browse the tree one level at a time: the organisations directly under the chosen one."""

    title = _("induk")
    parameter_name = "induk"

    def lookups(self, request, model_admin):  # noqa: ANN001, ANN201
        parents = (
            Organisation.objects.annotate(n=Count("children"))
            .filter(n__gt=0)
            .exclude(kind_id__in=("kecamatan",))
            .order_by("name")
        )
        return [("-", _("(tingkat teratas)")), *((str(o.pk), f"{o.name} ({o.n})") for o in parents)]

    def queryset(self, request, queryset):  # noqa: ANN001, ANN201
        value = self.value()
        if value == "-":
            return queryset.filter(parent__isnull=True)
        if value and value.isdigit():
            return queryset.filter(parent_id=int(value))
        return queryset


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose what is shown

    def clean(self) -> dict:
        data = super().clean()
        parent, org = data.get("parent"), self.instance
        node, seen = parent, set()
        while node is not None and org.pk is not None:
            if node.pk == org.pk or node.pk in seen:
                raise forms.ValidationError(
                    {"parent": _("Induk tidak boleh organisasi ini atau bawahannya.")}
                )
            seen.add(node.pk)
            node = node.parent
        prefix = (data.get("code_prefix") or "").upper()
        if prefix and not (prefix.isascii() and prefix.isalnum()):
            raise forms.ValidationError({"code_prefix": _("Hanya huruf dan angka, mis. KTB.")})
        data["code_prefix"] = prefix
        return data


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    form = OrganisationForm
    list_display = (
        "name",
        "short_name",
        "kind",
        "parent",
        "region",
        "sop",
        "code_prefix",
        "accepts_complaints",
        "is_active",
        "children_count",
    )
    list_display_links = ("name",)
    list_filter = ("kind", "accepts_complaints", "is_active", ParentFilter)
    list_select_related = ("kind", "parent", "region")
    search_fields = ("name", "short_name", "slug", "^region__code")
    autocomplete_fields = ("parent", "region")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (MembershipInline,)
    show_full_result_count = False
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "kind", "parent", "region")}),
        (
            _("Pengaduan"),
            {"fields": ("accepts_complaints", "workflow", "code_prefix", "is_active")},
        ),
        (_("Kontak"), {"fields": ("email", "phone", "address", "description")}),
    )

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).annotate(_children=Count("children"))

    @admin.display(description=_("bawahan"), ordering="_children")
    def children_count(self, obj: Organisation) -> int:
        return obj._children

    @admin.display(description=_("SOP"))
    def sop(self, obj: Organisation) -> str:
        return obj.workflow_slug or "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # noqa: ANN001, ANN201
        if db_field.name == "workflow":
            return _sop_field(
                label=db_field.verbose_name,
                required=False,
                help_text=_("Kosongkan untuk memakai SOP bawaan jenis organisasinya."),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        # An organisation with complaint history is deactivated, never deleted (PROTECT would refuse anyway).
        if obj is not None and obj.handlings.exists():
            return False
        return super().has_delete_permission(request, obj)


class UserMembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ("organisation", "role", "is_active", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("organisation",)
    verbose_name = _("keanggotaan")
    verbose_name_plural = _("keanggotaan organisasi dan peran")


class HasMembershipFilter(admin.SimpleListFilter):
    title = _("keanggotaan")
    parameter_name = "anggota"

    def lookups(self, request, model_admin):  # noqa: ANN001, ANN201
        return [("ya", _("Anggota suatu organisasi")), ("tidak", _("Tanpa keanggotaan"))]

    def queryset(self, request, queryset):  # noqa: ANN001, ANN201
        active = Q(memberships__is_active=True)
        if self.value() == "ya":
            return queryset.filter(active).distinct()
        if self.value() == "tidak":
            return queryset.exclude(active)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "full_name", "nip", "email", "phone", "is_staff", "is_active")
    list_filter = ("is_staff", "is_superuser", "is_active", HasMembershipFilter, "memberships__role")
    search_fields = ("username", "full_name", "nip", "email", "first_name", "last_name")
    ordering = ("username",)
    inlines = (UserMembershipInline,)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Data pegawai"), {"fields": ("full_name", "nip", "email", "phone", "first_name", "last_name")}),
        (
            _("Hak akses"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "description": _(
                    "Peran dalam penanganan pengaduan diatur lewat keanggotaan di bawah. 'Staf' hanya "
                    "membuka halaman admin ini."
                ),
            },
        ),
        (_("Waktu penting"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "full_name", "nip", "email", "phone", "password1", "password2"),
            },
        ),
    )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "is_active", "created_at")
    list_filter = ("role", "is_active", "organisation__kind")
    list_select_related = ("user", "organisation")
    search_fields = ("user__username", "user__full_name", "user__nip", "organisation__name")
    autocomplete_fields = ("user", "organisation")
    readonly_fields = ("created_at",)
    show_full_result_count = False
