"""Stored instrument versions <-> parsed ``Instrument`` objects.

The shipped YAML (``instruments/*.yaml``) is stored by a data migration; an admin's edit is saved as the next
version (``instrument_save``), so rounds keep the version they were opened with.
"""

from __future__ import annotations

import functools

from django.db import transaction

from tuntas.core.errors import NotFound
from tuntas.villages.instrument import Instrument, parse_instrument
from tuntas.villages.models import InstrumentVersion
from tuntas.villages.shipped import load_shipped_instruments

DEFAULT_SLUG = "dam-kotabaru"


@transaction.atomic
def instrument_save(*, source: str) -> InstrumentVersion:
    """Validate ``source`` (InstrumentError if invalid) and store it as the next version of its instrument;
    identical to the latest version: nothing new is stored."""
    source = source.replace("\r\n", "\n")
    parsed = parse_instrument(source)
    latest = (
        InstrumentVersion.objects.select_for_update().filter(slug=parsed.slug).order_by("-version").first()
    )
    if latest and latest.source == source:
        return latest
    InstrumentVersion.objects.filter(slug=parsed.slug, is_active=True).update(is_active=False)
    return InstrumentVersion.objects.create(
        slug=parsed.slug,
        version=latest.version + 1 if latest else 1,
        name=parsed.name,
        source=source,
        is_active=True,
    )


def ensure_instrument() -> None:
    """Put the shipped instrument back when it is gone (a flushed test database)."""
    if not InstrumentVersion.objects.exists():
        load_shipped_instruments(InstrumentVersion)


@functools.lru_cache(maxsize=64)
def _parsed(version_id: int, source: str) -> Instrument:
    return parse_instrument(source)


def instrument_of(version: InstrumentVersion) -> Instrument:
    return _parsed(version.pk, version.source)


def active_instrument(slug: str = DEFAULT_SLUG) -> InstrumentVersion:
    ensure_instrument()
    found = InstrumentVersion.objects.filter(slug=slug, is_active=True).order_by("-version").first()
    if found is None:
        raise NotFound(f"Instrumen '{slug}' belum dimuat.")
    return found
