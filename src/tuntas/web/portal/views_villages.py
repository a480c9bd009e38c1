"""Desa Anti-Maladministrasi on the portal: each public programme with its counts by stage and its designated
villages, and each designated village's certificate (PDF)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from tuntas.core.errors import NotFound
from tuntas.villages import selectors
from tuntas.villages.certificate import certificate_pdf


@require_GET
def programmes(request: HttpRequest) -> HttpResponse:
    found = list(selectors.public_programmes())
    if len(found) == 1:
        return redirect("portal:village_programme", slug=found[0].slug)
    return render(request, "portal/villages/index.html", {"programmes": found})


@require_GET
def programme(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        found = selectors.public_programme(slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    designated = list(selectors.designated(found))
    counts = selectors.stage_counts(found)
    context = {
        "programme": found,
        "designated": designated,
        "counts": counts,
        "total": sum(n for _s, _l, n in counts),
    }
    return render(request, "portal/villages/programme.html", context)


@require_GET
def certificate(request: HttpRequest, slug: str, village_slug: str) -> HttpResponse:
    try:
        participation = selectors.public_certificate(slug, village_slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    response = HttpResponse(certificate_pdf(participation), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sertifikat-dam-{participation.village.slug}.pdf"'
    return response
