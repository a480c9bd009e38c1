"""Reads for the follow-up pages: a user's lists, the Pemkab-wide Ombudsman products, per-unit rates, CSV."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet

from tuntas.core import clock as time
from tuntas.core.errors import NotFound
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Organisation, User
from tuntas.followup import access, tracking
from tuntas.followup.models import Finding, Recommendation


def unit_list(user: User, *, status: str = "open") -> QuerySet[Recommendation]:
    """Recommendations addressed to the user's own units (never another unit's), oldest deadline first."""
    ids = {m.organisation_id for m in memberships_of(user) if m.role in access.UNIT_ROLES}
    qs = Recommendation.objects.select_related("finding", "finding__issuer", "unit").filter(unit_id__in=ids)
    return _by_status(qs, status).order_by("due_date", "pk")


def review_list(user: User, *, status: str = "open") -> QuerySet[Recommendation]:
    """Recommendations the user's organisations issued (as auditor, koordinator, pimpinan or admin)."""
    ids = [o.pk for o in access.issuer_organisations(user)]
    qs = Recommendation.objects.select_related("finding", "finding__issuer", "unit").filter(
        finding__issuer_id__in=ids
    )
    return _by_status(qs, status).order_by("-awaiting_review", "due_date", "pk")


def _by_status(qs: QuerySet[Recommendation], status: str) -> QuerySet[Recommendation]:
    if status == "open":
        return qs.exclude(status__in=tracking.FINAL)
    if status == "overdue":
        return qs.exclude(status__in=tracking.FINAL).filter(due_date__lt=time.today())
    if status in tracking.STATUSES:
        return qs.filter(status=status)
    return qs


def recommendation_for(user: User, recommendation_id: int) -> Recommendation:
    try:
        return access.visible_recommendations(user).get(pk=recommendation_id)
    except Recommendation.DoesNotExist as exc:
        raise NotFound("not visible") from exc


def ombudsman_products(user: User) -> QuerySet[Recommendation]:
    """Every Ombudsman product's recommendations (the Pemkab-wide list), for oversight only."""
    if not access.oversees(user):
        return Recommendation.objects.none()
    return (
        Recommendation.objects.select_related("finding", "finding__issuer", "unit")
        .filter(finding__kind__in=Finding.OMBUDSMAN_KINDS)
        .order_by("-finding__issued_on", "finding_id", "position")
    )


@dataclass(frozen=True)
class UnitRate:
    unit: Organisation
    counts: dict[str, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def settled(self) -> int:
        return tracking.settled(self.counts)

    @property
    def rate(self) -> Decimal | None:
        return tracking.follow_up_rate(self.counts)


def status_counts(qs: QuerySet[Recommendation]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for row in qs.order_by().values("unit_id", "status").annotate(n=Count("pk")):
        out[row["unit_id"]][row["status"]] = row["n"]
    return out


def unit_rates(user: User, *, ombudsman_only: bool = False) -> list[UnitRate]:
    """Per unit: counts by status, overdue count and the follow-up rate (oversight sees every unit)."""
    qs = access.visible_recommendations(user)
    if ombudsman_only:
        qs = qs.filter(finding__kind__in=Finding.OMBUDSMAN_KINDS)
    counts = status_counts(qs)
    overdue: dict[int, int] = defaultdict(int)
    for row in (
        qs.exclude(status__in=tracking.FINAL)
        .filter(due_date__lt=time.today())
        .order_by()
        .values("unit_id")
        .annotate(n=Count("pk"))
    ):
        overdue[row["unit_id"]] = row["n"]
    units = Organisation.objects.in_bulk(list(counts))
    rows = [UnitRate(units[uid], c, overdue.get(uid, 0)) for uid, c in counts.items()]
    return sorted(rows, key=lambda r: (r.rate if r.rate is not None else Decimal(101), r.unit.name))


def ombudsman_counts_for(organisation: Organisation, *, issued_until=None) -> dict[str, int]:  # noqa: ANN001
    """Status counts of the Ombudsman products addressed to ``organisation`` (for the compliance opinion)."""
    qs = Recommendation.objects.filter(unit=organisation, finding__kind__in=Finding.OMBUDSMAN_KINDS)
    if issued_until is not None:
        qs = qs.filter(finding__issued_on__lte=issued_until)
    return status_counts(qs).get(organisation.pk, {})


CSV_HEADER = [
    "jenis",
    "nomor",
    "tanggal_terbit",
    "penerbit",
    "judul",
    "no_rekomendasi",
    "rekomendasi",
    "unit",
    "tenggat",
    "status",
    "menunggu_penilaian",
    "terlambat",
    "nilai_tgr",
    "tgr_dibayar",
]


def _cell(value: object) -> str:
    # Spreadsheets run a cell starting with = + - @ as a formula: neutralise it.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def products_csv(rows: QuerySet[Recommendation]) -> str:
    today = time.today()
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_HEADER)
    for r in rows.prefetch_related("instalments"):
        f = r.finding
        w.writerow(
            [
                _cell(v)
                for v in (
                    f.get_kind_display(),
                    f.number,
                    f.issued_on.isoformat(),
                    f.issuer.name,
                    f.title,
                    r.position,
                    r.text,
                    r.unit.name,
                    r.due_date.isoformat(),
                    r.get_status_display(),
                    "ya" if r.awaiting_review else "tidak",
                    "ya" if (not r.is_final and r.due_date < today) else "tidak",
                    r.tgr_amount if r.tgr_amount is not None else "",
                    r.tgr_paid() if r.tgr_amount is not None else "",
                )
            ]
        )
    return out.getvalue()
