"""Who may do what with service standards: admin, pimpinan and petugas of the service's organisation draft;
only pimpinan and admin publish. A superuser acts as admin everywhere (directory.access.roles_in)."""

from __future__ import annotations

from django.db.models import QuerySet

from tuntas.directory.access import memberships_of, roles_in
from tuntas.directory.models import Organisation, Role, User

DRAFTING_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.PETUGAS})
PUBLISHING_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN})


def sees(user: User, organisation_id: int) -> bool:
    """Members of the organisation (any role) see its drafts; nobody else does."""
    return bool(roles_in(user, organisation_id))


def can_draft(user: User, organisation_id: int) -> bool:
    return bool(roles_in(user, organisation_id) & DRAFTING_ROLES)


def can_publish(user: User, organisation_id: int) -> bool:
    return bool(roles_in(user, organisation_id) & PUBLISHING_ROLES)


def drafting_organisations(user: User) -> QuerySet[Organisation]:
    """Active organisations where the user may register services and draft standards."""
    qs = Organisation.objects.filter(is_active=True)
    if not user.is_superuser:
        ids = memberships_of(user).filter(role__in=DRAFTING_ROLES).values_list("organisation_id", flat=True)
        qs = qs.filter(pk__in=list(ids))
    return qs.order_by("name")
