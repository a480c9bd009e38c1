"""The shipped instruments (``instruments/*.yaml``): stored as version 1 by the data migration 0002 (which
reads the folder itself), and again by ``registry.ensure_instrument`` when the rows are gone (a flushed test
database)."""

from __future__ import annotations

from pathlib import Path

import yaml

SHIPPED_DIR = Path(__file__).resolve().parent / "instruments"


def shipped_files() -> list[Path]:
    return sorted(SHIPPED_DIR.glob("*.yaml"))


def load_shipped_instruments(model) -> None:  # noqa: ANN001 - InstrumentVersion (this module imports no model)
    """Store each shipped instrument's text as version 1 when no version of it exists yet. Validation and later
    versions go through ``registry.instrument_save``."""
    for path in shipped_files():
        source = path.read_text(encoding="utf-8")
        head = yaml.safe_load(source)
        if not model.objects.filter(slug=head["slug"]).exists():
            model.objects.create(
                slug=head["slug"], version=1, name=head["name"], source=source, is_active=True
            )
