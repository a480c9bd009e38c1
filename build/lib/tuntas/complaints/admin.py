"""Admin for complaints: categories are configured here; complaints, handlings and events are read-only.

Complaints change only through the services (which check permissions, lock, record events and notify), so
the admin can look but not touch. The reporter's identity is never shown here: its views are logged and
limited by role in the console (``access.can_see_identity``); attachments are listed without their files.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Attachment, Category, Complaint, Event, Handling
from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent", "tier_days", "default_organisation", "is_active", "sort")
    list_editable = ("tier_days", "is_active", "sort")
    list_filter = ("is_active", "tier_days")
    search_fields = ("name", "slug", "name_en")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent", "default_organisation")
    fields = ("name", "name_en", "slug", "parent", "tier_days", "default_organisation", "is_active", "sort")

    def formfield_for_dbfield(self, db_field, request, **kwargs):  # noqa: ANN001, ANN201
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "tier_days" and field is not None:
            field.help_text = _(
                "Tingkat layanan dalam hari kerja, lazimnya 2 (mendesak), 5, 14 atau 60 (perlu "
                "pemeriksaan). Dipakai oleh tenggat SOP yang bertanda 'tiered'; kosong = durasi SOP."
            )
        return field

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        if obj is not None and obj.complaints.exists():
            return False  # deactivate instead: complaints keep their category
        return super().has_delete_permission(request, obj)


class HandlingInline(ReadOnlyInline):
    model = Handling
    fields = (
        "organisation",
        "state",
        "is_open",
        "assignee",
        "due_date",
        "opened_at",
        "closed_at",
        "closure_reason",
    )
    readonly_fields = fields
    ordering = ("opened_at", "id")


class EventInline(ReadOnlyInline):
    model = Event
    fields = ("created_at", "kind", "visibility", "actor", "actor_kind", "message")
    readonly_fields = fields
    ordering = ("created_at", "id")


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = (
        "original_name",
        "content_type",
        "size",
        "from_reporter",
        "identifying",
        "visibility",
        "created_at",
    )
    readonly_fields = fields


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = (
        "tracking_code",
        "title",
        "status",
        "privacy",
        "category",
        "intake_organisation",
        "channel",
        "submitted_at",
        "rating",
    )
    list_filter = ("status", "privacy", "channel", "classification", "category")
    list_select_related = ("category", "intake_organisation")
    search_fields = ("^tracking_code", "title")
    date_hierarchy = "submitted_at"
    show_full_result_count = False
    inlines = (HandlingInline, EventInline, AttachmentInline)
    fieldsets = (
        (
            None,
            {"fields": ("tracking_code", "title", "description", "classification", "category", "channel")},
        ),
        (_("Kerahasiaan"), {"fields": ("privacy",)}),
        (
            _("Lokasi dan layanan"),
            {
                "fields": (
                    "region",
                    "location_text",
                    "latitude",
                    "longitude",
                    "reported_organisation",
                    "service_name",
                    "occurred_on",
                )
            },
        ),
        (
            _("Status"),
            {
                "fields": (
                    "intake_organisation",
                    "status",
                    "closure_reason",
                    "submitted_at",
                    "closed_at",
                    "rating",
                    "rating_comment",
                )
            },
        ),
    )


@admin.register(Handling)
class HandlingAdmin(ReadOnlyAdmin):
    list_display = ("complaint", "organisation", "state", "is_open", "assignee", "due_date", "opened_at")
    list_filter = ("is_open", "organisation__kind", "workflow__slug", "state")
    list_select_related = ("complaint", "organisation", "assignee")
    search_fields = ("^complaint__tracking_code", "organisation__name")
    date_hierarchy = "opened_at"
    show_full_result_count = False
    fields = (
        "complaint",
        "organisation",
        "workflow",
        "state",
        "is_open",
        "assignee",
        "parent",
        "instruction",
        "severity",
        "closure_reason",
        "opened_at",
        "closed_at",
        "due_date",
        "version",
    )


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    """The append-only timeline: list and read, nothing else."""

    list_display = ("created_at", "complaint", "kind", "visibility", "actor", "actor_kind")
    list_filter = ("kind", "visibility", "actor_kind")
    list_select_related = ("complaint", "actor")
    search_fields = ("^complaint__tracking_code",)
    date_hierarchy = "created_at"
    show_full_result_count = False
    fields = (
        "complaint",
        "handling",
        "kind",
        "visibility",
        "actor",
        "actor_kind",
        "message",
        "payload",
        "created_at",
    )
