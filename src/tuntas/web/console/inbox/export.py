"""Download the filtered inbox as CSV or XLSX: the same querystring, the same rows as every page of the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuntas.audit.models import AuditEntry
from tuntas.audit.services import audit_record
from tuntas.core import clock
from tuntas.insights import export
from tuntas.web.console.inbox.views import inbox_list, query_without_page

FORMATS: dict[str, tuple[str, Callable[[Sequence[export.Row]], bytes]]] = {
    "csv": ("text/csv; charset=utf-8", export.write_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.write_xlsx),
}


def _download(request: HttpRequest, fmt: str) -> HttpResponse:
    listed = inbox_list(request)
    table = export.inbox_rows(request.user, listed.handlings, limit=export.EXPORT_LIMIT)
    query = query_without_page(request)
    if table is None:
        messages.warning(
            request,
            _(
                "Daftar ini terlalu panjang untuk diunduh sekaligus (lebih dari %(limit)s baris). "
                "Persempit saringan, misalnya menurut tahap, kategori atau kecamatan, lalu unduh lagi."
            )
            % {"limit": f"{export.EXPORT_LIMIT:,}".replace(",", ".")},
        )
        return redirect(reverse("console:inbox") + (f"?{query}" if query else ""))
    content_type, write = FORMATS[fmt]
    filename = f"tuntas-kotak-masuk-{clock.today().isoformat()}.{fmt}"
    orgs = listed.organisations
    organisation = next((o for o in orgs if o.pk == listed.filters.organisation), None)
    audit_record(
        AuditEntry.Action.EXPORT,
        request=request,
        organisation=organisation or (orgs[0] if len(orgs) == 1 else None),
        target=filename,
        detail={"list": "inbox", "format": fmt, "rows": len(table), "query": query},
    )
    response = HttpResponse(write(table), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def inbox_csv(request: HttpRequest) -> HttpResponse:
    return _download(request, "csv")


@login_required
@require_GET
def inbox_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, "xlsx")
