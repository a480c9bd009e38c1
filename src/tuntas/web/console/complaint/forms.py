"""Console forms of a handling: a transition's inputs built from its SOP fields, assignment and notes.

Forms only shape input for the services; the services decide (and re-check) everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Handling
from tuntas.directory.models import Organisation, User
from tuntas.web.domain_errors import ServiceErrors
from tuntas.web.portal.forms import MultipleFileField
from tuntas.web.shortcuts import sop_text
from tuntas.workflows import engine

# --- transitions ----------------------------------------------------------------------------------------

_EMPTY = ("", _("— pilih —"))
FILES = "files"  # the evidence field's name on a transition or note form (no SOP field may take it)


def evidence_field() -> MultipleFileField:
    """Staff evidence (a photo of the repaired road, a letter), cleaned by the service like the reporter's."""
    return MultipleFileField(
        max_files=settings.TUNTAS_MAX_ATTACHMENTS,
        label=_("Lampiran (foto, surat)"),
        help_text=_(
            "Paling banyak %(n)s berkas JPEG, PNG, WebP atau PDF; lokasi dan metadata lain dihapus otomatis."
        )
        % {"n": settings.TUNTAS_MAX_ATTACHMENTS},
    )


def takes_evidence(spec: engine.TransitionSpec) -> bool:
    """An action where the officer writes something (an answer, a finding) may carry files with it."""
    names = {f.name for f in spec.fields}
    return FILES not in names and any(f.type == "textarea" for f in spec.fields)


def _choices(choices: Iterable[engine.Choice]) -> list[tuple[str, str]]:
    return [_EMPTY, *((c.value, sop_text(c.label, c.label_en)) for c in choices)]


def _suggested(handling: Handling) -> list[tuple[int, str]]:
    """The plain suggestions for a move, best first: the unit the complaint's category usually goes to (its
    own, else its parent category's), then the unit the reporter named as terlapor. The Triage app's learned
    suggestions are a separate, later layer."""
    complaint = handling.complaint
    found: list[tuple[int, str]] = []
    category = complaint.category
    while category is not None and not category.default_organisation_id:
        category = category.parent
    if category is not None:
        found.append((category.default_organisation_id, _("unit biasa untuk kategori %(category)s")))
    if complaint.reported_organisation_id:
        found.append((complaint.reported_organisation_id, _("unit yang diadukan")))
    return found


def _organisation_choices(spec: engine.FieldSpec, handling: Handling) -> list:
    """Active units grouped by kind, the suggested ones first in their own group (also left in their kind's
    group, so the list reads the same with or without the suggestions)."""
    orgs = Organisation.objects.filter(is_active=True).exclude(pk=handling.organisation_id)
    if spec.kinds:
        orgs = orgs.filter(kind_id__in=spec.kinds)
    groups: dict[str, list[tuple[str, str]]] = {}
    names: dict[int, str] = {}
    for org in orgs.select_related("kind").order_by("kind__sort", "name"):
        kind = sop_text(org.kind.name, org.kind.name_en)
        groups.setdefault(kind, []).append((str(org.pk), org.name))
        names[org.pk] = org.name
    category = handling.complaint.category
    suggested: list[tuple[str, str]] = []
    for pk, why in _suggested(handling):
        if pk in names and str(pk) not in {value for value, _label in suggested}:
            reason = why % {"category": category.name if category else ""}
            suggested.append((str(pk), f"{names[pk]} ({reason})"))
    head = [(_("Disarankan"), suggested)] if suggested else []
    return [_EMPTY, *head, *groups.items()]


def member_choices(organisation_id: int) -> list[tuple[str, str]]:
    users = (
        User.objects.filter(
            is_active=True, memberships__organisation_id=organisation_id, memberships__is_active=True
        )
        .distinct()
        .order_by("full_name", "username")
    )
    return [(str(u.pk), str(u)) for u in users]


def _form_field(spec: engine.FieldSpec, workflow: engine.Workflow, handling: Handling) -> forms.Field:
    common = {
        "label": sop_text(spec.label, spec.label_en),
        "required": spec.required,
        "help_text": sop_text(spec.help, spec.help_en),
    }
    if spec.type == "textarea":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000, **common)
    if spec.type == "text":
        return forms.CharField(max_length=500, **common)
    if spec.type == "integer":
        return forms.IntegerField(**common)
    if spec.type == "boolean":
        return forms.BooleanField(**common)
    if spec.type == "date":
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
            **common,
        )
    if spec.type == "organisation":
        return forms.ChoiceField(choices=_organisation_choices(spec, handling), **common)
    if spec.type == "user":
        return forms.ChoiceField(choices=[_EMPTY, *member_choices(handling.organisation_id)], **common)
    if spec.type == "closure_reason":
        reasons = spec.choices or tuple(
            engine.Choice(r.code, r.label, r.label_en) for r in workflow.closure_reasons.values()
        )
        return forms.ChoiceField(choices=_choices(reasons), **common)
    if spec.type == "severity":
        return forms.ChoiceField(choices=_choices(spec.choices or workflow.severities), **common)
    return forms.ChoiceField(choices=_choices(spec.choices), **common)  # "choice"


class TransitionForm(ServiceErrors, forms.Form):
    """The inputs of one SOP transition on one handling, with the version the user saw."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(
        self,
        *args,  # noqa: ANN002
        transition: engine.TransitionSpec,
        workflow: engine.Workflow,
        handling: Handling,
        **kwargs,  # noqa: ANN003
    ) -> None:
        kwargs.setdefault("prefix", f"h{handling.pk}-{transition.name}")
        kwargs.setdefault("initial", {"expected_version": handling.version})
        super().__init__(*args, **kwargs)
        self.transition = transition
        self.handling = handling
        for spec in transition.fields:
            self.fields[spec.name] = _form_field(spec, workflow, handling)
            if spec.type == "organisation":
                self.fields[spec.name].widget.attrs.update(self._picker_attrs(spec.name))
        if takes_evidence(transition):
            self.fields[FILES] = evidence_field()

    def _picker_attrs(self, name: str) -> dict[str, str]:
        """A unit list gets a search box (console.js) and, for a transfer, the receiver's preview inline: a
        chosen unit fetches ``transfer_preview``'s fragment into ``preview_dom_id`` (htmx)."""
        attrs = {"data-org-picker": "", "data-search-label": str(_("Cari unit (ketik sebagian nama)"))}
        if name == "target" and self.transition.effect == "dispose":
            attrs.update(
                {
                    "hx-get": reverse(
                        "console:transfer_preview", args=[self.handling.pk, self.transition.name]
                    ),
                    "hx-trigger": "change",
                    "hx-target": f"#{self.preview_dom_id}",
                    "hx-swap": "innerHTML",
                }
            )
        return attrs

    @property
    def preview_dom_id(self) -> str:
        return f"pratinjau-{self.handling.pk}-{self.transition.name}"

    @property
    def label(self) -> str:
        return sop_text(self.transition.label, self.transition.label_en)

    @property
    def dom_id(self) -> str:
        return f"aksi-{self.handling.pk}-{self.transition.name}"

    def service_data(self) -> dict[str, object]:
        """Cleaned values in the shape the workflow engine expects (ids for organisations and users)."""
        data: dict[str, object] = {}
        for spec in self.transition.fields:
            value = self.cleaned_data.get(spec.name)
            if value in (None, ""):
                continue
            if isinstance(value, dt.date):
                value = value.isoformat()
            data[spec.name] = value
        return data


# --- assignment and notes -------------------------------------------------------------------------------


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Tugaskan kepada"), required=False)

    def __init__(self, *args, handling: Handling, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("prefix", f"h{handling.pk}-tugas")
        kwargs.setdefault("initial", {"assignee": str(handling.assignee_id or "")})
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [
            ("", _("— belum ditugaskan —")),
            *member_choices(handling.organisation_id),
        ]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Isi"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}), strip=True
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields[FILES] = evidence_field()

    def error_text(self) -> str:
        """The refusal in one sentence for the flash message (the form is not rendered again)."""
        if "text" in self.errors and not self.data.get(self.add_prefix("text"), "").strip():
            return str(_("Tulis isi pesan terlebih dahulu."))
        return " ".join(str(m) for errors in self.errors.values() for m in errors)
