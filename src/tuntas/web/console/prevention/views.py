"""The console's "Pencegahan" page: one entry to the prevention programmes (service standards, satisfaction
surveys, compliance self-assessment, Desa Anti-Maladministrasi, cooperation and training). Each page behind
it checks its own permissions; this one only links."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tuntas.web.console.common import console_context


@login_required
@require_GET
def prevention(request: HttpRequest) -> HttpResponse:
    return render(request, "console/prevention.html", console_context(request))
