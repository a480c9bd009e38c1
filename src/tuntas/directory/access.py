"""Who belongs where with which role: a user's active memberships, the organisations they work in and their
roles in one of them. Every app's access rules (complaints, clarifications, standards, surveys, compliance,
villages, cooperation) start from these; what a role may do there is each app's own rule.

Only active memberships in active organisations count. A superuser acts as admin everywhere (``roles_in``)
but belongs to no organisation through that.
"""

from __future__ import annotations

from django.db.models import QuerySet

from tuntas.directory.models import Membership, Role, User

# Everyone who works in an organisation, as opposed to a viewer (pemantau), who only reads.
WORKING_ROLES = frozenset(set(Role.values) - {Role.VIEWER})


def memberships_of(user: User) -> QuerySet[Membership]:
    """The user's active memberships in active organisations (none for an anonymous user)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, is_active=True, organisation__is_active=True)


def organisation_ids_of(user: User) -> set[int]:
    """The ids of the organisations the user is an active member of, cached on the user object: pages ask
    this several times per request and a membership change takes effect on the next request."""
    cache = getattr(user, "_tuntas_org_ids", None)
    if cache is None:
        cache = set(memberships_of(user).values_list("organisation_id", flat=True))
        user._tuntas_org_ids = cache
    return cache


def roles_in(user: User, organisation_id: int) -> set[str]:
    """The user's roles in one organisation. A superuser acts as admin everywhere."""
    if not user.is_authenticated:
        return set()
    roles = set(memberships_of(user).filter(organisation_id=organisation_id).values_list("role", flat=True))
    if user.is_superuser:
        roles.add(Role.ADMIN)
    return roles
