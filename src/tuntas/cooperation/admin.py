"""Admin for cooperation: the catalogues (focus areas, training kinds) are edited here; agreements, activities
and trainings are read here and changed in the console through services.py, so the log stays complete."""

from __future__ import annotations

from django.contrib import admin

from tuntas.cooperation.models import Agreement, FocusArea, LogEntry, Training, TrainingKind
from tuntas.core.admin_readonly import ReadOnlyAdmin


class CatalogueAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "name_en", "sort", "is_active")
    list_editable = ("sort", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "name", "name_en")

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        return ("code",) if obj else ()  # rename a row, never recode it

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False  # retire with "aktif": agreements and trainings keep pointing at it


admin.site.register(FocusArea, CatalogueAdmin)
admin.site.register(TrainingKind, CatalogueAdmin)


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ("title", "pemkab", "ombudsman", "signed_on", "valid_until", "status")
    list_select_related = ("pemkab", "ombudsman")


@admin.register(Training)
class TrainingAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "starts_on", "organiser")
    list_select_related = ("kind", "organiser")
    list_filter = ("kind",)


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "agreement", "actor")
    list_filter = ("kind",)
    list_select_related = ("agreement", "actor")
