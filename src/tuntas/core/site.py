"""Absolute links for what leaves the site (emails, SMS, webhooks): ``absolute_url(path)``.

The site's address is ``TUNTAS_SITE_URL`` when it is configured (production should: the doctor and the
start-up check say so). Without it, a message written while serving a request takes the address the request
came in on (its scheme and host, already checked against ALLOWED_HOSTS), so a demo or a fresh install still
mails links a person can open. A message written with no request about (the worker's SLA tick) keeps the
bare path: there is no honest way to know the address then, which is why production must configure it.

``ops.middleware.RequestMiddleware`` sets the current request for the length of each request.
"""

from __future__ import annotations

import contextvars
import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest

log = logging.getLogger(__name__)

current_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "tuntas_current_request", default=None
)


def base_url() -> str:
    """The site's address without the trailing slash, or "" when neither the setting nor a request says."""
    configured = (getattr(settings, "TUNTAS_SITE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    request = current_request.get()
    if request is None:
        return ""
    try:
        return request.build_absolute_uri("/").rstrip("/")
    except DisallowedHost:  # the request itself is refused by Django; its links are not worth building
        return ""


def absolute_url(path: str) -> str:
    """``path`` (starting with "/") on the site's address; the bare path when the address is unknown."""
    return base_url() + path
