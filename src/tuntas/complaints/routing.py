"""Where a complaint goes: first (intake), back to its sender (kembalikan) and up (eskalasi).

Routing is data (organisations, their kinds and regions), not code paths: a kind says whether it is the
complaint coordinator and where it stands in oversight (``OrganisationKind.is_complaint_coordinator``,
``oversight_rank``, ``is_external_oversight``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import IntegerField, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from tuntas.complaints.access import is_about_itself
from tuntas.core.errors import InvalidInput
from tuntas.directory.models import Organisation, OrganisationKind, Region

NO_CEILING = 32767  # no external oversight kind: every rank above is on the ladder


def covers(org: Organisation, region_code: str) -> bool:
    """``org``'s region is ``region_code`` or contains it (Kemendagri codes: "63.02" contains "63.02.06")."""
    return bool(org.region_id) and (
        region_code == org.region_id or region_code.startswith(org.region_id + ".")
    )


def _most_local(candidates: list[Organisation], region_code: str | None) -> Organisation | None:
    """The candidate covering the region most closely; for an unknown region, the only candidate if one."""
    if not region_code:
        return candidates[0] if len(candidates) == 1 else None
    found = [o for o in candidates if covers(o, region_code)]
    return max(found, key=lambda o: len(o.region_id)) if found else None


def coordinators():  # noqa: ANN201 - QuerySet[Organisation]
    """The active complaint coordinators (koordinator pengaduan: they verify and dispose)."""
    return Organisation.objects.filter(kind__is_complaint_coordinator=True, is_active=True)


def coordinator_covering(region_code: str | None) -> Organisation | None:
    """The complaint coordinator whose region covers ``region_code`` (the most local one)."""
    return _most_local(list(coordinators()), region_code)


def intake_for(*, region: Region | None, explicit: Organisation | None) -> Organisation:
    """An organisation that takes complaints directly, else the complaint coordinator covering the region."""
    if explicit is not None:
        if not (explicit.is_active and explicit.accepts_complaints):
            raise InvalidInput(
                _("%(org)s belum menerima pengaduan langsung.") % {"org": explicit.name},
                errors={"intake_organisation": _("Unit ini belum membuka layanan pengaduan.")},
            )
        return explicit
    coordinators_ = list(coordinators().select_related("region"))
    if region is not None:
        found = [c for c in coordinators_ if covers(c, region.code)]
        if found:
            return max(found, key=lambda c: len(c.region_id))
    if len(coordinators_) == 1 or (coordinators_ and region is None):
        return coordinators_[0]
    raise InvalidInput(
        _("Belum ada unit penerima pengaduan untuk wilayah ini."),
        errors={"region": _("Wilayah ini belum terhubung dengan koordinator pengaduan.")},
    )


def code_prefix_for(org: Organisation) -> str:
    node: Organisation | None = org
    while node is not None:
        if node.code_prefix:
            return node.code_prefix
        node = node.parent
    return settings.TUNTAS_DEFAULT_CODE_PREFIX


def complaint_region_code(complaint) -> str | None:  # noqa: ANN001 - a Complaint (no import cycle)
    """Where the complaint is about; else where it was filed (a region's code is its key: no query)."""
    return complaint.region_id or complaint.intake_organisation.region_id


def return_destination(handling) -> Organisation | None:  # noqa: ANN001 - a Handling
    """Where "bukan wewenang kami" sends a handling back: the organisation that disposed it to this one, else
    (filed directly at this unit) the complaint coordinator covering the complaint's region."""
    if handling.parent_id is not None:
        return handling.parent.organisation
    coordinator = coordinator_covering(complaint_region_code(handling.complaint))
    return coordinator if coordinator and coordinator.pk != handling.organisation_id else None


def escalation_target(
    complaint,  # noqa: ANN001 - a Complaint (no import cycle)
    handled_kinds: Iterable[OrganisationKind] | None = None,
) -> Organisation | None:
    """The next oversight body up for a reporter's escalation: the organisation of the lowest oversight rank
    above every rank that handled the complaint whose region covers the complaint's (the Inspektorat, then,
    once it handled it, none covers the region or the complaint is about it, the Ombudsman Perwakilan). The ladder ends at the first
    external rank: after the Ombudsman has handled it, None. ``handled_kinds``: the kinds of the
    organisations that handled it, when the caller has them already."""
    if handled_kinds is None:
        handled_kinds = OrganisationKind.objects.filter(
            organisations__handlings__complaint=complaint
        ).distinct()
    handled = list(handled_kinds)
    if any(k.is_oversight and k.is_external_oversight for k in handled):
        return None
    above = max((k.oversight_rank for k in handled), default=0)
    code = complaint_region_code(complaint)
    # The lowest external rank tops the ladder: a reporter goes to the Ombudsman Perwakilan, never past it.
    top = OrganisationKind.objects.filter(is_external_oversight=True, oversight_rank__gt=0).order_by(
        "oversight_rank"
    )
    candidates = list(
        Organisation.objects.filter(
            kind__oversight_rank__gt=above,
            kind__oversight_rank__lte=Coalesce(
                Subquery(top.values("oversight_rank")[:1]), Value(NO_CEILING), output_field=IntegerField()
            ),
            is_active=True,
        ).select_related("kind")
    )
    for rank in sorted({o.kind.oversight_rank for o in candidates}):
        org = _most_local([o for o in candidates if o.kind.oversight_rank == rank], code)
        # A body the complaint is about does not oversee it (conflict of interest): the next one up does.
        if org is not None and not is_about_itself(org, complaint):
            return org
    return None
