"""One middleware around every request: a request id, timing, the request's metrics and its log line."""

from __future__ import annotations

import logging
import re
import time
import uuid

import sentry_sdk
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from tuntas.core import site
from tuntas.ops import logs, metrics

logger = logging.getLogger("tuntas.request")
# nginx passes its $request_id (32 hex characters); anything else from outside is replaced, not trusted.
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def view_name(request: HttpRequest) -> str:
    """The URL name (``console:inbox``): low cardinality, unlike paths with tracking codes in them."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unmatched>"
    return match.view_name or "<unnamed>"


def new_request_id(incoming: str = "") -> str:
    return incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex


class RequestMiddleware:
    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = new_request_id(request.headers.get("X-Request-ID", ""))
        request.request_id = rid
        if settings.TUNTAS_SENTRY_DSN:
            sentry_sdk.get_isolation_scope().set_tag("request_id", rid)
        rid_token = logs.request_id.set(rid)
        user_token = logs.user_id.set(None)
        request_token = site.current_request.set(request)  # absolute links without TUNTAS_SITE_URL
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            view = view_name(request)
            user = getattr(request, "user", None)
            uid = user.pk if user is not None and user.is_authenticated else None
            metrics.observe_request(view, request.method or "", response.status_code, seconds)
            response["X-Request-ID"] = rid
            response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
            # The path, never the query string (tokens, search terms); ids, never names.
            logger.log(
                logging.WARNING if response.status_code >= 500 else logging.INFO,
                "%s %s %s %dms",
                request.method,
                request.path,
                response.status_code,
                seconds * 1000,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "view": view,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                    "user_id": uid,
                },
            )
            return response
        finally:
            logs.request_id.reset(rid_token)
            logs.user_id.reset(user_token)
            site.current_request.reset(request_token)
