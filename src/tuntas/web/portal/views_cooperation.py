"""Cooperation on the portal: the public summary of each agreement (parties, validity, focus areas and their
progress) and the capacity building held under it (counts per kind and year, organisations reached). No
personal names."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tuntas.cooperation import selectors
from tuntas.core import clock


@require_GET
def cooperation(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    summaries = selectors.public_summaries(today)
    rows = [(s, s.agreement.effective_status(today)) for s in summaries]
    return render(request, "portal/cooperation/index.html", {"rows": rows})
