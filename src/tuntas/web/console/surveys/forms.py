"""Console form to open a survey period. Shape only; the service decides what is accepted."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.directory.models import Organisation
from tuntas.standards.models import Service
from tuntas.web.console.standards.forms import DATE, DATE_FORMATS
from tuntas.web.domain_errors import ServiceErrors


class OpenSurveyForm(ServiceErrors, forms.Form):
    target = forms.ChoiceField(
        label=_("Survei untuk"),
        help_text=_("Satu layanan, atau unit secara umum (misalnya untuk survei setelah pengaduan selesai)."),
    )
    title = forms.CharField(
        label=_("Nama periode"),
        max_length=120,
        required=False,
        help_text=_("Boleh dikosongkan. Misalnya: Semester I 2026."),
    )
    opens_on = forms.DateField(
        label=_("Dibuka mulai"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE,
        help_text=_("Kosongkan untuk membuka hari ini."),
    )
    closes_on = forms.DateField(
        label=_("Ditutup pada"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE,
        help_text=_("Kosongkan bila periode berjalan sampai ditutup petugas."),
    )

    def __init__(self, *args, organisations: list[Organisation], services: list[Service], **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        choices = []
        by_org: dict[int, list[Service]] = {}
        for s in services:
            by_org.setdefault(s.organisation_id, []).append(s)
        for org in organisations:
            options = [(f"org:{org.pk}", _("%(org)s — unit secara umum") % {"org": org.name})]
            options += [(f"svc:{s.pk}", s.name) for s in by_org.get(org.pk, [])]
            choices.append((org.name, options))
        self.fields["target"].choices = choices
        self._services = {s.pk: s for s in services}

    def field_for(self, key: str) -> str:
        return "target" if key == "service" else key

    def organisation_and_service(self) -> tuple[int, int | None]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        if kind == "svc":
            service = self._services[int(pk)]
            return service.organisation_id, service.pk
        return int(pk), None
