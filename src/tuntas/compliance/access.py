"""Who may do what in a compliance round.

- Self-assessment: admin, pimpinan, petugas and focal point of the assessed organisation answer the
  instrument, upload evidence and submit.
- Review: auditor and koordinator of the round's reviewing organisation (Inspektorat, Bagian Organisasi, the
  Ombudsman Perwakilan) score, return and finalise; never someone who is also a member of the assessed
  organisation (nobody reviews their own unit) and never the person who submitted it. Being a superuser
  gives no review right: it must come from a membership.
- Rounds: admin, pimpinan and koordinator of the reviewing organisation open rounds and add participants.
- Seeing: members (any role) of the assessed organisation and of the reviewing organisation; a superuser sees
  everything. Anything else is NotFound.
"""

from __future__ import annotations

from django.db.models import QuerySet

from tuntas.compliance.models import Assessment, Round
from tuntas.directory.access import memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, Role, User

SELF_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.PETUGAS, Role.FOCAL_POINT})
REVIEW_ROLES = frozenset({Role.AUDITOR, Role.KOORDINATOR})
ROUND_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.KOORDINATOR})


def _member_roles(user: User, organisation_id: int) -> set[str]:
    """Roles from memberships only (``roles_in`` adds admin for a superuser)."""
    roles = roles_in(user, organisation_id)
    if user.is_superuser and organisation_id not in organisation_ids_of(user):
        roles.discard(Role.ADMIN)
    return roles


def round_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations in which the user may open rounds (as reviewing organisation)."""
    ids = memberships_of(user).filter(role__in=ROUND_ROLES).values_list("organisation_id", flat=True)
    return Organisation.objects.filter(pk__in=list(ids), is_active=True).order_by("name")


def reviewing_organisation_ids(user: User) -> set[int]:
    """Organisations whose rounds the user reviews (memberships only, as ``is_reviewer_of_round``)."""
    ids = memberships_of(user).filter(role__in=REVIEW_ROLES).values_list("organisation_id", flat=True)
    return set(ids)


def is_reviewer_of_round(user: User, round_: Round) -> bool:
    return bool(_member_roles(user, round_.reviewing_organisation_id) & REVIEW_ROLES)


def sees_round(user: User, round_: Round) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or round_.reviewing_organisation_id in organisation_ids_of(user):
        return True
    return round_.assessments.filter(organisation_id__in=organisation_ids_of(user)).exists()


def sees_all_of_round(user: User, round_: Round) -> bool:
    """The reviewing organisation (and a superuser) sees every participant; others only their own."""
    return user.is_superuser or round_.reviewing_organisation_id in organisation_ids_of(user)


def sees_assessment(user: User, assessment: Assessment) -> bool:
    if not user.is_authenticated:
        return False
    orgs = organisation_ids_of(user)
    return (
        user.is_superuser
        or assessment.organisation_id in orgs
        or assessment.round.reviewing_organisation_id in orgs
    )


def can_self_assess(user: User, assessment: Assessment) -> bool:
    return bool(roles_in(user, assessment.organisation_id) & SELF_ROLES)


def can_review(user: User, assessment: Assessment) -> bool:
    """A reviewer of the round who is not a member of the assessed organisation nor its submitter."""
    if not is_reviewer_of_round(user, assessment.round):
        return False
    if assessment.organisation_id in organisation_ids_of(user):
        return False
    return assessment.submitted_by_id is None or assessment.submitted_by_id != user.pk


def can_manage_rounds(user: User, reviewing_organisation_id: int) -> bool:
    return bool(_member_roles(user, reviewing_organisation_id) & ROUND_ROLES)
