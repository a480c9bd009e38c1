from django.contrib import admin

from tuntas.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "actor_name", "organisation", "target", "ip")
    list_filter = ("action",)
    search_fields = ("actor_name", "target")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:  # noqa: ANN001, ARG002
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001, ARG002
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001, ARG002
        return False
