"""Reads of the outbox for staff: who may review deliveries, and the messages that need a look."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, QuerySet, Subquery

from tuntas.complaints import access
from tuntas.core import clock as time
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Role, User
from tuntas.notify.models import DeliveryAttempt, OutboxMessage

# A message still pending this long after it was written is stuck (worker down, receiver failing).
STUCK_AFTER = dt.timedelta(hours=1)


def can_review_deliveries(user: User) -> bool:
    """Superusers and anyone with the admin role in an organisation."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_tuntas_delivery_reviewer", None)
    if cached is None:
        cached = memberships_of(user).filter(role=Role.ADMIN).exists()
        user._tuntas_delivery_reviewer = cached
    return cached


def deliveries_visible_to(user: User) -> QuerySet[OutboxMessage]:
    """Messages about complaints the user may see; a superuser sees all, those about no complaint too."""
    if not can_review_deliveries(user):
        return OutboxMessage.objects.none()
    if user.is_superuser:
        return OutboxMessage.objects.all()
    return OutboxMessage.objects.filter(complaint__in=access.visible_complaints(user))


def deliveries_for_review(user: User, *, now: dt.datetime | None = None) -> QuerySet[OutboxMessage]:
    """Failed messages and long-pending ones, newest first, each annotated with its ``last_error``."""
    stuck_before = (now or time.now()) - STUCK_AFTER
    last_error = (
        DeliveryAttempt.objects.filter(message=OuterRef("pk"), ok=False).order_by("-id").values("error")[:1]
    )
    return (
        deliveries_visible_to(user)
        .filter(
            Q(status=OutboxMessage.Status.FAILED)
            | Q(status=OutboxMessage.Status.PENDING, created_at__lte=stuck_before)
        )
        .annotate(last_error=Subquery(last_error))
        .select_related("complaint")
        .order_by("-created_at", "-id")
    )
