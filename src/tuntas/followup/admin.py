from django.contrib import admin

from tuntas.followup.models import Finding, Recommendation


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0
    fields = ("position", "unit", "deadline_days", "due_date", "status", "awaiting_review")
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    """Read-only: findings are issued and followed up in the console, through the services."""

    list_display = ("number", "kind", "issuer", "issued_on")
    list_filter = ("kind",)
    search_fields = ("number", "title")
    inlines = [RecommendationInline]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
