"""The statistics dashboard: figures of the viewer's scope (``insights.scope``), each number a link to the
inbox list of exactly those handlings where the inbox can list them."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuntas.complaints.models import Category
from tuntas.core import clock as time
from tuntas.directory.models import Organisation, Region
from tuntas.insights.figures import Dashboard, FigureFilters
from tuntas.insights.figures import dashboard as compute
from tuntas.insights.scope import Scope, scope_for
from tuntas.web.console.common import console_context
from tuntas.web.console.insights.forms import DashboardFilterForm


def _organisation_choices(scope: Scope) -> list[tuple[str, str]]:
    qs = Organisation.objects.filter(is_active=True).exclude(kind__village_type__gt="")
    if scope.organisation_ids is not None:
        qs = qs.filter(pk__in=scope.organisation_ids)
    return [
        (str(pk), short or name)
        for pk, short, name in qs.order_by("name").values_list("pk", "short_name", "name")
    ]


def _region_choices(scope: Scope) -> list[tuple[str, str]]:
    orgs = Organisation.objects.exclude(region__isnull=True)
    if scope.organisation_ids is not None:
        orgs = orgs.filter(pk__in=scope.organisation_ids)
    regencies = {code[:5] for code in orgs.values_list("region_id", flat=True) if len(code) >= 5}
    if not regencies:
        return []
    rows = Region.objects.filter(level=3, parent_id__in=regencies).order_by("code")
    return [(r.code, r.name) for r in rows]


class Drill:
    """Builds the inbox URL of one figure, or "" when the inbox cannot list exactly its handlings."""

    def __init__(self, scope: Scope, f: FigureFilters) -> None:
        self.scope, self.f = scope, f
        self.base = reverse("console:inbox")

    def url(
        self, *, organisation: int | None = None, status: str = "all", period: bool = True, **extra: object
    ) -> str:
        org = organisation or self.f.organisation
        if not self.scope.listable(org):
            return ""
        params: dict[str, object] = {"status": status}
        if org:
            params["organisation"] = org
        if self.f.category:
            params["category"] = self.f.category
        if self.f.region:
            params["region"] = self.f.region
        if period:
            params["opened_from"], params["opened_to"] = self.f.since, self.f.until
        params.update({k: v for k, v in extra.items() if v not in (None, "")})
        return f"{self.base}?{urlencode(params)}"


def _table(rows, drill: Drill, key: str) -> list[dict]:  # noqa: ANN001
    """Rows with their bar width and drill-down links; no links for desa (the inbox filters by kecamatan)."""
    top = max((r.received for r in rows), default=0) or 1
    out = []
    for r in rows:
        if not r.key or key == "desa":
            links = ("", "", "")
        elif key == "organisation":
            org = int(r.key)
            links = tuple(drill.url(organisation=org, status=s) for s in ("all", "closed", "open"))
        else:
            links = tuple(drill.url(status=s, **{key: r.key}) for s in ("all", "closed", "open"))
        out.append({"row": r, "links": links, "bar": round(100 * r.received / top)})
    return out


def _context(d: Dashboard, drill: Drill) -> dict:
    top = max((m.received for m in d.months), default=0) or 1
    months = [
        {
            "m": m,
            "bar": round(100 * m.received / top),
            "links": tuple(
                drill.url(status=s, period=False, opened_from=m.start, opened_to=m.end)
                for s in ("all", "closed", "open")
            ),
        }
        for m in d.months
    ]
    backlog = [
        {
            "b": b,
            "link": drill.url(status="open", period=False, opened_from=b.opened_from, opened_to=b.opened_to),
        }
        for b in d.backlog
    ]
    return {
        "d": d,
        "total_links": tuple(drill.url(status=s) for s in ("all", "closed", "open")),
        "months": months,
        "backlog": backlog,
        "tables": [
            ("kategori", _("Menurut kategori"), _table(d.by_category, drill, "category")),
            ("unit", _("Menurut unit"), _table(d.by_organisation, drill, "organisation")),
            ("kanal", _("Menurut kanal"), _table(d.by_channel, drill, "channel")),
            ("kecamatan", _("Menurut kecamatan"), _table(d.by_kecamatan, drill, "region")),
            ("desa", _("Menurut desa/kelurahan"), _table(d.by_desa, drill, "desa")),
        ],
    }


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    today = time.today()
    organisations = _organisation_choices(scope)
    form = DashboardFilterForm(
        request.GET,
        organisations=organisations,
        categories=[(c.slug, c.name) for c in Category.objects.filter(is_active=True)],
        regions=_region_choices(scope),
    )
    since, until = form.period(today)
    org = form.cleaned("organisation")
    f = FigureFilters(
        since=since,
        until=until,
        organisation=int(org) if org and org.isdigit() else None,
        category=form.cleaned("category") or "",
        region=form.cleaned("region") or "",
    )
    d = compute(scope, f, today=today)
    context = {
        "form": form,
        "since": since,
        "until": until,
        "scope_empty": scope.is_empty,
        **_context(d, Drill(scope, f)),
    }
    context.update(console_context(request))
    return render(request, "console/insights/dashboard.html", context)
