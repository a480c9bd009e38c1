"""The request kinds shipped as data (``kinds.yaml``); loaded by a data migration and by tests' fixtures."""

from __future__ import annotations

from pathlib import Path

import yaml

KINDS_FILE = Path(__file__).with_name("kinds.yaml")


def default_kinds() -> list[dict]:
    return yaml.safe_load(KINDS_FILE.read_text(encoding="utf-8"))


def ensure_request_kinds(model=None) -> int:  # noqa: ANN001 - the historical model in a migration
    """Create the shipped kinds that are missing; an admin's edits to existing ones are kept."""
    if model is None:
        from tuntas.clarifications.models import RequestKind as model
    created = 0
    for row in default_kinds():
        _obj, made = model.objects.get_or_create(
            slug=row["slug"], defaults={k: v for k, v in row.items() if k != "slug"}
        )
        created += int(made)
    return created
