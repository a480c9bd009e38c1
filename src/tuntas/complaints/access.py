"""Who may see and do what with a complaint. Every page, API endpoint and export asks here; nothing else
decides. Who belongs to which organisation with which role is the directory's (``tuntas.directory.access``).

Identity rule (UU 37/2008 Pasal 24(2), SP4N-LAPOR! rahasia/anonim):
- anonymous: no identity is stored, so there is nothing to show;
- confidential: only members with one of the kind's ``confidential_identity_roles`` in an
  oversight/coordination body handling the complaint (organisation kind with ``sees_confidential_identity``),
  never the organisation complained about; ``identity_rule`` spells it out for the page;
- public: any member of an organisation handling it, except viewers.
Being a superuser gives no identity rights: they come only from memberships, and every confidential view
is logged (services_staff.identity_view).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core.i18n import english
from tuntas.directory.access import WORKING_ROLES, memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, OrganisationKind, Role, User

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


def is_about_itself(org: Organisation, complaint: Complaint) -> bool:
    """Conflict of interest: ``org`` is an oversight body (``OrganisationKind.oversight_rank`` > 0) and the
    complaint is about it or a unit under it (an Inspektur Pembantu). Such a body never handles the
    complaint: dispositions, take-overs and escalations go to the next body up (``routing.escalation_target``
    skips it). Work units do handle complaints about themselves; that is their job."""
    if complaint.reported_organisation_id is None or org.kind.oversight_rank <= 0:
        return False
    return org.pk in _reported_and_above(complaint)


def _reported_and_above(complaint: Complaint) -> frozenset[int]:
    """The reported organisation and the organisations above it (four levels: desa, kecamatan, pemkab and
    one more), in one query, remembered on the complaint object for the rest of the request."""
    cached = getattr(complaint, "_reported_and_above", None)
    if cached is None:
        row = (
            Organisation.objects.filter(pk=complaint.reported_organisation_id)
            .values_list("pk", "parent_id", "parent__parent_id", "parent__parent__parent_id")
            .first()
        )
        cached = frozenset(pk for pk in (row or ()) if pk is not None)
        complaint._reported_and_above = cached
    return cached


def identity_roles_in(org: Organisation, complaint: Complaint) -> frozenset[str]:
    """The membership roles of ``org`` that may see this complaint's identity once ``org`` may see it: for
    a confidential complaint the kind's ``confidential_identity_roles``, else the working roles."""
    if complaint.privacy == Complaint.Privacy.CONFIDENTIAL:
        return org.kind.identity_roles()
    return WORKING_ROLES


@dataclass(frozen=True)
class IdentityRule:
    """The identity rule of one complaint, as staff read it: which roles of which kinds of organisation
    may open the identity (when their organisation handles the complaint and is not the one complained
    about), and why this viewer may or may not."""

    privacy: str
    kinds: tuple[tuple[str, tuple[str, ...]], ...]  # (kind name, role labels) for a confidential complaint
    roles: tuple[str, ...]  # role labels for a public complaint (any handling organisation)
    viewer_may: bool
    viewer_is_terlapor: bool
    viewer_roles: tuple[tuple[str, tuple[str, ...]], ...]  # (organisation name, role labels) handling it


def _kind_name(kind: OrganisationKind) -> str:
    return (kind.name_en or kind.name) if english() else kind.name


def _labels(roles: Iterable[str]) -> tuple[str, ...]:
    order = list(Role.values)
    return tuple(str(Role(r).label) for r in sorted(roles, key=order.index))


def identity_rule(user: User, complaint: Complaint) -> IdentityRule:
    """The rule ``can_see_identity`` applies, spelt out for the identity panel (the sentence is made from
    this, so it cannot promise what the check refuses)."""
    handling_orgs = _handling_organisations(complaint)
    mine = _roles_by_organisation(user)
    kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if complaint.privacy == Complaint.Privacy.CONFIDENTIAL:
        kinds = tuple(
            (_kind_name(k), _labels(k.identity_roles()))
            for k in OrganisationKind.objects.filter(sees_confidential_identity=True).order_by("sort", "slug")
            if k.identity_roles()
        )
    return IdentityRule(
        privacy=complaint.privacy,
        kinds=kinds,
        roles=_labels(WORKING_ROLES) if complaint.privacy == Complaint.Privacy.PUBLIC else (),
        viewer_may=user.is_authenticated and bool(_identity_organisations(handling_orgs, mine, complaint)),
        viewer_is_terlapor=any(o.pk in mine and is_terlapor(o, complaint) for o in handling_orgs),
        viewer_roles=tuple((o.name, _labels(mine[o.pk])) for o in handling_orgs if o.pk in mine),
    )


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
    return _identity_organisations(
        _handling_organisations(complaint), _roles_by_organisation(user), complaint
    )


def _handling_organisations(complaint: Complaint) -> list[Organisation]:
    return list(
        Organisation.objects.filter(handlings__complaint=complaint)
        .select_related("kind", "parent")
        .distinct()
    )


def _roles_by_organisation(user: User) -> dict[int, set[str]]:
    mine: dict[int, set[str]] = {}
    if user.is_authenticated:
        for org_id, role in memberships_of(user).values_list("organisation_id", "role"):
            mine.setdefault(org_id, set()).add(role)
    return mine


def _identity_organisations(
    handling_orgs: list[Organisation], mine: dict[int, set[str]], complaint: Complaint
) -> list[Organisation]:
    if complaint.privacy == Complaint.Privacy.ANONYMOUS:
        return []
    return [
        o
        for o in handling_orgs
        if mine.get(o.pk, set()) & identity_roles_in(o, complaint)
        and organisation_sees_identity(o, complaint)
    ]


def can_see_identity(user: User, complaint: Complaint) -> bool:
    if complaint.privacy == Complaint.Privacy.ANONYMOUS or not user.is_authenticated:
        return False
    return bool(list(identity_organisations(user, complaint)))


def public_identity_complaint_ids(user: User, complaint_ids: Iterable[int]) -> set[int]:
    """The public complaints among ``complaint_ids`` whose reporter ``can_see_identity`` lets the user see,
    in one query, for lists (the inbox export): a working role in an organisation handling the complaint.
    Confidential identities are never given out in bulk: each is opened one at a time through the recorded
    reveal (``services_staff.identity_view``); anonymous ones have none."""
    if not user.is_authenticated:
        return set()
    orgs = memberships_of(user).filter(role__in=WORKING_ROLES).values("organisation_id")
    return set(
        Handling.objects.filter(
            complaint_id__in=list(complaint_ids),
            complaint__privacy=Complaint.Privacy.PUBLIC,
            organisation_id__in=orgs,
        )
        .values_list("complaint_id", flat=True)
        .distinct()
    )


def can_act_on(user: User, handling: Handling) -> bool:
    return bool(roles_in(user, handling.organisation_id) & WORKING_ROLES)


def can_assign(user: User, handling: Handling, assignee: User) -> bool:
    roles = roles_in(user, handling.organisation_id)
    if roles & ASSIGNING_ROLES:
        return True
    return assignee.pk == user.pk and bool(roles & WORKING_ROLES)  # a petugas may take a handling themself


def audience(complaint: Complaint, visibility: str) -> str:
    """Who reads an event of ``visibility`` on ``complaint``: "staff" (internal), "reporter" (the tracking
    page), "public" (also the public channels: Open311 status_notes) or "reporter_public_status" (a public
    event on a confidential or anonymous complaint: the reporter reads it, the public only sees the status,
    never its text). The console's note under each action and the public channels both ask here."""
    if visibility == Event.Visibility.INTERNAL:
        return "staff"
    if visibility == Event.Visibility.REPORTER:
        return "reporter"
    return "public" if complaint.privacy == Complaint.Privacy.PUBLIC else "reporter_public_status"
