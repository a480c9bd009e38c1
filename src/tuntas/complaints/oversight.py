"""What an Inspektorat oversees (reads only): the open handlings of the units in its region that it does not
handle itself, so it can find a complaint to take over (limpah ke atas, ``services_transfer.handling_take_over``).

Members of an Inspektorat see the substance a supervisor needs (code, title, unit, stage, deadline), never the
reporter's identity, and not the complaint's page until their Inspektorat handles it.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from tuntas.complaints.models import Handling
from tuntas.complaints.services_transfer import TAKE_OVER_ROLES
from tuntas.core import clock as time
from tuntas.directory.access import memberships_of
from tuntas.directory.models import Organisation, User

# A membership in an internal oversight body (the Inspektorat: oversight, not external like the Ombudsman).
INTERNAL_OVERSIGHT = Q(
    organisation__kind__oversight_rank__gt=0, organisation__kind__is_external_oversight=False
)


def inspektorats_of(user: User) -> list[Organisation]:
    """The Inspektorats the user is a member of (any role)."""
    ids = memberships_of(user).filter(INTERNAL_OVERSIGHT).values("organisation_id")
    return list(Organisation.objects.filter(pk__in=ids).exclude(region__isnull=True))


def may_take_over(user: User) -> bool:
    return memberships_of(user).filter(INTERNAL_OVERSIGHT, role__in=TAKE_OVER_ROLES).exists()


def _in_region(code: str) -> Q:
    """The complaint is about a place in ``code``; one without a place counts where it was filed."""
    about = Q(complaint__region_id=code) | Q(complaint__region__code__startswith=f"{code}.")
    filed = Q(complaint__intake_organisation__region_id=code) | Q(
        complaint__intake_organisation__region__code__startswith=f"{code}."
    )
    return about | (Q(complaint__region__isnull=True) & filed)


def overseen_handlings(user: User, *, overdue_only: bool = False) -> QuerySet[Handling]:
    """Open handlings of the units (not oversight bodies, not the coordinator) in the regions of the user's Inspektorats, on complaints the
    Inspektorat is not handling now; the most overdue first."""
    inspektorats = inspektorats_of(user)
    if not inspektorats:
        return Handling.objects.none()
    region = Q()
    for org in inspektorats:
        region |= _in_region(org.region_id)
    handled_here = Handling.objects.filter(
        complaint_id=OuterRef("complaint_id"), is_open=True, organisation__in=inspektorats
    )
    qs = (
        Handling.objects.filter(region, is_open=True)
        # The coordinator's verification is not a unit's handling: it is disposed, not taken over.
        .exclude(organisation__kind__oversight_rank__gt=0)
        .exclude(organisation__kind__is_complaint_coordinator=True)
        .exclude(Exists(handled_here))
        .select_related("complaint", "complaint__category", "organisation", "workflow", "assignee")
    )
    if overdue_only:
        qs = qs.filter(due_date__lt=time.today())
    return qs.order_by("due_date", "opened_at", "id")
