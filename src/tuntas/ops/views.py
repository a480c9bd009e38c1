"""The server error page (handler500), with the request id a citizen can quote to the help desk."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.html import escape
from django.utils.translation import gettext as _


def server_error(request: HttpRequest) -> HttpResponse:
    rid = getattr(request, "request_id", "")
    try:
        # The site's layout; it may itself be what broke (a template or database error), hence the fallback.
        body = loader.render_to_string("ops/500.html", {"request_id": rid}, request=request)
    except Exception:
        title, label = escape(_("Terjadi kesalahan di server")), escape(_("Kode permintaan:"))
        body = f"<!doctype html><title>500</title><h1>{title}</h1><p>{label} <code>{escape(rid)}</code></p>"
    return HttpResponseServerError(body)
