"""Small helpers shared by the console views: the signed-in user's units, htmx detection, deadline badges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import HttpRequest

from tuntas.complaints.models import Handling
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.directory import access
from tuntas.directory.models import Organisation, Region, Role, User
from tuntas.directory.profile import PROFILE_ROLES
from tuntas.sla.policy import DUE_SOON_WORKING_DAYS


@dataclass(frozen=True)
class MyOrganisation:
    organisation: Organisation
    roles: tuple[str, ...]  # role labels
    keeps_profile: bool = False  # admin or pimpinan there: keeps the unit's public page
    role_codes: frozenset[str] = frozenset()  # the same roles as codes (Role values), for checks

    @property
    def name(self) -> str:
        return self.organisation.short_name or self.organisation.name


def my_organisations(user: User) -> list[MyOrganisation]:
    """The units the user works in, with their roles there, in name order."""
    by_org: dict[int, tuple[Organisation, list[str], set[str]]] = {}
    memberships = access.memberships_of(user).select_related("organisation__kind", "organisation__region")
    for m in memberships.order_by("organisation__name", "role"):
        org, labels, codes = by_org.setdefault(m.organisation_id, (m.organisation, [], set()))
        labels.append(Role(m.role).label)
        codes.add(m.role)
    return [
        MyOrganisation(
            org, tuple(labels), keeps_profile=bool(codes & set(PROFILE_ROLES)), role_codes=frozenset(codes)
        )
        for org, labels, codes in by_org.values()
    ]


def console_context(request: HttpRequest) -> dict:
    """What the console's navigation shows on every page."""
    user = request.user
    organisations = my_organisations(user)
    return {
        "console_organisations": organisations,
        "console_admin_link": user.is_staff or user.is_superuser,
        "console_profile_link": user.is_superuser or any(m.keeps_profile for m in organisations),
        "console_oversight_link": any(m.organisation.kind.is_internal_oversight for m in organisations),
        # interop.services_webhooks.can_manage from the memberships already loaded.
        "console_webhook_link": user.is_superuser
        or any(m.role_codes & {Role.ADMIN, Role.PIMPINAN} for m in organisations),
        # The audit log's rule (audit.selectors.can_view_audit) from the memberships already loaded.
        "console_audit_link": user.is_superuser
        or any(
            Role.ADMIN in m.role_codes or m.organisation.kind.is_internal_oversight for m in organisations
        ),
    }


@dataclass(frozen=True)
class DueWindow:
    today: dt.date
    soon_until: dt.date

    def flag(self, handling: Handling) -> str:
        """ "overdue", "soon" or "" for an open handling's due date (the same rule as the inbox filter)."""
        due = handling.due_date
        if not handling.is_open or due is None:
            return ""
        if due < self.today:
            return "overdue"
        if due <= self.soon_until:
            return "soon"
        return ""


def due_window() -> DueWindow:
    today = time.today()
    return DueWindow(today, calendar_for(None).working_days_add(today, DUE_SOON_WORKING_DAYS))


def region_label(region: Region) -> str:
    """ "Desa Sigam", "Kecamatan Pulaulaut Utara"; a name that already says its kind is kept as it is."""
    kind = region.get_kind_display()
    return region.name if region.name.lower().startswith(kind.lower()) else f"{kind} {region.name}"


def region_path(region: Region | None) -> list[str]:
    """The region and the regions above it, smallest first (desa, kecamatan, kabupaten, provinsi)."""
    path: list[str] = []
    node = region
    while node is not None and len(path) < 5:
        path.append(region_label(node))
        node = node.parent
    return path
