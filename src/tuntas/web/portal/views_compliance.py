"""Compliance results on the portal: the final results of each round whose results are public, by round.
Only final assessments appear; drafts, self-scores and reviewer notes never do."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tuntas.compliance import selectors


@require_GET
def results(request: HttpRequest) -> HttpResponse:
    rounds = []
    for round_ in selectors.public_rounds():
        bands = {b.code: b for b in round_.scheme.parsed.bands}
        rows = [(a, bands.get(a.review_band)) for a in selectors.public_results(round_)]
        rounds.append((round_, round_.scheme.parsed, rows))
    return render(request, "portal/compliance/results.html", {"rounds": rounds})
