"""Where a new complaint goes first: routing is data (organisations, kinds, regions), not code paths."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from tuntas.core.errors import InvalidInput
from tuntas.directory.models import Organisation, Region

COORDINATOR_KIND = "koordinator"


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
        covering = [
            c
            for c in coordinators
            if c.region_id and (region.code == c.region_id or region.code.startswith(c.region_id + "."))
        ]
        if covering:
            return max(covering, key=lambda c: len(c.region_id))
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
