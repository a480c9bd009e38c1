"""Which kecamatan and desa/kelurahan a citizen can pick: those of the deployment's regency.

The regency is the level-2 region of a complaint coordinator (the Pemkab's admin); without one, every regency
that has organisations in the directory. Read-only; choices are (code, label) pairs for Django forms.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from tuntas.directory.models import Organisation, Region


def regencies() -> list[Region]:
    regions = Region.objects.filter(level=2)
    served = regions.filter(
        organisations__kind__is_complaint_coordinator=True, organisations__is_active=True
    ).distinct()
    if served:
        return list(served)
    codes = Organisation.objects.filter(is_active=True, region__isnull=False).values_list(
        "region_id", flat=True
    )
    regency_codes = {".".join(code.split(".")[:2]) for code in codes if code.count(".") >= 1}
    return list(regions.filter(code__in=regency_codes))


def kecamatan_list(regency_list: list[Region] | None = None) -> list[Region]:
    regency_list = regencies() if regency_list is None else regency_list
    return list(
        Region.objects.filter(level=3, parent__in=regency_list).select_related("parent").order_by("name")
    )


def kecamatan_in_scope(code: str) -> Region | None:
    return Region.objects.filter(level=3, code=code, parent__in=regencies()).first()


def _kecamatan_option(kecamatan: Region) -> tuple[str, str]:
    return kecamatan.code, _("%(kecamatan)s (desa/kelurahan tidak tahu)") % {"kecamatan": kecamatan.name}


def village_options(kecamatan: Region) -> list[tuple[str, str]]:
    """The kecamatan itself first (for someone who does not know the village), then its villages."""
    villages = Region.objects.filter(parent=kecamatan, level=4).order_by("name")
    return [_kecamatan_option(kecamatan), *((v.code, v.label) for v in villages)]


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Villages grouped by kecamatan (one <optgroup> each), in two queries; usable without JavaScript."""
    regency_list = regencies()
    kecamatans = kecamatan_list(regency_list)
    villages: dict[str, list[Region]] = {}
    for v in Region.objects.filter(level=4, parent__in=kecamatans).order_by("name"):
        villages.setdefault(v.parent_id, []).append(v)
    several = len(regency_list) > 1
    groups = []
    for k in kecamatans:
        label = k.label
        if several:
            label = f"{label}, {k.parent.name}"
        options = [_kecamatan_option(k), *((v.code, v.label) for v in villages.get(k.code, []))]
        groups.append((label, options))
    return groups
