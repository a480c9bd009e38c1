"""Admin for the standards registry: the component catalogue is edited here; services too; standard versions and
their texts are read-mostly (drafting, consultation and publication go through the console and services.py),
and so are consultation comments (staff hide them in the console)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from tuntas.standards.models import (
    Component,
    ConsultationComment,
    Service,
    ServiceStandard,
    StandardComponent,
)


@admin.register(Component)
class ComponentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "group", "sort", "is_active")
    list_editable = ("sort", "is_active")
    list_filter = ("group", "is_active")
    search_fields = ("code", "name", "name_en")
    ordering = ("sort", "code")

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        # The code is what the pages and the structured fields rely on; rename a component, never recode it.
        return ("code",) if obj else ()

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False  # retire a component with "aktif" instead: published versions keep their texts


class StandardInline(ReadOnlyInline):
    model = ServiceStandard
    fields = ("version", "status", "published_at", "superseded_at")
    show_change_link = True


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "slug", "sort", "is_active")
    list_filter = ("is_active", "organisation__kind")
    search_fields = ("name", "slug", "organisation__name")
    autocomplete_fields = ("organisation",)
    inlines = [StandardInline]

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        # The organisation and slug make up the public address of its standard.
        return ("organisation", "slug") if obj else ()


class ComponentTextInline(ReadOnlyInline):
    model = StandardComponent
    fields = ("component", "text")


@admin.register(ServiceStandard)
class ServiceStandardAdmin(ReadOnlyAdmin):
    list_display = ("service", "version", "status", "time_limit_days", "cost_rupiah", "published_at")
    list_filter = ("status",)
    search_fields = ("service__name", "service__organisation__name")
    list_select_related = ("service__organisation",)
    inlines = [ComponentTextInline]


@admin.register(ConsultationComment)
class ConsultationCommentAdmin(ReadOnlyAdmin):
    # Hiding a comment is done in the console (services.consultation_comment_hide), by the unit's staff.
    list_display = ("created_at", "standard", "component", "name", "short_text", "is_hidden")
    list_filter = ("is_hidden",)
    search_fields = ("text", "name", "standard__service__name")
    list_select_related = ("standard__service", "component")

    @admin.display(description=_("masukan"))
    def short_text(self, obj: ConsultationComment) -> str:
        return obj.text[:80]
