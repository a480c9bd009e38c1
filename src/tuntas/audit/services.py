"""Writing the audit log. ``audit_record`` is called by the receivers (sign-in, reveals, roles) and by the
features that export data; it writes in the caller's transaction, so a rolled-back export leaves no row."""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from tuntas.audit.models import AuditEntry
from tuntas.core import clock as time

# The user and address of the request being served, for changes made through the admin (role changes
# arrive as model signals, which know nothing of the request).
_request: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar("audit_request", default=None)


def _ip(request: HttpRequest | None) -> str | None:
    return (request.META.get("REMOTE_ADDR") or None) if request is not None else None


def audit_record(
    action: str,
    *,
    actor=None,  # noqa: ANN001 - a User, or None for the request's user
    actor_name: str = "",
    request: HttpRequest | None = None,
    organisation=None,  # noqa: ANN001
    target: str = "",
    detail: dict | None = None,
) -> AuditEntry:
    request = request or _request.get()
    if (
        actor is None
        and not actor_name
        and request is not None
        and getattr(request, "user", None) is not None
    ):
        actor = request.user if request.user.is_authenticated else None
    name = actor_name or (
        getattr(actor, "display_name", "") or getattr(actor, "username", "") if actor else ""
    )
    return AuditEntry.objects.create(
        created_at=time.now(),
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=name[:200],
        organisation=organisation,
        target=target[:200],
        ip=_ip(request),
        detail=detail or {},
    )


class AuditRequestMiddleware:
    """Makes the current request known to ``audit_record`` (after AuthenticationMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
