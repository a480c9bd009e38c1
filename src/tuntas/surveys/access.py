"""Who may do what with satisfaction surveys: admin, pimpinan and petugas of the organisation open and close
its survey periods (the roles that draft its service standards); any member of the organisation reads its
results in the console. A superuser acts as admin everywhere (directory.access.roles_in). Answering a
survey needs no account, and the published results are public."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.directory.access import memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, User
from tuntas.standards.access import DRAFTING_ROLES

MANAGING_ROLES = DRAFTING_ROLES


def sees(user: User, organisation_id: int) -> bool:
    return bool(roles_in(user, organisation_id))


def can_manage(user: User, organisation_id: int) -> bool:
    return bool(roles_in(user, organisation_id) & MANAGING_ROLES)


def managing_organisation_ids(user: User) -> set[int]:
    ids = memberships_of(user).filter(role__in=MANAGING_ROLES).values_list("organisation_id", flat=True)
    return set(ids)


def staff_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations whose surveys the user sees in the console: their own; a superuser also every one with
    a registered service or a survey (not the hundreds of villages without either)."""
    mine = Q(pk__in=list(organisation_ids_of(user)))
    if user.is_superuser:
        from tuntas.standards.models import Service
        from tuntas.surveys.models import Survey

        mine |= Q(pk__in=Service.objects.values("organisation_id")) | Q(
            pk__in=Survey.objects.values("organisation_id")
        )
    return Organisation.objects.filter(mine, is_active=True).order_by("name")
