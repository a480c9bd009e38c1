"""Who may see and do what with a cooperation agreement.

- See: anyone with an active membership (any role, viewers included) in the Pemkab or any organisation under
  it, or in the Ombudsman Perwakilan; a superuser sees all. Nobody else: for them the agreement is 404.
- Manage the agreement, its areas, activities and trainings: admin, pimpinan and koordinator of the Pemkab
  itself, of the agreement's coordinator (the Pemkab's complaint coordinator) or of the Ombudsman.
- Report progress on an activity: the managers, and working members (not viewers) of the owner organisation.
- Record participants, attendance and materials of a training: the managers, and working members of the
  organiser.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.cooperation.models import Activity, Agreement, Training
from tuntas.directory.access import WORKING_ROLES, memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, Role, User

MANAGING_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN, Role.KOORDINATOR})
MAX_DEPTH = 8  # organisation trees are a few levels deep (Pemkab > kecamatan > desa); guards against cycles


def ancestors_and_self(org_ids: set[int]) -> set[int]:
    """The organisations and every organisation above them, one query per level."""
    seen = set(org_ids)
    frontier = set(org_ids)
    for _ in range(MAX_DEPTH):
        parents = set(
            Organisation.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier = parents - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def tree_ids(root_id: int) -> set[int]:
    """An organisation and every organisation under it, one query per level."""
    seen = {root_id}
    frontier = {root_id}
    for _ in range(MAX_DEPTH):
        children = set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier = children - seen
        if not frontier:
            break
        seen |= frontier
    return seen


def side_ids(agreement: Agreement) -> set[int]:
    """Organisations of either side: the Pemkab's tree and the Ombudsman Perwakilan."""
    return tree_ids(agreement.pemkab_id) | {agreement.ombudsman_id}


def visible_agreements(user: User) -> QuerySet[Agreement]:
    if not user.is_authenticated:
        return Agreement.objects.none()
    if user.is_superuser:
        return Agreement.objects.all()
    mine = organisation_ids_of(user)
    if not mine:
        return Agreement.objects.none()
    return Agreement.objects.filter(Q(pemkab_id__in=ancestors_and_self(mine)) | Q(ombudsman_id__in=mine))


def can_view(user: User, agreement: Agreement) -> bool:
    return visible_agreements(user).filter(pk=agreement.pk).exists()


def managing_ids(agreement: Agreement) -> set[int]:
    return {agreement.pemkab_id, agreement.ombudsman_id} | (
        {agreement.coordinator_id} if agreement.coordinator_id else set()
    )


def can_manage(user: User, agreement: Agreement) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        memberships_of(user)
        .filter(organisation_id__in=managing_ids(agreement), role__in=MANAGING_ROLES)
        .exists()
    )


def may_record_agreements(user: User) -> bool:
    """Whether the user manages on some side (a Pemkab, its coordinator or an Ombudsman office), so the
    console offers the form to record a new agreement; the service checks the chosen parties."""
    if user.is_superuser:
        return True
    return (
        memberships_of(user)
        .filter(role__in=MANAGING_ROLES)
        .filter(
            ~Q(organisation__kind__agreement_party="") | Q(organisation__kind__is_complaint_coordinator=True)
        )
        .exists()
    )


def uses_console(user: User) -> bool:
    """Whether the console's cooperation page has anything for the user: agreements they see, or the form
    to record one. The page refuses the others, and the prevention hub hides its card."""
    return may_record_agreements(user) or visible_agreements(user).exists()


def can_report_progress(user: User, activity: Activity) -> bool:
    if can_manage(user, activity.area.agreement):
        return True
    return bool(roles_in(user, activity.owner_id) & WORKING_ROLES)


def can_record_training(user: User, training: Training) -> bool:
    if can_manage(user, training.agreement):
        return True
    return bool(roles_in(user, training.organiser_id) & WORKING_ROLES)
