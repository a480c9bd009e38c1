"""The dashboard's filter form (GET): invalid values are ignored, like the inbox's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_PERIOD_DAYS = 366 * 5


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve calendar months, this one included."""
    first = today.replace(day=1)
    year, month = (first.year, first.month - 11) if first.month > 11 else (first.year - 1, first.month + 1)
    return dt.date(year, month, 1), today


class DashboardFilterForm(forms.Form):
    dari = forms.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    organisation = forms.ChoiceField(label=_("Unit"), required=False)
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    region = forms.ChoiceField(label=_("Kecamatan"), required=False)

    def __init__(
        self,
        *args,  # noqa: ANN002
        organisations: Sequence[tuple[str, str]],
        categories: Sequence[tuple[str, str]],
        regions: Sequence[tuple[str, str]],
        **kwargs,  # noqa: ANN003
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("Semua unit")), *organisations]
        self.fields["category"].choices = [("", _("Semua kategori")), *categories]
        self.fields["region"].choices = [("", _("Semua kecamatan")), *regions]

    def cleaned(self, name: str):  # noqa: ANN201
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)

    def period(self, today: dt.date) -> tuple[dt.date, dt.date]:
        since, until = default_period(today)
        since = self.cleaned("dari") or since
        until = self.cleaned("sampai") or until
        if until < since:
            since, until = until, since
        if (until - since).days > MAX_PERIOD_DAYS:
            since = until - dt.timedelta(days=MAX_PERIOD_DAYS)
        return since, until
