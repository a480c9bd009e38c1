"""Console form for opening a compliance round. Shape only; services.round_create decides."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.compliance.access import round_organisations
from tuntas.compliance.models import Scheme
from tuntas.core import clock
from tuntas.directory.models import Organisation, User
from tuntas.web.console.standards.forms import DATE, DATE_FORMATS
from tuntas.web.domain_errors import ServiceErrors


def managing_organisations(user: User) -> list[Organisation]:
    """Organisations in which the user may open rounds (as reviewing organisation)."""
    return list(round_organisations(user))


class RoundForm(ServiceErrors, forms.Form):
    scheme = forms.ModelChoiceField(label=_("Skema penilaian"), queryset=Scheme.objects.none())
    name = forms.CharField(label=_("Nama putaran"), max_length=200)
    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    period = forms.CharField(
        label=_("Periode"), max_length=60, required=False, help_text=_("Misalnya: Semester I.")
    )
    reviewing_organisation = forms.ModelChoiceField(
        label=_("Organisasi penilai"), queryset=Organisation.objects.none()
    )
    opens_on = forms.DateField(label=_("Dibuka"), widget=DATE, input_formats=DATE_FORMATS)
    closes_on = forms.DateField(label=_("Ditutup"), widget=DATE, input_formats=DATE_FORMATS)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisasi peserta"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, reviewing: list[Organisation], **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = Scheme.objects.filter(is_active=True)
        self.fields["reviewing_organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in reviewing]
        )
        if len(reviewing) == 1:
            self.fields["reviewing_organisation"].initial = reviewing[0].pk
        self.fields["organisations"].queryset = Organisation.objects.filter(
            is_active=True, kind__in_compliance_assessment=True
        ).order_by("name")
        self.fields["year"].initial = clock.today().year

    def field_for(self, key: str) -> str:
        return key
