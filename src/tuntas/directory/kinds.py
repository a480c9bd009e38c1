"""The organisation kinds a deployment starts with, as plain data, and their loader.

Migration 0002 keeps its own frozen copy of the first kinds; migration 0004 (their roles) and
``ensure_default_kinds`` read this list, 0004 naming the fields it writes, so a field added here later never
reaches it.
A deployment edits kinds (or adds its own) in the admin; nothing in the code names a kind's slug.
"""

from __future__ import annotations

from collections.abc import Iterable

DESA, KELURAHAN = "desa", "kelurahan"
PEMDA, OMBUDSMAN = "pemda", "ombudsman"
# At the Ombudsman the Asisten (role petugas) examines the report and speaks with the reporter (UU 37/2008
# Pasal 24 binds the Ombudsman, all of it, to keep the identity secret outside).
OMBUDSMAN_IDENTITY_ROLES = "admin,koordinator,pimpinan,petugas,auditor"

_BASE = {
    "default_workflow": "",
    "sees_confidential_identity": False,
    "confidential_identity_roles": "admin,koordinator,pimpinan,auditor",
    "is_complaint_coordinator": False,
    "oversight_rank": 0,
    "is_external_oversight": False,
    "may_be_reported": False,
    "in_compliance_assessment": False,
    "village_type": "",
    "agreement_party": "",
}


def _kind(slug: str, name: str, name_en: str, sort: int, **fields: object) -> dict[str, object]:
    unknown = set(fields) - set(_BASE)
    if unknown:
        raise ValueError(f"unknown organisation kind fields: {sorted(unknown)}")
    return {"slug": slug, "name": name, "name_en": name_en, "sort": sort, **_BASE, **fields}


DEFAULT_KINDS: tuple[dict[str, object], ...] = (
    _kind(
        "ombudsman_pusat", "Ombudsman RI (pusat)", "Ombudsman RI (head office)", 10,
        default_workflow="ombudsman", sees_confidential_identity=True,
        confidential_identity_roles=OMBUDSMAN_IDENTITY_ROLES,
        oversight_rank=3, is_external_oversight=True,
    ),
    _kind(
        "ombudsman_perwakilan", "Ombudsman RI Perwakilan", "Ombudsman RI provincial office", 20,
        default_workflow="ombudsman", sees_confidential_identity=True,
        confidential_identity_roles=OMBUDSMAN_IDENTITY_ROLES,
        oversight_rank=2, is_external_oversight=True, agreement_party=OMBUDSMAN,
    ),
    _kind("pemprov", "Pemerintah Provinsi", "Provincial government", 30),
    _kind(
        "pemkab", "Pemerintah Kabupaten/Kota", "Regency/city government", 40,
        in_compliance_assessment=True, agreement_party=PEMDA,
    ),
    _kind(
        "koordinator", "Koordinator pengaduan (admin SP4N-LAPOR!)", "Complaint coordinator", 50,
        default_workflow="lapor-admin", sees_confidential_identity=True,
        is_complaint_coordinator=True, in_compliance_assessment=True,
    ),
    _kind(
        "inspektorat", "Inspektorat Daerah", "Regional inspectorate", 60,
        default_workflow="inspektorat", sees_confidential_identity=True,
        oversight_rank=1, may_be_reported=True,
    ),
    _kind(
        "opd", "Perangkat Daerah (OPD)", "Work unit (OPD)", 70,
        default_workflow="opd", may_be_reported=True, in_compliance_assessment=True,
    ),
    _kind(
        "kecamatan", "Kecamatan", "District (kecamatan)", 80,
        default_workflow="opd", may_be_reported=True, in_compliance_assessment=True,
    ),
    _kind(
        "kelurahan", "Kelurahan", "Urban village (kelurahan)", 90,
        default_workflow="opd", may_be_reported=True, in_compliance_assessment=True, village_type=KELURAHAN,
    ),
    _kind(
        "desa", "Pemerintah Desa", "Village government", 100,
        default_workflow="desa", may_be_reported=True, village_type=DESA,
    ),
)  # fmt: skip


def load_default_kinds(model, fields: Iterable[str], *, create: bool = True) -> None:  # noqa: ANN001
    """Write ``fields`` of the shipped kinds with ``model`` (a migration's historical model or the real one).
    ``create=False`` only updates the kinds that exist, so a migration adding fields leaves a deployment's
    other edits alone and does not bring back a kind it never had."""
    fields = tuple(fields)
    for row in DEFAULT_KINDS:
        values = {f: row[f] for f in fields}
        if create:
            model.objects.update_or_create(slug=row["slug"], defaults=values)
        else:
            model.objects.filter(slug=row["slug"]).update(**values)


def ensure_default_kinds() -> None:
    """Put the shipped kinds back, with every field, when none exist (a flushed test database, a database
    restored without them)."""
    from tuntas.directory.models import OrganisationKind

    if not OrganisationKind.objects.exists():
        fields = [f for f in DEFAULT_KINDS[0] if f != "slug"]
        load_default_kinds(OrganisationKind, fields)
