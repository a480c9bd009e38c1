"""The error pages (400, 403, 404, 429, 500 and a failed CSRF check), each in the look of the part of the site
that was asked for, in the viewer's language, with the status kept:

- ``/api/``: the API's error body ``{"code", "message", "errors"}`` (as ``api/api.py`` answers);
- ``/open311/``: Open311's list of ``{"code", "description"}``, JSON or XML by the path's extension;
- ``/console/``: a page in the console's layout (its menu for a signed-in user, a sign-in link otherwise);
- anything else: a page in the portal's layout.

The server error keeps ``tuntas.ops.views.server_error`` as its fallback, for when a layout is what broke.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from tuntas.interop.views import errors as open311_errors
from tuntas.ops import views as ops_views
from tuntas.web.shortcuts import render_console

API, OPEN311, CONSOLE, PORTAL = "api", "open311", "console", "portal"


def surface(request: HttpRequest) -> str:
    """Which part of the site ``request`` asked: API, OPEN311, CONSOLE or PORTAL."""
    path = request.path
    if path.startswith("/api/"):
        return API
    if path.startswith("/open311/"):
        return OPEN311
    if path.startswith("/console/"):
        return CONSOLE
    return PORTAL


def error_response(
    request: HttpRequest,
    status: int,
    *,
    code: str,
    title: str,
    message: str,
    machine: str = "",
    detail: str = "",
    retry_url: str = "",
) -> HttpResponse:
    """The answer for an error of ``status``. The API and Open311 get ``code`` and ``machine`` (else
    ``title``); a page shows ``title``, ``message``, an optional ``detail`` (the refusal's own sentence) and,
    with ``retry_url``, a way back to the form."""
    kind = surface(request)
    if kind == API:
        return JsonResponse(
            {"code": code, "message": detail or machine or title, "errors": {}},
            status=status,
            json_dumps_params={"ensure_ascii": False},
        )
    if kind == OPEN311:
        fmt = "xml" if request.path.endswith(".xml") else "json"
        return open311_errors(fmt, [(status, detail or machine or title)], status)
    context = {"title": title, "message": message, "detail": detail, "status": status, "retry_url": retry_url}
    # A request refused before the authentication middleware ran (a bad Host header) has no user yet.
    if kind == CONSOLE and hasattr(request, "user"):
        return render_console(request, "console/error.html", context, status=status)
    template = "console/error.html" if kind == CONSOLE else "web/error.html"
    return render(request, template, context, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_response(
        request,
        400,
        code="bad_request",
        title=_("Permintaan tidak dapat diproses"),
        message=_("Alamat atau isian yang dikirim tidak dapat kami baca. Periksa alamatnya, lalu coba lagi."),
    )


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The refusal's sentence comes from our services (NotPermitted) or is empty; Django's own carry none.
    detail = str(exception) if exception is not None and exception.args else ""
    user = getattr(request, "user", None)
    if surface(request) == CONSOLE and user is not None and user.is_authenticated:
        title = _("Akun Anda tidak memiliki peran untuk halaman ini")
        message = _(
            "Halaman ini hanya untuk peran tertentu. Bila pekerjaan Anda memerlukannya, minta admin unit "
            "Anda (atau admin sistem) menambahkan peran itu pada akun Anda."
        )
    else:
        title = _("Akses ditolak")
        message = _("Anda tidak berhak membuka halaman ini.")
    return error_response(
        request,
        403,
        code="not_permitted",
        title=title,
        message=message,
        machine=_("Anda tidak berhak melakukan ini."),
        detail=detail,
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if surface(request) == CONSOLE:
        message = _(
            "Alamatnya mungkin salah, atau data itu sudah tidak ada atau tidak termasuk yang boleh Anda lihat."
        )
    else:
        message = _("Halaman yang Anda cari tidak ada atau Anda tidak berhak melihatnya.")
    return error_response(
        request,
        404,
        code="not_found",
        title=_("Halaman tidak ditemukan"),
        message=message,
        machine=_("Tidak ditemukan."),
    )


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return error_response(
        request,
        429,
        code="rate_limited",
        title=_("Terlalu banyak permintaan"),
        message=_("Terlalu banyak permintaan dari alamat Anda. Coba lagi beberapa saat lagi."),
        machine=_("Terlalu banyak permintaan. Coba lagi beberapa saat lagi."),
    )


def _same_site_referer(request: HttpRequest) -> str:
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: almost always a form left open past its session, or cookies blocked."""
    return error_response(
        request,
        403,
        code="csrf_failed",
        title=_("Formulir sudah kedaluwarsa"),
        message=_(
            "Formulir ini dibuka terlalu lama atau sesi Anda sudah berakhir, jadi kiriman Anda belum diterima. "
            "Muat ulang halaman formulir, lalu kirim lagi. Bila terus terjadi, pastikan peramban Anda "
            "mengizinkan cookie untuk situs ini."
        ),
        machine=_("Token CSRF tidak ada atau tidak berlaku. Muat ulang, lalu coba lagi."),
        retry_url=_same_site_referer(request),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the API's and Open311's error bodies; the console's look for the console while its layout
    still renders; otherwise ``ops.views.server_error``, whose fallback serves when a layout itself broke."""
    kind = surface(request)
    if kind == PORTAL:
        return ops_views.server_error(request)
    try:
        return error_response(
            request,
            500,
            code="server_error",
            title=_("Terjadi kesalahan di server"),
            message=_(
                "Maaf, permintaan Anda tidak dapat diproses. Kesalahan ini sudah tercatat; silakan coba lagi "
                "beberapa saat lagi."
            ),
            machine=_("Terjadi kesalahan pada server."),
        )
    except Exception:  # noqa: BLE001 - the console's menu reads the database, which may be what broke
        return ops_views.server_error(request)
