"""Console forms for service standards: a new service, the editor of a draft (one textarea per component, the
time limit and cost as numbers), the consultation dates and the publication. Shape only; services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tuntas.directory.models import Organisation
from tuntas.standards.catalogue import BIAYA, JANGKA_WAKTU, STRUCTURED
from tuntas.standards.models import ServiceStandard
from tuntas.standards.selectors import StandardView
from tuntas.web.domain_errors import ServiceErrors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class ServiceForm(ServiceErrors, forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisasi"), coerce=int)
    name = forms.CharField(
        label=_("Nama layanan"),
        max_length=200,
        help_text=_("Misalnya: Penerbitan KTP-el, Surat keterangan domisili."),
    )
    slug = forms.SlugField(
        label=_("Alamat di portal"),
        max_length=80,
        required=False,
        help_text=_("Boleh dikosongkan: dibuat dari nama layanan."),
    )
    description = forms.CharField(
        label=_("Deskripsi singkat"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, organisations: list[Organisation], **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].widget = forms.HiddenInput()


def _rows(text: str) -> int:
    """Enough rows for the text there is (long lines wrap), within reason."""
    lines = sum(1 + len(line) // 90 for line in (text or "").splitlines())
    return max(3, min(14, lines + 1))


def component_field(code: str) -> str:
    return f"c_{code}"


class StandardForm(ServiceErrors, forms.Form):
    """One textarea per component of the version, in catalogue order, plus the two numbers."""

    expected_revision = forms.IntegerField(widget=forms.HiddenInput)
    time_limit_days = forms.IntegerField(
        label=_("Jangka waktu (hari kerja)"),
        required=False,
        min_value=0,
        max_value=3650,
        help_text=_("0 berarti selesai pada hari yang sama."),
    )
    cost_rupiah = forms.IntegerField(
        label=_("Biaya (Rupiah)"),
        required=False,
        min_value=0,
        help_text=_("0 berarti gratis."),
    )

    VALUE_FIELDS = {JANGKA_WAKTU: "time_limit_days", BIAYA: "cost_rupiah"}

    def __init__(self, *args, view: StandardView, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        standard: ServiceStandard = view.standard
        kwargs.setdefault(
            "initial",
            {
                "expected_revision": standard.revision,
                "time_limit_days": standard.time_limit_days,
                "cost_rupiah": standard.cost_rupiah,
                **{component_field(item.code): item.text for item in view.components},
            },
        )
        super().__init__(*args, **kwargs)
        for field in ("time_limit_days", "cost_rupiah"):
            self.fields[field].widget.attrs.update({"inputmode": "numeric"})
        self._groups: list[tuple[str, list]] = []
        for title, items in (
            (_("Penyampaian pelayanan"), view.delivery),
            (_("Pengelolaan pelayanan"), view.management),
        ):
            rows = []
            for item in items:
                name = component_field(item.code)
                self.fields[name] = forms.CharField(
                    label=item.component.label,
                    required=False,
                    max_length=10_000,
                    help_text=item.component.hint,
                    widget=forms.Textarea(attrs={"rows": _rows(item.text)}),
                )
                value = self.VALUE_FIELDS.get(item.code)
                rows.append((name, value))
            self._groups.append((title, rows))

    def field_for(self, key: str) -> str:
        if key.endswith("_value") and key.removesuffix("_value") in STRUCTURED:
            return STRUCTURED[key.removesuffix("_value")]
        return component_field(key)

    def sections(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField | None]]]]:
        """(group title, [(component textarea, its number field or None)]) for the template."""
        return [
            (title, [(self[name], self[value] if value else None) for name, value in rows])
            for title, rows in self._groups
        ]

    def texts(self) -> dict[str, str]:
        prefix = component_field("")
        return {
            name.removeprefix(prefix): value
            for name, value in self.cleaned_data.items()
            if name.startswith(prefix)
        }

    def values(self) -> dict[str, int | None]:
        return {code: self.cleaned_data[field] for code, field in self.VALUE_FIELDS.items()}


class ConsultationForm(ServiceErrors, forms.Form):
    opens_on = forms.DateField(
        label=_("Dibuka mulai"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=DATE,
        help_text=_("Kosongkan untuk membuka hari ini."),
    )
    closes_on = forms.DateField(
        label=_("Ditutup pada"),
        input_formats=DATE_FORMATS,
        widget=DATE,
        help_text=_("Masukan diterima sampai akhir hari ini. Paling lama 90 hari."),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", "konsultasi")
        super().__init__(*args, **kwargs)


class PublishForm(ServiceErrors, forms.Form):
    decree = forms.CharField(
        label=_("Keputusan penetapan"),
        max_length=200,
        required=False,
        help_text=_("Misalnya nomor keputusan kepala dinas atau kepala desa yang menetapkan standar ini."),
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("prefix", "terbit")
        super().__init__(*args, **kwargs)
