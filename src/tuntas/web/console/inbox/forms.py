"""The inbox filter form."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Complaint

STATUS_CHOICES = [("open", _("Dalam proses")), ("closed", _("Selesai")), ("all", _("Semua"))]
DUE_CHOICES = [("", _("Semua tenggat")), ("overdue", _("Terlambat")), ("soon", _("Segera jatuh tempo"))]
SORT_CHOICES = [("due", _("Tenggat terdekat")), ("-opened", _("Terbaru"))]


class InboxFilterForm(forms.Form):
    """A GET form: invalid values are ignored (treated as "no filter") rather than shown as errors."""

    q = forms.CharField(
        label=_("Cari"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Judul, uraian atau kode lacak"), "autocomplete": "off"}
        ),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    state = forms.ChoiceField(label=_("Tahap"), required=False)
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    due = forms.ChoiceField(label=_("Tenggat"), choices=DUE_CHOICES, required=False)
    assignee = forms.ChoiceField(label=_("Petugas"), required=False)
    region = forms.ChoiceField(label=_("Kecamatan"), required=False)
    organisation = forms.ChoiceField(label=_("Unit"), required=False)
    sort = forms.ChoiceField(label=_("Urutkan"), choices=SORT_CHOICES, required=False)
    # Set by the dashboard's drill-down links (insights), not shown in the filter bar.
    channel = forms.ChoiceField(choices=Complaint.Channel.choices, required=False, widget=forms.HiddenInput)
    opened_from = forms.DateField(required=False, widget=forms.HiddenInput)
    opened_to = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args,  # noqa: ANN002
        states: Sequence[tuple[str, str]],
        categories: Sequence[tuple[str, str]],
        members: Sequence[tuple[str, str]],
        regions: Sequence[tuple[str, object]],
        organisations: Sequence[tuple[str, str]],
        **kwargs,  # noqa: ANN003
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", _("Semua tahap")), *states]
        self.fields["category"].choices = [("", _("Semua kategori")), *categories]
        self.fields["assignee"].choices = [
            ("", _("Semua petugas")),
            ("me", _("Saya")),
            ("none", _("Belum ditugaskan")),
            *members,
        ]
        self.fields["region"].choices = [("", _("Semua kecamatan")), *regions]
        self.fields["organisation"].choices = [("", _("Semua unit saya")), *organisations]
        self.show_organisation = len(organisations) > 1
        if not self.show_organisation:
            del self.fields["organisation"]

    def date_value(self, name: str):  # noqa: ANN201 - a date or None
        """A cleaned date filter, or None when absent or invalid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)

    def value(self, name: str, default: str = "") -> str:
        """The cleaned value of one filter, or ``default`` when it is absent or not a valid choice."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or default

    def is_filtered(self) -> bool:
        return any(
            self.value(n) for n in ("q", "state", "category", "due", "assignee", "region", "channel")
        ) or bool(self.date_value("opened_from") or self.date_value("opened_to"))
