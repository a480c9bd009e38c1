"""Admin for SOPs. An admin pastes or edits the YAML; saving validates it and stores it as a NEW version
(a stored version is never changed, since open handlings keep following the version they were opened under).
Saving an older version unchanged makes it the newest again, which is how an SOP is rolled back."""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from tuntas.workflows.engine import Workflow, WorkflowError
from tuntas.workflows.loader import parse_workflow
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import definition_save, workflow_of

_LOCATED = re.compile(r"(?P<source>[^:]*):(?P<line>\d+): (?P<message>.*)\Z", re.S)


def _origin(slug: str | None) -> str:
    return f"{slug}.yaml" if slug else "sop.yaml"


def located_message(error: WorkflowError) -> str:
    """'opd.yaml:12: ...' from the loader as 'opd.yaml, baris 12: ...'."""
    m = _LOCATED.match(str(error))
    if not m:
        return str(error)
    return _("%(source)s, baris %(line)s: %(message)s") % m.groupdict()


class WorkflowDefinitionForm(forms.ModelForm):
    source = forms.CharField(
        label=_("definisi YAML"),
        widget=forms.Textarea(
            attrs={"rows": 40, "cols": 110, "spellcheck": "false", "class": "vLargeTextField"}
        ),
        strip=False,
        help_text=_(
            "Format: lihat berkas SOP bawaan (src/tuntas/workflows/definitions/). Menyimpan membuat versi baru; "
            "penanganan yang sedang berjalan tetap memakai versi lamanya."
        ),
    )

    class Meta:
        model = WorkflowDefinition
        fields = ("source",)

    def clean_source(self) -> str:
        source = self.cleaned_data["source"].replace("\r\n", "\n")
        if not source.endswith("\n"):
            source += "\n"
        slug = self.instance.slug if self.instance.pk else None
        try:
            wf = parse_workflow(source, _origin(slug))
        except WorkflowError as exc:
            raise forms.ValidationError(located_message(exc), code="invalid_workflow") from None
        if slug and wf.slug != slug:
            raise forms.ValidationError(
                _(
                    "Slug SOP tidak dapat diganti di sini (%(old)s → %(new)s). Untuk SOP baru gunakan "
                    "'Tambah SOP'."
                )
                % {"old": slug, "new": wf.slug},
                code="slug_changed",
            )
        self.workflow = wf
        return source


def _summary(wf: Workflow) -> str:
    states = format_html_join(
        "",
        "<li><code>{}</code> {}{}</li>",
        ((s.name, s.label, _(" (akhir)") if s.final else "") for s in wf.states.values()),
    )
    transitions = format_html_join(
        "",
        "<li><code>{}</code> {}: {} → <code>{}</code> [{}]</li>",
        (
            (t.name, t.label, ", ".join(t.sources), t.target, ", ".join(sorted(t.roles)))
            for t in wf.transitions.values()
        ),
    )
    clocks = format_html_join(
        "",
        "<li><code>{}</code> {}: {} {}{}</li>",
        (
            (c.name, c.label, c.duration, c.unit, _(" (mengikuti tingkat kategori)") if c.tiered else "")
            for c in wf.clocks.values()
        ),
    )
    return format_html(
        "<p><strong>{}</strong></p><ul>{}</ul><p><strong>{}</strong></p><ul>{}</ul>"
        "<p><strong>{}</strong></p><ul>{}</ul>",
        _("Status"),
        states,
        _("Aksi"),
        transitions,
        _("Tenggat"),
        clocks,
    )


@admin.register(WorkflowDefinition)
class WorkflowDefinitionAdmin(admin.ModelAdmin):
    form = WorkflowDefinitionForm
    list_display = ("slug", "version", "name", "is_active", "handlings_count", "created_at")
    list_filter = ("is_active", "slug")
    search_fields = ("slug", "name")
    ordering = ("slug", "-version")
    readonly_fields = ("slug", "version", "name", "is_active", "created_at", "summary")
    save_as = False

    def get_queryset(self, request):  # noqa: ANN001, ANN201
        return super().get_queryset(request).annotate(_handlings=Count("handlings"))

    @admin.display(description=_("penanganan"), ordering="_handlings")
    def handlings_count(self, obj: WorkflowDefinition) -> int:
        return obj._handlings

    @admin.display(description=_("ringkasan"))
    def summary(self, obj: WorkflowDefinition) -> str:
        if not obj.pk:
            return "—"
        try:
            return _summary(workflow_of(obj))
        except WorkflowError as exc:  # a stored version that no longer parses (loader rules got stricter)
            return located_message(exc)

    def get_fieldsets(self, request, obj=None):  # noqa: ANN001, ANN201
        if obj is None:
            return ((None, {"fields": ("source",)}),)
        return (
            (None, {"fields": ("slug", "version", "name", "is_active", "created_at")}),
            (_("Definisi"), {"fields": ("source",)}),
            (_("Ringkasan versi ini"), {"fields": ("summary",), "classes": ("collapse",)}),
        )

    def save_model(self, request, obj, form, change) -> None:  # noqa: ANN001
        """Never saves ``obj``: the text goes through definition_save as the SOP's next version, and ``obj``
        becomes that version, so the admin's log entry and redirect point at it."""
        latest_before = (
            WorkflowDefinition.objects.filter(slug=form.workflow.slug).order_by("-version").first()
        )
        saved = definition_save(source=form.cleaned_data["source"], origin=_origin(form.workflow.slug))
        for field in WorkflowDefinition._meta.concrete_fields:
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding = False
        obj._state.db = saved._state.db
        if latest_before is not None and saved.pk == latest_before.pk:
            self.message_user(
                request, _("Tidak ada perubahan dari versi terbaru; tidak ada versi baru."), messages.INFO
            )

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False  # handlings refer to the version they follow
