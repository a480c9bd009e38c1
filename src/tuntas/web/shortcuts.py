"""Small helpers the portal and the console share: the active language, a domain lookup as a 404, a console
page, the POST rate limit and a private download. Domain errors raised inside a view become responses in one
place, ``tuntas.web.domain_errors``; these helpers are for the cases where a view decides itself."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.module_loading import import_string
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from tuntas.core.errors import NotFound
from tuntas.core.i18n import english

T = TypeVar("T")


def sop_text(indonesian: str, english_text: str) -> str:
    """SOP texts come in Indonesian with an optional English twin."""
    return (english_text or indonesian) if english() else indonesian


def or_404(fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)`` (a selector's ``..._for`` lookup), with its NotFound as a 404 carrying the same message."""
    try:
        return fn(*args)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def render_console(
    request: HttpRequest, template: str, context: dict, status: int = 200, *, vary_htmx: bool = False
) -> HttpResponse:
    """A console page with the navigation context; no cache keeps it (drafts and working data are not
    public). ``vary_htmx`` for pages that answer an htmx request with a fragment at the same URL."""
    from tuntas.web.console.common import console_context  # the console's navigation, not the portal's

    response = render(request, template, {**console_context(request), **context}, status=status)
    add_never_cache_headers(response)
    if vary_htmx:
        patch_vary_headers(response, ["HX-Request"])
    return response


def rate_limited(
    setting: str, default: str | None = None, *, method: str = "POST"
) -> Callable[[Callable], Callable]:
    """Limit POSTs (or requests of ``method``, e.g. "GET" for a public download) per client address to the rate in ``settings.<setting>`` (``default`` when it is unset),
    read at request time so a test or a deployment can change it; answers 429 with RATELIMIT_VIEW even
    without the ratelimit middleware."""

    def rate(group: str, request: HttpRequest) -> str:
        return getattr(settings, setting) if default is None else getattr(settings, setting, default)

    def decorator(view: Callable) -> Callable:
        limited = ratelimit(key="ip", rate=rate, method=method, block=True)(view)

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
            try:
                return limited(request, *args, **kwargs)
            except Ratelimited as exc:
                return import_string(settings.RATELIMIT_VIEW)(request, exc)

        return wrapper

    return decorator


def private_download(row, *, missing: str) -> FileResponse:  # noqa: ANN001 - any row with a stored file
    """A stored upload (``file``, ``original_name``, ``content_type``) as a download that no cache keeps;
    the caller has checked that the user may see it. A file gone from storage is a 404 saying ``missing``."""
    try:
        handle = row.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(missing) from exc
    response = FileResponse(
        handle, as_attachment=True, filename=row.original_name, content_type=row.content_type
    )
    add_never_cache_headers(response)
    return response


def is_htmx(request: HttpRequest, target: str | None = None) -> bool:
    """An htmx request for a fragment (not a history restore, which needs the whole page)."""
    if request.headers.get("HX-Request") != "true" or request.headers.get("HX-History-Restore-Request"):
        return False
    return target is None or request.headers.get("HX-Target") == target
