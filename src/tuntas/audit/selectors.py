"""Reading the audit log: who may, and which rows each sees."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.audit.models import AuditEntry
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Role, User


def can_view_audit(user: User) -> bool:
    """Superusers, the admins of any organisation, and the members of an internal oversight body (the
    Inspektorat): the people who answer for how staff use their access."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        memberships_of(user)
        .filter(
            Q(role=Role.ADMIN)
            | Q(organisation__kind__oversight_rank__gt=0, organisation__kind__is_external_oversight=False)
        )
        .exists()
    )


def audit_entries(organisation_ids: frozenset[int] | None, *, action: str = "", who: str = "") -> QuerySet:
    """Rows about the given organisations (``None``: every row): what happened in one of them, or what a
    member of one of them did (sign-ins included)."""
    rows = AuditEntry.objects.select_related("organisation")
    if organisation_ids is not None:
        members = Q(actor__memberships__organisation_id__in=organisation_ids)
        rows = rows.filter(Q(organisation_id__in=organisation_ids) | members).distinct()
    if action:
        rows = rows.filter(action=action)
    if who:
        rows = rows.filter(Q(actor_name__icontains=who) | Q(target__icontains=who))
    return rows.order_by("-created_at", "-id")
