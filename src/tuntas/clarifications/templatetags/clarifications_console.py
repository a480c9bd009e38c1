"""The complaint page's clarification panel: requests on this complaint the user may see, and whether the
user may start one. A tag so the complaint page only needs one include line."""

from __future__ import annotations

from django import template

from tuntas.clarifications import access, selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def clarification_panel(context: template.Context, complaint) -> dict:  # noqa: ANN001
    user = context["request"].user
    window = selectors.due_window()
    requests = [(r, selectors.request_flag(r, window)) for r in selectors.complaint_requests(user, complaint)]
    return {"requests": requests, "can_create": bool(access.sending_organisations(user, complaint))}
