"""Who may see and do what with requests between organisations.

- The sender's staff (working roles in the sending organisation) send, accept, return and withdraw;
- the receiver's staff (working roles, the focal point among them) route, compile and reply;
- a unit's staff see the request and answer their own routing only.
A request is visible to members of those organisations; anyone else gets a 404.

Identity rule: a request carries the complaint's substance, never the reporter's identity, contact or
identifying attachments to an organisation that may not see them. Clarification pages show the identity only
of a public complaint (``access.organisation_sees_identity`` decides, as for a transfer); a confidential
identity is never shown through a request, even to an oversight body, because opening it must be a recorded
act on a handling (``complaints.services_staff.identity_view``).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.clarifications.models import InfoRequest, Routing
from tuntas.complaints import access as complaint_access
from tuntas.complaints.models import Complaint
from tuntas.directory.access import WORKING_ROLES, memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Organisation, Role, User

# Roles that may act for an organisation in a request: every working role (the focal point included).
ACTING_ROLES = frozenset(WORKING_ROLES)
# Roles that may send a request on behalf of a handling organisation.
SENDING_ROLES = frozenset({Role.PETUGAS, Role.KOORDINATOR, Role.PIMPINAN, Role.ADMIN, Role.AUDITOR})


def acting_organisation_ids(user: User, roles: frozenset[str] = ACTING_ROLES) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(memberships_of(user).filter(role__in=roles).values_list("organisation_id", flat=True))


def visible_requests(user: User) -> QuerySet[InfoRequest]:
    """Requests sent or received by one of the user's organisations, or routed to one of them."""
    if not user.is_authenticated:
        return InfoRequest.objects.none()
    if user.is_superuser:
        return InfoRequest.objects.all()
    orgs = organisation_ids_of(user)
    return InfoRequest.objects.filter(
        Q(sender_organisation_id__in=orgs)
        | Q(receiver_organisation_id__in=orgs)
        | Q(routings__organisation_id__in=orgs)
    ).distinct()


def _acts_for(user: User, organisation_id: int) -> bool:
    return bool(roles_in(user, organisation_id) & ACTING_ROLES)


def can_act_as_sender(user: User, request: InfoRequest) -> bool:
    return _acts_for(user, request.sender_organisation_id)


def can_act_as_receiver(user: User, request: InfoRequest) -> bool:
    return _acts_for(user, request.receiver_organisation_id)


def can_answer_routing(user: User, routing: Routing) -> bool:
    return _acts_for(user, routing.organisation_id)


def sees_whole_thread(user: User, request: InfoRequest) -> bool:
    """Sender and receiver read every part; a unit reads the request and its own routing only."""
    if user.is_superuser:
        return True
    orgs = organisation_ids_of(user)
    return request.receiver_organisation_id in orgs or request.sender_organisation_id in orgs


def sending_organisations(user: User, complaint: Complaint) -> list[Organisation]:
    """The user's organisations that may send a request about ``complaint``: they handle (or handled) it
    and the user holds a sending role there."""
    allowed = acting_organisation_ids(user, SENDING_ROLES)
    return list(
        Organisation.objects.filter(pk__in=allowed, handlings__complaint=complaint, is_active=True)
        .select_related("kind", "parent")
        .distinct()
        .order_by("name")
    )


def shows_identity(org: Organisation, complaint: Complaint) -> bool:
    """Whether a request's pages show ``org``'s members the reporter's identity (see the module rule)."""
    return complaint.privacy == Complaint.Privacy.PUBLIC and complaint_access.organisation_sees_identity(
        org, complaint
    )


def viewer_sees_identity(user: User, request: InfoRequest) -> bool:
    """Identity on a request page: only for a public complaint, and only through an organisation allowed to
    see it. The sender's members see what their own handling shows them (on the complaint page), not here."""
    complaint = request.complaint
    if complaint.privacy != Complaint.Privacy.PUBLIC:
        return False
    orgs = organisation_ids_of(user)
    candidates = [request.receiver_organisation, request.sender_organisation] + [
        r.organisation for r in request.routings.select_related("organisation__kind", "organisation__parent")
    ]
    return any(o.pk in orgs and shows_identity(o, complaint) for o in candidates)


def reads_unit_answer(user: User, request: InfoRequest, routing: Routing) -> bool:
    """A unit's answer is for the receiver, who compiles the reply; the sender reads the reply (and the unit
    documents passed on with it), not the unit's own words."""
    if user.is_superuser:
        return True
    orgs = organisation_ids_of(user)
    return request.receiver_organisation_id in orgs or routing.organisation_id in orgs
