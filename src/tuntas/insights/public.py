"""The public statistics and open data of the whole deployment (every organisation): counts only, nothing
about a reporter and no text a reporter wrote.

Units. The headline, the months, the categories and the kecamatan count *complaints* submitted in the period
(each once; "selesai" are those no longer open now: closed or withdrawn), because a citizen's complaint is
what the public asks about; a disposition from the coordinator to a unit is not a settled complaint. The
table per organisation and the aggregate dataset count *handlings* (one unit's work on a complaint, as the
console does): a complaint handled by two units counts at both. Deadlines are the SOP clocks of
``figures.clock_figures``. Every figure is a GROUP BY in the database (``figures.count_*``).

Small-count suppression (``suppress_table``). A breakdown finer than an organisation (per kecamatan, per
category, and in the aggregate dataset per month x unit x category) publishes no count of 1 or 2: the cell
reads "<3" (``LESS_THAN_3``, on the page and in both file formats). So that a hidden cell cannot be got back
by subtraction, each table is protected against its own sums: the row identity ``masuk = selesai + berjalan``
and the column totals (the page's headline, which the kecamatan and category tables add up to exactly, with a
row for complaints without a kecamatan or a category; in the dataset, the unit's total of the month).
Whenever a row or a column holds exactly one hidden cell, or only hidden cells under 3 while it still shows a
non-zero count, its smallest non-zero shown cell is hidden too, repeated until no line needs one; then a
difference only ever gives the sum of two or more hidden cells, one of them unbounded (so "<3" + "<3" = 4
cannot pin both at 2). Such a cell reads "*" (``HIDDEN``: 3 or more; "<3" would be untrue); a zero is taken
only when a line has nothing else left, and reads "<3" (0 is). Known limit: the dataset's
cells are not protected against sums over several months or units (e.g. a category's yearly total on the
page, itself suppressed); a table of one row equals its total, an organisation-level figure, published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Complaint, Handling
from tuntas.directory.models import Region
from tuntas.insights import figures, stats
from tuntas.insights.figures import KECAMATAN_CODE_LENGTH, ClockFigure, FigureFilters, Month, Row
from tuntas.insights.scope import Scope

EVERYONE = Scope(None, None)  # the public page counts every organisation of the deployment
COMPLAINT_CLOSED = ~Q(status=Complaint.Status.OPEN)
LESS_THAN_3 = "<3"  # a count of 0, 1 or 2 not published
HIDDEN = "*"  # a count of 3 or more hidden so that a "<3" next to it cannot be got back by subtraction
LICENCE = {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.id"}


@dataclass(frozen=True)
class PublicRow:
    """One published row; a count is an int, or ``LESS_THAN_3`` / ``HIDDEN`` when suppressed."""

    key: str
    label: str
    received: int | str
    closed: int | str
    open: int | str
    bar: int = 0  # width of the row's bar, 0-100, from its published "masuk" (0 when hidden)


@dataclass(frozen=True)
class PublicFigures:
    filters: FigureFilters
    total: Row
    months: list[Month]
    by_category: list[PublicRow]
    by_kecamatan: list[PublicRow]
    by_organisation: list[Row]
    clocks: list[ClockFigure]

    @property
    def clocks_stopped(self) -> int:
        return sum(c.stopped for c in self.clocks)

    @property
    def clocks_met_percent(self) -> int | None:
        return stats.share_percent(sum(c.met for c in self.clocks), self.clocks_stopped)


def suppress_table(rows: Sequence[Sequence[int]]) -> list[tuple[int | str, ...]]:
    """``rows`` of (masuk, selesai, berjalan) as published: a count of 1-2 reads ``LESS_THAN_3``, and more
    cells are hidden until every row and column is protected against its sum (module docstring)."""
    values = [list(r) for r in rows]
    hidden = {(i, j) for i, r in enumerate(values) for j, v in enumerate(r) if stats.suppressed(v) is None}
    lines = [[(i, j) for j in range(len(r))] for i, r in enumerate(values)]
    width = max((len(r) for r in values), default=0)
    lines += [[(i, j) for i in range(len(values)) if j < len(values[i])] for j in range(width)]

    def value(cell: tuple[int, int]) -> int:
        return values[cell[0]][cell[1]]

    def wanting(line: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The next cell of ``line`` to hide, or None when the line is protected."""
        shut = [c for c in line if c in hidden]
        others = [c for c in line if c not in hidden]
        nonzero = [c for c in others if value(c)]
        if not shut or not others:
            return None
        if len(shut) == 1 or (nonzero and all(value(c) < stats.SUPPRESS_BELOW for c in shut)):
            return min(nonzero or others, key=lambda c: (value(c), c))
        return None

    changed = True
    while changed:
        changed = False
        for line in lines:
            cell = wanting(line)
            if cell is not None:
                hidden.add(cell)
                changed = True
    return [
        tuple(
            (LESS_THAN_3 if v < stats.SUPPRESS_BELOW else HIDDEN) if (i, j) in hidden else v
            for j, v in enumerate(r)
        )
        for i, r in enumerate(values)
    ]


def _published(rows: list[Row]) -> list[PublicRow]:
    cells = suppress_table([(r.received, r.closed, r.open) for r in rows])
    shown = [c[0] if isinstance(c[0], int) else 0 for c in cells]
    top = max(shown, default=0) or 1
    return [
        PublicRow(r.key, r.label, *c, bar=round(100 * n / top))
        for r, c, n in zip(rows, cells, shown, strict=True)
    ]


def _rest(rows: list[Row], total: Row, label: str) -> list[Row]:
    """``rows`` and, when they do not add up to ``total``, the row of what is missing (no kecamatan...)."""
    received = total.received - sum(r.received for r in rows)
    closed = total.closed - sum(r.closed for r in rows)
    return [*rows, Row("", label, received, closed)] if received else rows


def complaints_in(f: FigureFilters) -> QuerySet[Complaint]:
    """Complaints submitted in the period, handled by ``f.organisation`` when given."""
    start, end = figures.period_bounds(f)
    qs = Complaint.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    if f.organisation:
        qs = qs.filter(
            Exists(Handling.objects.filter(complaint=OuterRef("pk"), organisation_id=f.organisation))
        )
    return qs


def public_figures(f: FigureFilters) -> PublicFigures:
    """Every figure of the public page for ``f`` (period, organisation); about ten queries."""
    qs = complaints_in(f)
    totals = qs.aggregate(received=Count("id"), closed=Count("id", filter=COMPLAINT_CLOSED))
    total = Row("", "", totals["received"], totals["closed"])
    categories = figures.count_rows(qs, "category__slug", "category__name", closed=COMPLAINT_CLOSED)
    categories = [r for r in categories if r.key]  # "no category" comes back from _rest, labelled
    kecamatan = figures.count_kecamatan(qs, region="region", closed=COMPLAINT_CLOSED)
    return PublicFigures(
        filters=f,
        total=total,
        months=figures.count_months(qs, f, at="submitted_at", closed=COMPLAINT_CLOSED),
        by_category=_published(_rest(categories, total, str(_("Tanpa kategori")))),
        by_kecamatan=_published(_rest(kecamatan, total, str(_("Tanpa kecamatan")))),
        by_organisation=figures.organisation_rows(figures.handlings_in(EVERYONE, f)),
        clocks=figures.clock_figures(EVERYONE, f),
    )


def _local_date(value: dt.datetime | dt.date | None) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


# The open datasets: name, type and meaning of every field, in order (the JSON "fields" and docs/open-data.md).
AGGREGATE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("bulan", "string (YYYY-MM)", _("Bulan penanganan dibuka (WITA/zona waktu instansi)")),
    ("unit_kode", "string", _("Kode (slug) unit yang menangani")),
    ("unit_nama", "string", _("Nama unit yang menangani")),
    ("kategori_kode", "string", _("Kode kategori; kosong bila pengaduan belum berkategori")),
    ("kategori_nama", "string", _("Nama kategori; kosong bila belum berkategori")),
    (
        "diterima",
        "integer|string",
        _('Penanganan yang dibuka pada bulan itu; "<3" bila kurang dari 3, "*" bila disembunyikan'),
    ),
    ("selesai", "integer|string", _("Dari penanganan itu, yang sekarang sudah ditutup")),
    ("berjalan", "integer|string", _("Dari penanganan itu, yang sekarang masih berjalan")),
)
PUBLIC_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("kode_lacak", "string", _("Kode lacak pengaduan")),
    ("tanggal_diterima", "date (YYYY-MM-DD)", _("Tanggal pengaduan diajukan")),
    ("kategori_kode", "string", _("Kode kategori; kosong bila belum berkategori")),
    ("kategori_nama", "string", _("Nama kategori")),
    ("unit_kode", "string", _("Kode (slug) unit yang terakhir menerima penanganan")),
    ("unit_nama", "string", _("Nama unit itu")),
    ("kecamatan_kode", "string", _("Kode wilayah Kemendagri kecamatan; kosong bila tidak diketahui")),
    ("kecamatan_nama", "string", _("Nama kecamatan")),
    ("status", "string (open|closed|withdrawn)", _("Status pengaduan sekarang")),
    ("tanggal_selesai", "date|null", _("Tanggal pengaduan ditutup atau dicabut; null bila masih berjalan")),
)


def aggregate_records() -> list[dict]:
    """Handlings per month opened x unit x category since the first, suppressed per (month, unit)."""
    grouped = (
        Handling.objects.annotate(month=TruncMonth("opened_at"))
        .values(
            "month",
            "organisation__slug",
            "organisation__name",
            "complaint__category__slug",
            "complaint__category__name",
        )
        .annotate(received=Count("id"), closed=Count("id", filter=figures.HANDLING_CLOSED))
    )
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in grouped:
        month = _local_date(r["month"]).strftime("%Y-%m")
        record = {
            "bulan": month,
            "unit_kode": r["organisation__slug"],
            "unit_nama": r["organisation__name"],
            "kategori_kode": r["complaint__category__slug"] or "",
            "kategori_nama": r["complaint__category__name"] or "",
            "diterima": r["received"],
            "selesai": r["closed"],
            "berjalan": r["received"] - r["closed"],
        }
        groups.setdefault((month, record["unit_kode"]), []).append(record)
    records = []
    for _key, rows in sorted(groups.items()):
        rows.sort(key=lambda x: x["kategori_kode"])
        cells = suppress_table([(x["diterima"], x["selesai"], x["berjalan"]) for x in rows])
        for x, (received, closed, open_) in zip(rows, cells, strict=True):
            records.append({**x, "diterima": received, "selesai": closed, "berjalan": open_})
    return records


def public_complaint_records() -> Iterator[dict]:
    """One record per complaint its reporter made public (privacy "public"; never confidential or anonymous):
    codes, dates, category, unit, kecamatan and status; no name, no contact, no text."""
    latest = Handling.objects.filter(complaint=OuterRef("pk")).order_by("-opened_at", "-id")
    rows = (
        Complaint.objects.filter(privacy=Complaint.Privacy.PUBLIC)
        .annotate(
            unit_slug=Subquery(latest.values("organisation__slug")[:1]),
            unit_name=Subquery(latest.values("organisation__name")[:1]),
            kec=Substr("region_id", 1, KECAMATAN_CODE_LENGTH),
            kec_name=Subquery(Region.objects.filter(code=OuterRef("kec")).values("name")[:1]),
        )
        .order_by("submitted_at", "id")
        .values_list(
            "tracking_code",
            "submitted_at",
            "category__slug",
            "category__name",
            "unit_slug",
            "unit_name",
            "region__level",
            "kec",
            "kec_name",
            "status",
            "closed_at",
        )
    )
    for (
        code,
        submitted,
        cat,
        cat_name,
        unit,
        unit_name,
        level,
        kec,
        kec_name,
        status,
        closed,
    ) in rows.iterator():
        kec = kec if level and level >= 3 else ""
        yield {
            "kode_lacak": code,
            "tanggal_diterima": _local_date(submitted).isoformat(),
            "kategori_kode": cat or "",
            "kategori_nama": cat_name or "",
            "unit_kode": unit or "",
            "unit_nama": unit_name or "",
            "kecamatan_kode": kec,
            "kecamatan_nama": (kec_name or "") if kec else "",
            "status": status,
            "tanggal_selesai": _local_date(closed).isoformat() if closed else None,
        }
