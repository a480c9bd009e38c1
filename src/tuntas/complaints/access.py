"""Who may see and do what with a complaint. Every page, API endpoint and export asks here; nothing else
decides. Who belongs to which organisation with which role is the directory's (``tuntas.directory.access``).

Identity rule (UU 37/2008 Pasal 24(2), SP4N-LAPOR! rahasia/anonim):
- anonymous: no identity is stored, so there is nothing to show;
- confidential: only members with an identity role in an oversight/coordination body handling the complaint
  (organisation kind with ``sees_confidential_identity``), never the organisation complained about;
- public: any member of an organisation handling it, except viewers.
Being a superuser gives no identity rights: they come only from memberships, and every confidential view
is logged (services_staff.identity_view).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from tuntas.complaints.models import Complaint, Handling
from tuntas.directory.access import WORKING_ROLES, memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, Role, User

IDENTITY_ROLES = frozenset({Role.ADMIN, Role.KOORDINATOR, Role.PIMPINAN, Role.AUDITOR})
ASSIGNING_ROLES = frozenset({Role.ADMIN, Role.KOORDINATOR, Role.PIMPINAN})


def visible_handlings(user: User) -> QuerySet[Handling]:
    """Handlings of the organisations the user belongs to (a superuser sees all)."""
    qs = Handling.objects.all()
    if user.is_superuser:
        return qs
    return qs.filter(organisation_id__in=organisation_ids_of(user))


def visible_complaints(user: User) -> QuerySet[Complaint]:
    """Complaints that any of the user's organisations handles or handled."""
    if user.is_superuser:
        return Complaint.objects.all()
    if not user.is_authenticated:
        return Complaint.objects.none()
    return Complaint.objects.filter(handlings__organisation_id__in=organisation_ids_of(user)).distinct()


def can_view_complaint(user: User, complaint: Complaint) -> bool:
    return visible_complaints(user).filter(pk=complaint.pk).exists()


def is_terlapor(org: Organisation, complaint: Complaint) -> bool:
    """``org`` is the organisation complained about, or a unit under it."""
    reported = complaint.reported_organisation_id
    if reported is None:
        return False
    node: Organisation | None = org
    while node is not None:  # the reported unit itself or a unit under it
        if node.pk == reported:
            return True
        node = node.parent
    return False


def identity_roles_for(complaint: Complaint) -> frozenset[str]:
    """The membership roles that may see this complaint's identity in an organisation allowed to see it."""
    return IDENTITY_ROLES if complaint.privacy == Complaint.Privacy.CONFIDENTIAL else WORKING_ROLES


def organisation_sees_identity(org: Organisation, complaint: Complaint) -> bool:
    """Whether members of ``org`` (with ``identity_roles_for``) may see the identity once it handles the
    complaint: never for anonymous; for confidential, only an oversight/coordination kind that is not the
    terlapor; for public, any handling organisation. The same rule decides a transfer's preview."""
    if complaint.privacy == Complaint.Privacy.ANONYMOUS:
        return False
    if complaint.privacy == Complaint.Privacy.CONFIDENTIAL:
        return org.kind.sees_confidential_identity and not is_terlapor(org, complaint)
    return True


def identity_organisations(user: User, complaint: Complaint) -> Iterable[Organisation]:
    """The user's organisations handling ``complaint`` through which they may see the reporter's identity."""
    if complaint.privacy == Complaint.Privacy.ANONYMOUS:
        return []
    handling_orgs = (
        Organisation.objects.filter(handlings__complaint=complaint)
        .select_related("kind", "parent")
        .distinct()
    )
    member_orgs = set(
        memberships_of(user)
        .filter(role__in=identity_roles_for(complaint))
        .values_list("organisation_id", flat=True)
    )
    return [o for o in handling_orgs if o.pk in member_orgs and organisation_sees_identity(o, complaint)]


def can_see_identity(user: User, complaint: Complaint) -> bool:
    if complaint.privacy == Complaint.Privacy.ANONYMOUS or not user.is_authenticated:
        return False
    return bool(list(identity_organisations(user, complaint)))


def can_act_on(user: User, handling: Handling) -> bool:
    return bool(roles_in(user, handling.organisation_id) & WORKING_ROLES)


def can_assign(user: User, handling: Handling, assignee: User) -> bool:
    roles = roles_in(user, handling.organisation_id)
    if roles & ASSIGNING_ROLES:
        return True
    return assignee.pk == user.pk and bool(roles & WORKING_ROLES)  # a petugas may take a handling themself
