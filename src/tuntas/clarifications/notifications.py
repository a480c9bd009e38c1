"""Staff emails about requests, written to the outbox inside the service's transaction.

The context holds plain values only (``notify_staff`` refuses model instances): the request's subject, kind,
organisations, deadline and console link. Never the question text, the answers or anything about the
reporter, because the receiver or a unit may be the organisation complained about.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from tuntas.clarifications.models import InfoRequest, Routing
from tuntas.complaints.models import Event
from tuntas.complaints.notifications import notify_staff_about
from tuntas.core.site import absolute_url
from tuntas.directory.models import Organisation


def request_context(request: InfoRequest, **extra: object) -> dict:
    return {
        "request": {
            "id": request.pk,
            "subject": request.subject,
            "kind": request.kind.name,
            "kind_en": request.kind.name_en or request.kind.name,
            "sender": request.sender_organisation.name,
            "receiver": request.receiver_organisation.name,
            "due_date": request.due_date,
            "status": str(request.get_status_display()),
            "url": absolute_url(reverse("console:clarification_detail", args=[request.pk])),
        },
        **extra,
    }


def tell(
    organisation: Organisation,
    key: str,
    request: InfoRequest,
    *,
    event: Event | None = None,
    routing: Routing | None = None,
    users: Iterable | None = None,
) -> int:
    extra: dict = {}
    if routing is not None:
        extra["routing"] = {"organisation": routing.organisation.name, "due_date": routing.due_date}
    sent = notify_staff_about(
        complaint=request.complaint,
        organisation=organisation,
        key=key,
        context=request_context(request, **extra),
        users=users,
        event=event,
    )
    return len(sent)
