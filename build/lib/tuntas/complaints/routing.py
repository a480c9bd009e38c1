"""Where a complaint goes: first (intake), back to its sender (kembalikan) and up (eskalasi).

Routing is data (organisations, their kinds and regions), not code paths.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _

from tuntas.core.errors import InvalidInput
from tuntas.directory.models import Organisation, Region

COORDINATOR_KIND = "koordinator"
INSPEKTORAT_KIND = "inspektorat"
OMBUDSMAN_KINDS = ("ombudsman_perwakilan", "ombudsman_pusat")


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


def covering(kind: str, region_code: str | None) -> Organisation | None:
    """The active organisation of ``kind`` whose region covers ``region_code`` (the most local one)."""
    return _most_local(list(Organisation.objects.filter(kind_id=kind, is_active=True)), region_code)


def intake_for(*, region: Region | None, explicit: Organisation | None) -> Organisation:
    """An organisation that takes complaints directly, else the complaint coordinator covering the region."""
    if explicit is not None:
        if not (explicit.is_active and explicit.accepts_complaints):
            raise InvalidInput(
                _("%(org)s belum menerima pengaduan langsung.") % {"org": explicit.name},
                errors={"intake_organisation": _("Unit ini belum membuka layanan pengaduan.")},
            )
        return explicit
    coordinators = list(
        Organisation.objects.filter(kind_id=COORDINATOR_KIND, is_active=True).select_related("region")
    )
    if region is not None:
        found = [c for c in coordinators if covers(c, region.code)]
        if found:
            return max(found, key=lambda c: len(c.region_id))
    if len(coordinators) == 1 or (coordinators and region is None):
        return coordinators[0]
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
    coordinator = covering(COORDINATOR_KIND, complaint_region_code(handling.complaint))
    return coordinator if coordinator and coordinator.pk != handling.organisation_id else None


def escalation_target(complaint, handled_kinds: Iterable[str] | None = None) -> Organisation | None:  # noqa: ANN001
    """The next oversight body up for a reporter's escalation: the Inspektorat covering the complaint's
    region, or, once an Inspektorat has handled it (or none covers the region), the Ombudsman Perwakilan
    covering it; None after the Ombudsman. ``handled_kinds``: the kinds of the organisations that handled
    it, when the caller has them already."""
    if handled_kinds is None:
        handled_kinds = complaint.handlings.values_list("organisation__kind_id", flat=True)
    handled = set(handled_kinds)
    if handled & set(OMBUDSMAN_KINDS):
        return None
    ladder = [INSPEKTORAT_KIND, OMBUDSMAN_KINDS[0]]
    if INSPEKTORAT_KIND in handled:
        ladder = ladder[1:]
    code = complaint_region_code(complaint)
    candidates = list(Organisation.objects.filter(kind_id__in=ladder, is_active=True))
    for kind in ladder:
        org = _most_local([o for o in candidates if o.kind_id == kind], code)
        if org is not None:
            return org
    return None
