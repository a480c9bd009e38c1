"""``{% load ops_console %}{% worker_banner %}``: the console's warning that the background worker is silent;
``{% calendar_banner %}``: that a year's holidays are not confirmed by an SKB yet.

Shown to those who can act on it (superusers, and members with the admin or koordinator role); others
would only be alarmed. One query on the heartbeat row per console page for them (none for everybody else), the outbox figures
only when the banner shows.
"""

from __future__ import annotations

from django import template

from tuntas.core import clock as time
from tuntas.core.holidays_sync import years_to_warn_about
from tuntas.directory import access
from tuntas.directory.models import Role
from tuntas.ops.heartbeat import WORKER, silent_after, worker_status
from tuntas.ops.models import Heartbeat

register = template.Library()


def sees_worker_status(user, organisations=None) -> bool:  # noqa: ANN001
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    wanted = {Role.ADMIN, Role.KOORDINATOR}
    if organisations is not None:  # the console's navigation already loaded the user's roles
        return any(wanted & m.role_codes for m in organisations)
    return access.memberships_of(user).filter(role__in=wanted).exists()


@register.inclusion_tag("ops/calendar_banner.html", takes_context=True)
def calendar_banner(context: template.Context) -> dict:
    """Years whose holidays no SKB confirms yet (core.holidays_sync.years_to_warn_about), for the same people
    as the worker banner: their deadlines may move when the decree is loaded."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not sees_worker_status(user, context.get("console_organisations")):
        return {"years": []}
    return {"years": years_to_warn_about(), "can_edit": user.is_staff or user.is_superuser}


@register.inclusion_tag("ops/worker_banner.html", takes_context=True)
def worker_banner(context: template.Context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not sees_worker_status(user, context.get("console_organisations")):
        return {"show": False}
    # One query while the worker beats; the outbox figures only when the banner shows.
    last_seen = Heartbeat.objects.filter(name=WORKER).values_list("seen_at", flat=True).first()
    if last_seen is not None and time.now() - last_seen <= silent_after():
        return {"show": False}
    status = worker_status()
    return {"show": status.silent, "status": status}
