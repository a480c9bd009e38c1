"""Who sees channel drafts, and who sees the sender in them.

A draft belongs to its mailbox's organisation (or, with none set, to every coordinator unit). Its working
staff (petugas, koordinator, pimpinan, admin) see the list; only a koordinator, pimpinan or admin submits or
rejects. The sender's address or number follows the complaints' rule for a confidential reporter
(``complaints.access``): only the kind's confidential-identity roles in an organisation whose kind may see
confidential identity.
Being a superuser gives no identity rights."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.channels.models import ChannelDraft
from tuntas.complaints.access import ASSIGNING_ROLES
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Role, User

LIST_ROLES = frozenset({Role.PETUGAS, *ASSIGNING_ROLES})


def _org_ids(user: User, roles: frozenset[str]) -> set[int]:
    return set(memberships_of(user).filter(role__in=roles).values_list("organisation_id", flat=True))


def _identity_org_ids(user: User) -> set[int]:
    """Organisations where the user holds one of the kind's confidential-identity roles."""
    rows = (
        memberships_of(user)
        .filter(organisation__kind__sees_confidential_identity=True)
        .select_related("organisation__kind")
    )
    return {m.organisation_id for m in rows if m.role in m.organisation.kind.identity_roles()}


def _coordinator_ids(user: User, roles: frozenset[str]) -> set[int]:
    return set(
        memberships_of(user)
        .filter(role__in=roles, organisation__kind__slug="koordinator")
        .values_list("organisation_id", flat=True)
    )


def _scope(user: User, roles: frozenset[str]) -> Q:
    q = Q(organisation_id__in=_org_ids(user, roles))
    if _coordinator_ids(user, roles):
        q |= Q(organisation__isnull=True)
    return q


def visible_drafts(user: User) -> QuerySet[ChannelDraft]:
    if not user.is_authenticated:
        return ChannelDraft.objects.none()
    if user.is_superuser:
        return ChannelDraft.objects.all()
    return ChannelDraft.objects.filter(_scope(user, LIST_ROLES))


def can_decide(user: User, draft: ChannelDraft) -> bool:
    if user.is_superuser:
        return True
    if draft.organisation_id is None:
        return bool(_coordinator_ids(user, ASSIGNING_ROLES))
    return draft.organisation_id in _org_ids(user, ASSIGNING_ROLES)


def can_see_sender(user: User, draft: ChannelDraft) -> bool:
    """The sender is shown only to identity roles of an organisation allowed to see confidential identity
    (never to a superuser as such); an anonymous draft shows it to no one."""
    if not user.is_authenticated or draft.privacy == "anonymous":
        return False
    allowed = _identity_org_ids(user)
    if draft.organisation_id is None:
        return bool(allowed & _coordinator_ids(user, frozenset(Role.values)))
    return draft.organisation_id in allowed
