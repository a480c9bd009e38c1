"""The one place timeline rows are written (insert-only)."""

from __future__ import annotations

from tuntas.complaints.hooks import complaint_changed, event_added
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core import clock as time


def event_add(
    *,
    complaint: Complaint,
    kind: str,
    handling: Handling | None = None,
    actor=None,  # noqa: ANN001 - a User or None
    actor_kind: str = "",
    visibility: str = Event.Visibility.INTERNAL,
    message: str = "",
    payload: dict | None = None,
) -> Event:
    event = Event.objects.create(
        complaint=complaint,
        handling=handling,
        kind=kind,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_kind=actor_kind,
        visibility=visibility,
        message=message,
        payload=payload or {},
        created_at=time.now(),
    )
    complaint_changed(complaint)  # the search index, in this same transaction
    event_added(event)  # webhook payloads, in this same transaction
    return event
