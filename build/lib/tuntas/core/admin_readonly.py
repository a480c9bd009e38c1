"""Admin bases for records written only by services (complaints, timeline, clocks, outbox): view, never edit."""

from __future__ import annotations

from django.contrib import admin


class ViewOnlyMixin:
    """No add, change or delete (and so no bulk delete action)."""

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


class ReadOnlyAdmin(ViewOnlyMixin, admin.ModelAdmin):
    pass


class ReadOnlyInline(ViewOnlyMixin, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False
