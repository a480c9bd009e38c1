"""Admin of the DAM programme. The instrument is edited here as YAML: saving validates it and stores a NEW
version (rounds keep the version they were opened with). Programmes are created through the service (which
enrols the regency's villages); afterwards only their descriptive fields change here. Participations,
assessments and the history are read-only: stages change through the console and services.py."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from tuntas.villages.instrument import InstrumentError, parse_instrument
from tuntas.villages.models import Assessment, InstrumentVersion, Participation, Programme, StageChange
from tuntas.villages.registry import instrument_save


class InstrumentForm(forms.ModelForm):
    source = forms.CharField(
        label=_("definisi YAML"),
        widget=forms.Textarea(
            attrs={"rows": 40, "cols": 110, "spellcheck": "false", "class": "vLargeTextField"}
        ),
        strip=False,
        help_text=_(
            "Format: lihat keterangan di awal berkas bawaan. Menyimpan membuat versi baru; putaran yang sudah "
            "dibuka tetap memakai versinya."
        ),
    )

    class Meta:
        model = InstrumentVersion
        fields = ("source",)

    def clean_source(self) -> str:
        source = self.cleaned_data["source"].replace("\r\n", "\n")
        try:
            parsed = parse_instrument(source)
        except InstrumentError as exc:
            raise forms.ValidationError(str(exc), code="invalid_instrument") from None
        if self.instance.pk and parsed.slug != self.instance.slug:
            raise forms.ValidationError(_("Kode instrumen tidak dapat diganti di sini."), code="slug_changed")
        return source


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    form = InstrumentForm
    list_display = ("slug", "version", "name", "is_active", "created_at")
    list_filter = ("is_active", "slug")
    readonly_fields = ("slug", "version", "name", "is_active", "created_at")

    def get_fieldsets(self, request, obj=None):  # noqa: ANN001, ANN201
        if obj is None:
            return ((None, {"fields": ("source",)}),)
        return ((None, {"fields": ("slug", "version", "name", "is_active", "created_at", "source")}),)

    def save_model(self, request, obj, form, change) -> None:  # noqa: ANN001
        """Never saves ``obj``: the text becomes the instrument's next version, and ``obj`` that version."""
        before = (
            InstrumentVersion.objects.filter(slug=obj.slug).order_by("-version").first() if obj.pk else None
        )
        saved = instrument_save(source=form.cleaned_data["source"])
        for f in InstrumentVersion._meta.concrete_fields:
            setattr(obj, f.attname, getattr(saved, f.attname))
        obj._state.adding = False
        if before is not None and saved.pk == before.pk:
            self.message_user(request, _("Tidak ada perubahan; tidak ada versi baru."), messages.INFO)

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("name", "year", "pemkab", "ombudsman", "is_public")
    fields = (
        "name",
        "slug",
        "pemkab",
        "ombudsman",
        "verifiers",
        "year",
        "mou_reference",
        "mou_date",
        "include_kelurahan",
        "signatory_title",
        "is_public",
    )
    readonly_fields = ("slug", "pemkab", "ombudsman", "include_kelurahan")
    filter_horizontal = ("verifiers",)

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False  # created by services.programme_create, which enrols the villages

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


class HistoryInline(ReadOnlyInline):
    model = StageChange
    fields = ("at", "action", "from_stage", "to_stage", "actor", "notes")


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ("village", "programme", "stage", "committed_on", "designated_on")
    list_filter = ("stage", "programme")
    search_fields = ("village__name",)
    list_select_related = ("village", "programme")
    inlines = [HistoryInline]


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = ("participation", "round", "stage", "score", "eligible", "submitted_at")
    list_filter = ("stage", "round")
    list_select_related = ("participation__village", "round")
