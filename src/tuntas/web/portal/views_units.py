"""Public pages of the organisations ("Profil unit"): the directory and each unit's page with its services,
maklumat, hours, contacts, complaint channel and figures. Every page is public; nothing names a reporter."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from tuntas.complaints.figures import organisation_figures, period_start
from tuntas.directory.models import Organisation, OrganisationKind
from tuntas.standards.selectors import published_standards
from tuntas.surveys.selectors import ikm_for_organisation
from tuntas.villages.selectors import village_status

PAGE_SIZE = 40


def _units(q: str, kind: str):  # noqa: ANN202
    qs = Organisation.objects.filter(is_active=True).select_related("kind", "parent", "region")
    if kind:
        qs = qs.filter(kind_id=kind)
    for word in q.split():
        qs = qs.filter(
            Q(name__icontains=word) | Q(short_name__icontains=word) | Q(region__name__icontains=word)
        )
    return qs.order_by("kind__sort", "name")


@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    q = " ".join(request.GET.get("q", "").split())[:100]
    kinds = list(OrganisationKind.objects.filter(organisations__is_active=True).distinct())
    kind = request.GET.get("jenis", "")
    if kind not in {k.slug for k in kinds}:
        kind = ""
    page = Paginator(_units(q, kind), PAGE_SIZE).get_page(request.GET.get("hal"))
    query = {k: v for k, v in (("q", q), ("jenis", kind)) if v}
    return render(
        request,
        "portal/units/list.html",
        {"q": q, "kinds": kinds, "kind": kind, "page": page, "query": urlencode(query)},
    )


def report_link(org: Organisation) -> str:
    """ "Lapor ke unit ini": filed at the unit itself when it runs a complaint desk (a desa with its own
    SOP, an OPD that takes complaints), else filed with the coordinator naming the unit as terlapor."""
    params = {"unit": org.slug} if org.accepts_complaints else {"instansi": org.slug}
    return f"{reverse('portal:submit')}?{urlencode(params)}"


@require_GET
def unit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(
        Organisation.objects.select_related("kind", "parent", "region"), slug=slug, is_active=True
    )
    standards = published_standards().filter(service__organisation=org).select_related("service")
    context = {
        "org": org,
        "standards": list(standards.order_by("service__sort", "service__name")),
        "figures": organisation_figures(org),
        "ikm": ikm_for_organisation(org, start=period_start()),
        "dam": village_status(org) if org.kind.village_type == OrganisationKind.Village.DESA else None,
        "report_url": report_link(org),
        "children": org.children.filter(is_active=True).order_by("name")[:60],
    }
    return render(request, "portal/units/detail.html", context)
