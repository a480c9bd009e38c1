"""``{% load ops_console %}{% worker_banner %}``: the console's warning that the background worker is silent.

Shown to those who can act on it (superusers, and members with the admin or koordinator role); others
would only be alarmed. One small indexed query per console page for them, none for everybody else.
"""

from __future__ import annotations

from django import template

from tuntas.complaints import access
from tuntas.directory.models import Role
from tuntas.ops.heartbeat import worker_status

register = template.Library()


def sees_worker_status(user) -> bool:  # noqa: ANN001
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return access.memberships_of(user).filter(role__in=[Role.ADMIN, Role.KOORDINATOR]).exists()


@register.inclusion_tag("ops/worker_banner.html", takes_context=True)
def worker_banner(context: template.Context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not sees_worker_status(user):
        return {"show": False}
    status = worker_status()
    return {"show": status.silent, "status": status}
