"""The audit log for the Inspektorat, admins and superusers: sign-ins, failed sign-ins, identity reveals,
exports and role changes of the staff of the organisations in the viewer's scope (the same scope as the
figures: a unit and those under it; the Inspektorat its regency)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from tuntas.audit.models import AuditEntry
from tuntas.audit.selectors import audit_entries, can_view_audit
from tuntas.insights.scope import scope_for
from tuntas.web.console.common import console_context

PAGE_SIZE = 50


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_view_audit(request.user):
        raise PermissionDenied
    action = request.GET.get("tindakan", "")
    if action not in AuditEntry.Action.values:
        action = ""
    who = request.GET.get("cari", "").strip()[:100]
    scope = scope_for(request.user)
    rows = audit_entries(scope.organisation_ids, action=action, who=who)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode([(k, v) for k, v in (("tindakan", action), ("cari", who)) if v])
    context = {
        "page": page,
        "actions": AuditEntry.Action.choices,
        "action": action,
        "who": who,
        "query": query,
        **console_context(request),
    }
    response = render(request, "console/audit/list.html", context)
    add_never_cache_headers(response)
    return response
