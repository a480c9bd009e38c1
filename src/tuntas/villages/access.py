"""Who may do what in a Desa Anti-Maladministrasi programme.

- The village (desa/kelurahan organisation): its petugas, pimpinan and admin start, fill in and submit its
  assessment; its pimpinan and admin may record its own commitment.
- Level 1, the Pemkab: members with role auditor or koordinator of a programme's verifier organisation (the
  regency's Inspektorat and DPMD in the Kotabaru demo) verify, pass or return; they also record commitments,
  start an assessment for a village they accompany (pendampingan) and open rounds.
- Level 2, the Ombudsman Perwakilan: its asisten (any working role: petugas, koordinator, auditor, pimpinan,
  admin) verify, pass or return; its pimpinan (kepala perwakilan) designates and opens rounds.
- A member of the village itself never verifies or designates it, whatever other memberships they hold.
- Who sees a programme's console pages: members of the Pemkab, its verifiers and the Ombudsman (any role),
  and superusers; a village's staff see their own village's page only.
A superuser acts as admin everywhere (directory.access.roles_in) but holds no verifier role: verification
and designation come only from memberships.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.directory.access import memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Role, User
from tuntas.villages.models import Participation, Programme

VILLAGE_ROLES = frozenset({Role.PETUGAS, Role.PIMPINAN, Role.ADMIN})
VILLAGE_COMMIT_ROLES = frozenset({Role.PIMPINAN, Role.ADMIN})
PEMKAB_VERIFIER_ROLES = frozenset({Role.AUDITOR, Role.KOORDINATOR})
OMBUDSMAN_VERIFIER_ROLES = frozenset(
    {Role.PETUGAS, Role.KOORDINATOR, Role.AUDITOR, Role.PIMPINAN, Role.ADMIN}
)
OMBUDSMAN_DESIGNATOR_ROLES = frozenset({Role.PIMPINAN})


def _verifier_ids(programme: Programme) -> list[int]:
    cache = getattr(programme, "_verifier_ids", None)
    if cache is None:
        cache = programme._verifier_ids = list(programme.verifiers.values_list("pk", flat=True))
    return cache


def _member_roles(user: User, organisation_ids: list[int]) -> set[str]:
    """Roles from memberships only (no superuser shortcut): verification is never implied."""
    if not user.is_authenticated or not organisation_ids:
        return set()
    return set(
        memberships_of(user).filter(organisation_id__in=organisation_ids).values_list("role", flat=True)
    )


def is_village_member(user: User, participation: Participation) -> bool:
    return participation.village_id in organisation_ids_of(user)


def can_fill(user: User, participation: Participation) -> bool:
    return bool(roles_in(user, participation.village_id) & VILLAGE_ROLES)


def is_pemkab_verifier(user: User, programme: Programme) -> bool:
    return bool(_member_roles(user, _verifier_ids(programme)) & PEMKAB_VERIFIER_ROLES)


def is_ombudsman_verifier(user: User, programme: Programme) -> bool:
    return bool(_member_roles(user, [programme.ombudsman_id]) & OMBUDSMAN_VERIFIER_ROLES)


def is_designator(user: User, programme: Programme) -> bool:
    return bool(_member_roles(user, [programme.ombudsman_id]) & OMBUDSMAN_DESIGNATOR_ROLES)


def can_verify_pemkab(user: User, participation: Participation) -> bool:
    return is_pemkab_verifier(user, participation.programme) and not is_village_member(user, participation)


def can_verify_ombudsman(user: User, participation: Participation) -> bool:
    return is_ombudsman_verifier(user, participation.programme) and not is_village_member(user, participation)


def can_designate(user: User, participation: Participation) -> bool:
    return is_designator(user, participation.programme) and not is_village_member(user, participation)


def can_commit(user: User, participation: Participation) -> bool:
    """The Pemkab's verifiers collect the signed commitments; a village's pimpinan may record its own."""
    return is_pemkab_verifier(user, participation.programme) or bool(
        roles_in(user, participation.village_id) & VILLAGE_COMMIT_ROLES
    )


def can_start(user: User, participation: Participation) -> bool:
    return can_fill(user, participation) or is_pemkab_verifier(user, participation.programme)


def can_open_round(user: User, programme: Programme) -> bool:
    return is_pemkab_verifier(user, programme) or is_designator(user, programme)


def can_create_programme(user: User, pemkab_id: int, ombudsman_id: int) -> bool:
    """Superusers, or the pimpinan/admin of the Pemkab or of the Ombudsman Perwakilan."""
    return user.is_superuser or bool(
        _member_roles(user, [pemkab_id, ombudsman_id]) & {Role.PIMPINAN, Role.ADMIN}
    )


def sees_programme(user: User, programme: Programme) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    mine = organisation_ids_of(user)
    return bool(mine & {programme.pemkab_id, programme.ombudsman_id, *_verifier_ids(programme)})


def sees_participation(user: User, participation: Participation) -> bool:
    return is_village_member(user, participation) or sees_programme(user, participation.programme)


def visible_programmes(user: User) -> QuerySet[Programme]:
    """Programmes whose dashboard the user sees."""
    if not user.is_authenticated:
        return Programme.objects.none()
    if user.is_superuser:
        return Programme.objects.all()
    mine = list(organisation_ids_of(user))
    ids = Programme.objects.filter(
        Q(pemkab_id__in=mine) | Q(ombudsman_id__in=mine) | Q(verifiers__in=mine)
    ).values("pk")
    return Programme.objects.filter(pk__in=ids)


def my_participations(user: User) -> QuerySet[Participation]:
    """The participations of the villages the user works in."""
    if not user.is_authenticated:
        return Participation.objects.none()
    return Participation.objects.filter(village_id__in=list(organisation_ids_of(user)))
