"""The public statistics page and the open data (``insights.public``): counts of the whole deployment, no
reporter data and no text from a complaint. The four data files are stable URLs for harvesters (CKAN, Satu
Data Indonesia), cacheable by anyone for ten minutes and limited per client address."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django import forms
from django.db.models import Min
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tuntas.complaints.models import Complaint
from tuntas.core import clock as time
from tuntas.directory.models import Organisation
from tuntas.insights import public
from tuntas.insights.figures import FigureFilters
from tuntas.web.shortcuts import rate_limited

CACHE_SECONDS = 600


class StatisticsFilterForm(forms.Form):
    tahun = forms.ChoiceField(label=gettext_lazy("Periode"), required=False)
    unit = forms.ChoiceField(label=gettext_lazy("Unit"), required=False)

    def __init__(self, data: object, *, years: list[int], organisations: list[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["tahun"].choices = [("", _("12 bulan terakhir"))] + [(str(y), str(y)) for y in years]
        self.fields["unit"].choices = [("", _("Semua unit"))] + organisations

    def cleaned(self, name: str) -> str:
        return self.cleaned_data.get(name, "") if self.is_valid() else ""


def _years(today: dt.date) -> list[int]:
    first = Complaint.objects.aggregate(first=Min("submitted_at"))["first"]
    since = timezone.localtime(first).year if first else today.year
    return list(range(today.year, min(since, today.year) - 1, -1))


def _organisations() -> list[tuple[str, str]]:
    qs = Organisation.objects.filter(is_active=True).exclude(kind__village_type__gt="").order_by("name")
    return [(str(pk), short or name) for pk, short, name in qs.values_list("pk", "short_name", "name")]


def _period(year: str, today: dt.date) -> tuple[dt.date, dt.date]:
    if year.isdigit():
        y = int(year)
        return dt.date(y, 1, 1), min(dt.date(y, 12, 31), today)
    first = today.replace(day=1)
    for _month in range(11):
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return first, today


@dataclass(frozen=True)
class _Table:
    """One section of the page: every count table has the same columns (``_table.html``)."""

    anchor: str
    title: str
    heading: str
    rows: list[public.PublicRow]
    note: str = ""


_UNIT_NOTE = gettext_lazy(
    "Dihitung per penanganan: pengaduan yang diteruskan ke unit lain terhitung di unit penerima awal "
    "(selesai saat diteruskan) dan di unit yang menanganinya."
)


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    today = time.today()
    form = StatisticsFilterForm(request.GET, years=_years(today), organisations=_organisations())
    since, until = _period(form.cleaned("tahun"), today)
    unit = form.cleaned("unit")
    figures = public.public_figures(
        FigureFilters(since=since, until=until, organisation=int(unit) if unit.isdigit() else None)
    )
    top = max((m.received for m in figures.months), default=0) or 1
    top_org = max((r.received for r in figures.by_organisation), default=0) or 1
    months = [
        public.PublicRow(
            m.start.isoformat(),
            date_format(m.start, "F Y"),
            m.received,
            m.closed,
            m.open,
            round(100 * m.received / top),
        )
        for m in reversed(figures.months)
    ]
    units = [
        public.PublicRow(r.key, r.label, r.received, r.closed, r.open, round(100 * r.received / top_org))
        for r in figures.by_organisation
    ]
    context = {
        "form": form,
        "since": since,
        "until": until,
        "f": figures,
        "tables": [
            _Table("bulanan", _("Per bulan"), _("Bulan"), months),
            _Table("kategori", _("Menurut kategori"), _("Kategori"), figures.by_category),
            _Table("kecamatan", _("Menurut kecamatan"), _("Kecamatan"), figures.by_kecamatan),
            _Table("unit", _("Menurut unit"), _("Unit"), units, note=_UNIT_NOTE),
        ],
    }
    return render(request, "portal/statistics/page.html", context)


DATASETS: dict[str, dict] = {
    "pengaduan-agregat": {
        "title": gettext_lazy("Jumlah penanganan pengaduan per bulan, unit dan kategori"),
        "description": gettext_lazy(
            "Penanganan (pekerjaan satu unit atas satu pengaduan) yang dibuka setiap bulan, per unit dan "
            'kategori, dengan yang sudah selesai dan yang masih berjalan. Angka 1 dan 2 disembunyikan ("<3").'
        ),
        "fields": public.AGGREGATE_FIELDS,
        "records": public.aggregate_records,
    },
    "pengaduan-publik": {
        "title": gettext_lazy("Daftar pengaduan publik"),
        "description": gettext_lazy(
            "Satu baris per pengaduan yang pelapornya memilih sifat publik: kode lacak, tanggal, kategori, "
            "unit, kecamatan dan status. Tanpa nama, kontak, maupun isi pengaduan; pengaduan rahasia dan "
            "anonim tidak dimuat."
        ),
        "fields": public.PUBLIC_FIELDS,
        "records": public.public_complaint_records,
    },
}


def _fields(spec: Iterable[tuple[str, str, object]]) -> list[dict]:
    return [{"name": n, "type": t, "description": str(d)} for n, t, d in spec]


def _as_csv(names: list[str], records: Iterable[dict]) -> str:
    sink = io.StringIO()
    writer = csv.writer(sink, lineterminator="\r\n")
    writer.writerow(names)
    for r in records:
        writer.writerow(["" if r[n] is None else r[n] for n in names])
    return sink.getvalue()


def _download(dataset: str, fmt: str, request: HttpRequest) -> HttpResponse:
    spec = DATASETS[dataset]
    generated = time.now().replace(microsecond=0)
    records: Callable[[], Iterable[dict]] = spec["records"]
    fields = _fields(spec["fields"])
    names = [f["name"] for f in fields]
    if fmt == "csv":
        response = HttpResponse(_as_csv(names, records()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{dataset}.csv"'
    elif fmt == "json":
        body = {
            "dataset": dataset,
            "title": str(spec["title"]),
            "description": str(spec["description"]),
            "licence": public.LICENCE,
            "generated_at": timezone.localtime(generated).isoformat(),
            "suppressed": {
                public.LESS_THAN_3: _("kurang dari 3, tidak diterbitkan"),
                public.HIDDEN: _('3 atau lebih, disembunyikan agar angka "<3" tidak dapat dihitung'),
            },
            "fields": fields,
            "records": list(records()),
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
    else:
        raise Http404(_("Format tidak dikenal."))
    response["Last-Modified"] = http_date(generated.timestamp())
    response["Link"] = f'<{request.build_absolute_uri(reverse("portal:open_data"))}>; rel="describedby"'
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_GET
@rate_limited("TUNTAS_RATE_OPEN_DATA", method="GET")
def aggregate_data(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download("pengaduan-agregat", fmt, request)


@require_GET
@rate_limited("TUNTAS_RATE_OPEN_DATA", method="GET")
def public_complaints_data(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download("pengaduan-publik", fmt, request)


@require_GET
def open_data(request: HttpRequest) -> HttpResponse:
    """The catalogue of the datasets: what each holds, its fields, formats and licence."""
    datasets = [
        {
            "slug": slug,
            "title": spec["title"],
            "description": spec["description"],
            "fields": _fields(spec["fields"]),
            "csv": reverse(f"portal:data_{slug.split('-')[1]}", args=["csv"]),
            "json": reverse(f"portal:data_{slug.split('-')[1]}", args=["json"]),
        }
        for slug, spec in DATASETS.items()
    ]
    return render(request, "portal/statistics/data.html", {"datasets": datasets, "licence": public.LICENCE})
