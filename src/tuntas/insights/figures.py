"""The dashboard's figures, counted by the database (GROUP BY, conditional COUNT) over handlings, never by
loading complaints into Python.

The unit counted is the handling (one organisation's work on a complaint), as the inbox lists them, so every
number links to the inbox list of exactly those handlings. "Masuk" are the handlings opened in the period;
"selesai" and "berjalan" split them by whether they are closed now (so masuk = selesai + berjalan, and each
is one inbox filter). A complaint handled by two units in scope counts once per unit; the regency's headline
of complaints filed (``complaints_filed``) counts each complaint once.

SLA: the SOP clocks of those handlings that stopped in the period; within the deadline when stopped on or
before their due date (``sla.Clock.met``); durations in working days from start to stop (the holiday calendar
of the deployment), median and p90 by nearest rank (``insights.stats``). Identical (start, stop) pairs are
grouped by the database, so Python sees at most one row per pair of days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr, TruncDate, TruncMonth
from django.utils import timezone

from tuntas.complaints.models import Complaint, Handling
from tuntas.core.calendars import calendar_for
from tuntas.directory.models import Organisation, Region
from tuntas.insights import stats
from tuntas.insights.scope import Scope
from tuntas.sla.models import Clock
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import workflow_of

KECAMATAN_CODE_LENGTH = 8  # "63.02.06"
BACKLOG_BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 30), (31, 90), (91, None))  # age in days


@dataclass(frozen=True)
class FigureFilters:
    since: dt.date
    until: dt.date  # inclusive
    organisation: int | None = None
    category: str = ""  # slug
    region: str = ""  # Kemendagri code (kecamatan or desa)


@dataclass(frozen=True)
class Row:
    key: str  # the drill-down value (slug, code, id); "" when it cannot be filtered on
    label: str
    received: int
    closed: int

    @property
    def open(self) -> int:
        return self.received - self.closed


@dataclass(frozen=True)
class Month:
    start: dt.date
    end: dt.date  # inclusive, clipped to the period
    received: int
    closed: int

    @property
    def open(self) -> int:
        return self.received - self.closed


@dataclass(frozen=True)
class Backlog:
    min_days: int
    max_days: int | None
    opened_from: dt.date | None
    opened_to: dt.date
    count: int


@dataclass(frozen=True)
class ClockFigure:
    name: str
    label: str
    stopped: int
    met: int
    median_days: int | None
    p90_days: int | None

    @property
    def met_percent(self) -> int | None:
        return stats.share_percent(self.met, self.stopped)


@dataclass(frozen=True)
class Dashboard:
    filters: FigureFilters
    total: Row
    complaints_filed: int
    months: list[Month] = field(default_factory=list)
    by_category: list[Row] = field(default_factory=list)
    by_channel: list[Row] = field(default_factory=list)
    by_kecamatan: list[Row] = field(default_factory=list)
    by_desa: list[Row] = field(default_factory=list)
    by_organisation: list[Row] = field(default_factory=list)
    backlog: list[Backlog] = field(default_factory=list)
    clocks: list[ClockFigure] = field(default_factory=list)


def period_bounds(f: FigureFilters) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime.combine(f.since, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time.min))
    return start, end


def scoped_handlings(scope: Scope, f: FigureFilters) -> QuerySet[Handling]:
    """The handlings in scope matching the filters other than the period."""
    qs = Handling.objects.all()
    if scope.organisation_ids is not None:
        qs = qs.filter(organisation_id__in=scope.organisation_ids)
    if f.organisation:
        qs = qs.filter(organisation_id=f.organisation)
    if f.category:
        qs = qs.filter(complaint__category__slug=f.category)
    if f.region:
        qs = qs.filter(
            Q(complaint__region_id=f.region) | Q(complaint__region__code__startswith=f.region + ".")
        )
    return qs


def handlings_in(scope: Scope, f: FigureFilters) -> QuerySet[Handling]:
    """The handlings in scope opened in the period: what "masuk" counts."""
    start, end = period_bounds(f)
    return scoped_handlings(scope, f).filter(opened_at__gte=start, opened_at__lt=end)


HANDLING_CLOSED = Q(is_open=False)


def count_rows(qs: QuerySet, key: str, label: str | None = None, *, closed: Q = HANDLING_CLOSED) -> list[Row]:
    """``qs`` (handlings, or complaints with their own ``closed`` condition) counted per ``key``."""
    fields = [key] if label is None else [key, label]
    grouped = (
        qs.values(*fields)
        .annotate(received=Count("id"), closed=Count("id", filter=closed))
        .order_by("-received", key)
    )
    return [
        Row(
            key="" if r[key] is None else str(r[key]),
            label=str(r[label] if label else r[key] or ""),
            received=r["received"],
            closed=r["closed"],
        )
        for r in grouped
    ]


def count_months(
    qs: QuerySet, f: FigureFilters, *, at: str = "opened_at", closed: Q = HANDLING_CLOSED
) -> list[Month]:
    """``qs`` counted per calendar month of ``at``, every month of the period present (zeros too)."""
    grouped = (
        qs.annotate(month=TruncMonth(at))
        .values("month")
        .annotate(received=Count("id"), closed=Count("id", filter=closed))
    )
    counted = {}
    for r in grouped:
        month = r["month"]
        if isinstance(month, dt.datetime):
            month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        counted[month.replace(day=1)] = (r["received"], r["closed"])
    months = []
    first = f.since.replace(day=1)
    while first <= f.until:
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        received, closed = counted.get(first, (0, 0))
        months.append(Month(max(first, f.since), min(nxt - dt.timedelta(days=1), f.until), received, closed))
        first = nxt
    return months


def count_kecamatan(
    qs: QuerySet, *, region: str = "complaint__region", closed: Q = HANDLING_CLOSED
) -> list[Row]:
    """``qs`` counted per kecamatan of ``region`` (a desa counts in its kecamatan); no region: not counted."""
    grouped = (
        qs.filter(**{f"{region}__level__gte": 3})
        .annotate(kec=Substr(f"{region}_id", 1, KECAMATAN_CODE_LENGTH))
        .values("kec")
        .annotate(received=Count("id"), closed=Count("id", filter=closed))
        .order_by("-received", "kec")
    )
    rows = list(grouped)
    names = dict(Region.objects.filter(code__in=[r["kec"] for r in rows]).values_list("code", "name"))
    return [Row(r["kec"], names.get(r["kec"], r["kec"]), r["received"], r["closed"]) for r in rows]


def organisation_rows(qs: QuerySet[Handling]) -> list[Row]:
    """Handlings counted per organisation, labelled with its short name."""
    rows = count_rows(qs, "organisation_id")
    names = {
        str(pk): short or name
        for pk, short, name in Organisation.objects.filter(pk__in=[r.key for r in rows]).values_list(
            "pk", "short_name", "name"
        )
    }
    return [Row(r.key, names.get(r.key, r.key), r.received, r.closed) for r in rows]


def _channels(qs: QuerySet[Handling]) -> list[Row]:
    labels = dict(Complaint.Channel.choices)
    return [
        Row(r.key, str(labels.get(r.key, r.key)), r.received, r.closed)
        for r in count_rows(qs, "complaint__channel")
    ]


def _backlog(scope: Scope, f: FigureFilters, today: dt.date) -> list[Backlog]:
    """Handlings open now (whatever the period) by how many days ago they opened."""
    aggregates = {}
    spans = []
    for i, (lo, hi) in enumerate(BACKLOG_BUCKETS):
        opened_to = today - dt.timedelta(days=lo)
        opened_from = today - dt.timedelta(days=hi) if hi is not None else None
        local = Q(
            opened_at__lt=timezone.make_aware(
                dt.datetime.combine(opened_to + dt.timedelta(days=1), dt.time.min)
            )
        )
        if opened_from is not None:
            local &= Q(opened_at__gte=timezone.make_aware(dt.datetime.combine(opened_from, dt.time.min)))
        aggregates[f"b{i}"] = Count("id", filter=local)
        spans.append((lo, hi, opened_from, opened_to))
    counts = scoped_handlings(scope, f).filter(is_open=True).aggregate(**aggregates)
    return [Backlog(lo, hi, fr, to, counts[f"b{i}"]) for i, (lo, hi, fr, to) in enumerate(spans)]


def _clock_label(definitions: dict[int, WorkflowDefinition], workflow_id: int, name: str) -> str:
    definition = definitions.get(workflow_id)
    spec = workflow_of(definition).clocks.get(name) if definition else None
    return spec.label if spec else name


def clock_figures(scope: Scope, f: FigureFilters) -> list[ClockFigure]:
    """The SOP clocks of the handlings in scope that stopped in the period, per clock label."""
    start, end = period_bounds(f)
    handlings = scoped_handlings(scope, f)
    grouped = (
        Clock.objects.filter(
            handling__in=handlings, stopped_at__gte=start, stopped_at__lt=end, met__isnull=False
        )
        .annotate(stopped_on=TruncDate("stopped_at"))
        .values("handling__workflow_id", "name", "started_on", "stopped_on")
        .annotate(n=Count("id"), met=Count("id", filter=Q(met=True)))
    )
    cal = calendar_for(None)
    per_clock: dict[str, dict] = {}
    definitions: dict[int, WorkflowDefinition] = {}
    rows = list(grouped)
    if rows:
        ids = {r["handling__workflow_id"] for r in rows}
        definitions = {d.pk: d for d in WorkflowDefinition.objects.filter(pk__in=ids)}
    for r in rows:
        label = _clock_label(definitions, r["handling__workflow_id"], r["name"])
        entry = per_clock.setdefault(label, {"name": r["name"], "stopped": 0, "met": 0, "days": []})
        entry["stopped"] += r["n"]
        entry["met"] += r["met"]
        entry["days"].append((max(0, cal.working_days_between(r["started_on"], r["stopped_on"])), r["n"]))
    return sorted(
        (
            ClockFigure(
                name=e["name"],
                label=label,
                stopped=e["stopped"],
                met=e["met"],
                median_days=stats.percentile(e["days"], 50),
                p90_days=stats.percentile(e["days"], 90),
            )
            for label, e in per_clock.items()
        ),
        key=lambda c: (-c.stopped, c.label),
    )


def complaints_filed(scope: Scope, f: FigureFilters) -> int:
    """Complaints submitted in the period that any organisation in scope handled (each counted once)."""
    start, end = period_bounds(f)
    handled = scoped_handlings(scope, f).filter(complaint_id=OuterRef("pk"))
    return Complaint.objects.filter(Exists(handled), submitted_at__gte=start, submitted_at__lt=end).count()


def dashboard(scope: Scope, f: FigureFilters, *, today: dt.date) -> Dashboard:
    """Every figure of the dashboard for ``scope`` and ``f``; about a dozen queries whatever the data size."""
    qs = handlings_in(scope, f)
    totals = qs.aggregate(received=Count("id"), closed=Count("id", filter=Q(is_open=False)))
    return Dashboard(
        filters=f,
        total=Row("", "", totals["received"], totals["closed"]),
        complaints_filed=complaints_filed(scope, f),
        months=count_months(qs, f),
        by_category=count_rows(qs, "complaint__category__slug", "complaint__category__name"),
        by_channel=_channels(qs),
        by_kecamatan=count_kecamatan(qs),
        by_desa=count_rows(
            qs.filter(complaint__region__level=4), "complaint__region_id", "complaint__region__name"
        ),
        by_organisation=organisation_rows(qs),
        backlog=_backlog(scope, f, today),
        clocks=clock_figures(scope, f),
    )
