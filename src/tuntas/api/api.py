"""The REST API: one NinjaAPI, versioned under /api/v1, and the one place errors become HTTP responses.

Every error has the same body: ``{"code": ..., "message": ..., "errors": {field: message}}``.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.operation import Operation
from ninja.parser import Parser

from tuntas.api import clarifications, public, staff
from tuntas.api.docs import LocalSwagger
from tuntas.core.errors import DomainError

logger = logging.getLogger(__name__)


class TuntasAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # "track", "handling_transition": the view's name, which is unique across our routers.
        return operation.view_func.__name__


def _nul_at(value: object, path: tuple = ()) -> tuple | None:
    """The path of the first text (key or value) holding a NUL character, which no database text column can
    store (PostgreSQL refuses it outright); None when there is none."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for k, v in value.items():
            found = _nul_at(k, (*path, k)) or _nul_at(v, (*path, k))
            if found is not None:
                return found
    if isinstance(value, list):
        for i, v in enumerate(value):
            found = _nul_at(v, (*path, i))
            if found is not None:
                return found
    return None


class TextParser(Parser):
    """ninja's JSON and query parsing, refusing a NUL character anywhere with a 422 naming the field."""

    @staticmethod
    def _refuse_nul(data: dict, source: str) -> dict:
        at = _nul_at(data)
        if at is not None:
            raise ValidationError([{"loc": (source, *at), "msg": _("Teks tidak boleh memuat karakter NUL.")}])
        return data

    def parse_body(self, request: HttpRequest) -> dict:
        return self._refuse_nul(super().parse_body(request), "body")

    def parse_querydict(self, data, list_fields, request):  # noqa: ANN001, ANN201
        return self._refuse_nul(super().parse_querydict(data, list_fields, request), "query")


api = TuntasAPI(
    title="Tuntas API",
    version="1",
    description=(
        "Pengaduan pelayanan publik: pengajuan dan pelacakan oleh warga (tanpa akun), serta penanganan oleh "
        "petugas (token `Authorization: Bearer tok_...`). Semua galat berbentuk "
        '`{"code", "message", "errors"}`.'
    ),
    urls_namespace="api",
    docs_url="/docs",
    docs=LocalSwagger(),
    openapi_url="/openapi.json",
    parser=TextParser(),
)
api.add_router("", public.router)
api.add_router("", staff.router)
api.add_router("", clarifications.router)

# Status -> code for errors ninja raises itself (HttpError and friends).
HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "not_permitted",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "rate_limited",
}


def error_response(
    request: HttpRequest, status: int, code: str, message: str, errors: dict[str, str] | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": str(message), "errors": errors or {}}, status=status
    )


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return error_response(
        request, exc.status, exc.code, exc.message, {k: str(v) for k, v in exc.errors.items()}
    )


# Where ninja puts a parameter: dropped from the field path along with the endpoint's own parameter name.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}
_PARAM_NAMES = {"payload", "filters"}


def _field_path(loc: tuple | list) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    if parts and parts[0] in _PARAM_NAMES:
        parts = parts[1:]
    return ".".join(parts) or "__all__"


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, str] = {}
    for e in exc.errors:
        errors.setdefault(_field_path(e.get("loc", ())), str(e.get("msg", "")))
    return error_response(request, 422, "invalid_input", _("Periksa kembali isian yang ditandai."), errors)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = error_response(
        request, 401, "unauthenticated", _("Masuk dulu, atau kirim token API yang berlaku (Bearer).")
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Throttled)
@api.exception_handler(Ratelimited)
def _rate_limited(request: HttpRequest, exc: Exception) -> HttpResponse:
    return error_response(
        request, 429, "rate_limited", _("Terlalu banyak permintaan. Coba lagi beberapa saat lagi.")
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, ValidationError):  # TextParser's refusal, wrapped by ninja's body reading
        return _validation_error(request, exc.__cause__)
    return error_response(request, exc.status_code, HTTP_CODES.get(exc.status_code, "error"), exc.message)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", _("Tidak ditemukan."))


@api.exception_handler(PermissionDenied)
def _permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "not_permitted", _("Anda tidak berhak melakukan ini."))


@api.exception_handler(RequestDataTooBig)
def _too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    return error_response(
        request, 413, "too_large", _("Permintaan terlalu besar (maksimal %(mb)s MB).") % {"mb": mb}
    )


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("api error on %s %s", request.method, request.path)
    return error_response(request, 500, "server_error", _("Terjadi kesalahan pada server."))
