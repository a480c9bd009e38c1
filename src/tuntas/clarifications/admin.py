"""Admin: request kinds are data edited here; requests, routings and reminders are read-only (the console
and services.py write them)."""

from __future__ import annotations

from django.contrib import admin

from tuntas.clarifications.models import InfoRequest, Reminder, RequestKind, Routing
from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline


@admin.register(RequestKind)
class RequestKindAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "name_en", "default_days", "sort", "is_active")
    list_editable = ("default_days", "sort", "is_active")
    search_fields = ("slug", "name", "name_en")

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        return ("slug",) if obj else ()


class RoutingInline(ReadOnlyInline):
    model = Routing
    fields = ("organisation", "status", "due_date", "routed_at", "answered_at")


@admin.register(InfoRequest)
class InfoRequestAdmin(ReadOnlyAdmin):
    # Texts are left out of the list: they may hold what only the participants should read.
    list_display = ("id", "kind", "sender_organisation", "receiver_organisation", "status", "due_date")
    list_filter = ("status", "kind")
    fields = (
        "complaint",
        "kind",
        "sender_organisation",
        "receiver_organisation",
        "status",
        "round",
        "sent_at",
        "due_date",
        "closed_at",
    )
    inlines = [RoutingInline]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ("request", "target", "round", "stage", "sent_at")
    list_filter = ("stage",)
