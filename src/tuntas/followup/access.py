"""Who may see and do what with findings and recommendations.

- The responsible unit's staff (focal point, petugas, koordinator, pimpinan, admin) see the recommendations
  addressed to their unit and answer them; a unit never sees another unit's recommendations.
- The issuer's staff (auditor, koordinator, pimpinan, admin) issue findings and accept or return answers.
- Oversight (members of an oversight organisation: Inspektorat, Ombudsman) and superusers see every
  recommendation: the Pemkab-wide list and the per-unit rates.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.directory.access import memberships_of, roles_in
from tuntas.directory.models import Organisation, Role, User
from tuntas.followup.models import Recommendation

UNIT_ROLES = frozenset({Role.FOCAL_POINT, Role.PETUGAS, Role.KOORDINATOR, Role.PIMPINAN, Role.ADMIN})
ISSUER_ROLES = frozenset({Role.AUDITOR, Role.KOORDINATOR, Role.PIMPINAN, Role.ADMIN})


def may_answer(user: User, unit_id: int) -> bool:
    return bool(roles_in(user, unit_id) & UNIT_ROLES)


def may_issue(user: User, organisation: Organisation) -> bool:
    return user.is_superuser or bool(roles_in(user, organisation.pk) & ISSUER_ROLES)


def oversees(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        m.organisation.kind.is_oversight for m in memberships_of(user).select_related("organisation__kind")
    )


def issuer_organisations(user: User) -> list[Organisation]:
    ids = {m.organisation_id for m in memberships_of(user) if m.role in ISSUER_ROLES}
    return list(Organisation.objects.filter(pk__in=ids, is_active=True).order_by("name"))


def visible_recommendations(user: User) -> QuerySet[Recommendation]:
    """Everything for oversight; else the user's own units' recommendations and those its units issued."""
    qs = Recommendation.objects.select_related("finding", "finding__issuer", "unit")
    if not user.is_authenticated:
        return qs.none()
    if oversees(user):
        return qs
    ids = {m.organisation_id for m in memberships_of(user)}
    return qs.filter(Q(unit_id__in=ids) | Q(finding__issuer_id__in=ids))
