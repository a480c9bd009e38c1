"""One middleware around every request: a request id, timing, the request's metrics and its log line."""

from __future__ import annotations

import time

from django.http import HttpRequest, HttpResponse

from tuntas.ops import metrics


def view_name(request: HttpRequest) -> str:
    """The URL name (``console:inbox``): low cardinality, unlike paths with tracking codes in them."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unmatched>"
    return match.view_name or "<unnamed>"


class RequestMiddleware:
    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        metrics.observe_request(view_name(request), request.method or "", response.status_code, seconds)
        return response
