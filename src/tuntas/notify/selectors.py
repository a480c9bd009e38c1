"""Reads of the outbox for staff: who may review deliveries, and which messages need a look.

Which messages a reviewer may see depends on what they are about; that scoping lives with the subject
(``complaints/notifications.py`` for messages about complaints) and hands its queryset to ``needing_review``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, QuerySet, Subquery

from tuntas.core import clock as time
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Role, User
from tuntas.notify.models import DeliveryAttempt, OutboxMessage

# A message still pending this long after it was written is stuck (worker down, receiver failing).
STUCK_AFTER = dt.timedelta(hours=1)


def can_review_deliveries(user: User) -> bool:
    """Superusers and anyone with the admin role in an (active) organisation."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_tuntas_delivery_reviewer", None)
    if cached is None:
        cached = memberships_of(user).filter(role=Role.ADMIN).exists()
        user._tuntas_delivery_reviewer = cached
    return cached


def needing_review(
    messages: QuerySet[OutboxMessage], *, now: dt.datetime | None = None
) -> QuerySet[OutboxMessage]:
    """The failed and long-pending ones of ``messages``, newest first, each annotated with its ``last_error``."""
    stuck_before = (now or time.now()) - STUCK_AFTER
    last_error = (
        DeliveryAttempt.objects.filter(message=OuterRef("pk"), ok=False).order_by("-id").values("error")[:1]
    )
    return (
        messages.filter(
            Q(status=OutboxMessage.Status.FAILED)
            | Q(status=OutboxMessage.Status.PENDING, created_at__lte=stuck_before)
        )
        .annotate(last_error=Subquery(last_error))
        .order_by("-created_at", "-id")
    )
