"""Admin for compliance: scoring schemes are edited here as YAML and saved as new versions; rounds are
created here or through services; assessments, answers and history are read-only (services write them)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Max

from tuntas.compliance.models import Assessment, AssessmentEvent, Round, Scheme
from tuntas.compliance.schemes import read_source
from tuntas.compliance.scoring import SchemeError
from tuntas.core import clock
from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline


class SchemeForm(forms.ModelForm):
    class Meta:
        model = Scheme
        fields = ("source", "is_active")
        widgets = {"source": forms.Textarea(attrs={"rows": 40, "cols": 120, "spellcheck": "false"})}

    def clean_source(self) -> str:
        source = self.cleaned_data["source"]
        try:
            self.parsed_data, self.parsed = read_source(source)
        except SchemeError as exc:
            raise forms.ValidationError([f"{path}: {message}" for path, message in exc.problems]) from exc
        return source


@admin.register(Scheme)
class SchemeAdmin(admin.ModelAdmin):
    """Saving always creates a new version (unless the version is not used by any round yet): rounds keep
    the version they were opened with."""

    form = SchemeForm
    list_display = ("name", "code", "version", "is_active", "created_at")
    list_filter = ("code", "is_active")
    readonly_fields = ("code", "version", "name", "created_at")

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return obj is None or not obj.rounds.exists()

    def save_model(self, request, obj, form, change) -> None:  # noqa: ANN001
        data, parsed = form.parsed_data, form.parsed
        obj.definition, obj.name = data, parsed.name
        if change and obj.rounds.exists() or not change or obj.code != parsed.code:
            latest = Scheme.objects.filter(code=parsed.code).aggregate(n=Max("version"))["n"] or 0
            obj.pk, obj.code, obj.version = None, parsed.code, latest + 1
            obj.created_at = clock.now()
            obj._state.adding = True
        super().save_model(request, obj, form, change)


class AssessmentInline(ReadOnlyInline):
    model = Assessment
    fields = ("organisation", "status", "self_total", "review_total", "review_band")
    show_change_link = True


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "year",
        "scheme",
        "reviewing_organisation",
        "opens_on",
        "closes_on",
        "results_public",
    )
    list_filter = ("year",)
    fields = ("name", "period", "opens_on", "closes_on", "results_public")
    inlines = [AssessmentInline]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False  # through the console / services, which create the participants' assessments


class EventInline(ReadOnlyInline):
    model = AssessmentEvent
    fields = ("created_at", "kind", "actor", "message", "payload")


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "round", "status", "self_total", "review_total", "review_band")
    list_filter = ("status", "round")
    inlines = [EventInline]
