"""Admin for SLA clocks: read-only. Clocks are started, paused and stopped by the SOP's transitions only."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuntas.core import clock as time
from tuntas.core.admin_readonly import ReadOnlyAdmin
from tuntas.sla.models import Clock, StaffAlert


class OverdueFilter(admin.SimpleListFilter):
    title = _("tenggat")
    parameter_name = "tenggat"

    def lookups(self, request, model_admin):  # noqa: ANN001, ANN201
        return [("lewat", _("Lewat tenggat (berjalan)")), ("hari_ini", _("Jatuh tempo hari ini"))]

    def queryset(self, request, queryset):  # noqa: ANN001, ANN201
        today = time.today()
        if self.value() == "lewat":
            return queryset.filter(status=Clock.Status.RUNNING, due_date__lt=today)
        if self.value() == "hari_ini":
            return queryset.filter(status=Clock.Status.RUNNING, due_date=today)
        return queryset


@admin.register(Clock)
class ClockAdmin(ReadOnlyAdmin):
    list_display = (
        "handling",
        "name",
        "status",
        "duration",
        "unit",
        "started_on",
        "due_date",
        "met",
        "breached_at",
    )
    list_filter = ("status", OverdueFilter, "name", "met")
    list_select_related = ("handling", "handling__complaint", "handling__organisation")
    search_fields = ("^handling__complaint__tracking_code",)
    show_full_result_count = False


@admin.register(StaffAlert)
class StaffAlertAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "kind", "clock", "due_date")
    list_filter = ("kind",)
    list_select_related = ("clock", "clock__handling")
