"""Seed data (kinds, components, catalogues, instruments) lives in plain modules that the data migrations and
the ``ensure_*`` helpers both read; no module outside a migrations folder imports a migration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "tuntas"
MIGRATION_IMPORT = re.compile(r"import_module\(|from tuntas\.\w+\.migrations|import tuntas\.\w+\.migrations")


def test_no_module_outside_migrations_imports_a_migration():
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts and MIGRATION_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_ensure_components_puts_the_catalogue_back():
    from tuntas.standards.catalogue import COMPONENTS, ensure_components
    from tuntas.standards.models import Component

    Component.objects.all().delete()
    ensure_components()
    assert sorted(Component.objects.values_list("code", "name", "sort")) == sorted(
        (code, name, sort) for code, name, _en, _group, sort, _hint in COMPONENTS
    )


@pytest.mark.django_db
def test_ensure_catalogues_puts_focus_areas_and_training_kinds_back():
    from tuntas.cooperation.catalogue import FOCUS_AREAS, TRAINING_KINDS, ensure_catalogues
    from tuntas.cooperation.models import FocusArea, TrainingKind

    FocusArea.objects.all().delete()
    TrainingKind.objects.all().delete()
    ensure_catalogues()
    assert set(FocusArea.objects.values_list("code", flat=True)) == {row[0] for row in FOCUS_AREAS}
    assert set(TrainingKind.objects.values_list("code", flat=True)) == {row[0] for row in TRAINING_KINDS}


@pytest.mark.django_db
def test_ensure_instrument_stores_each_shipped_instrument_as_version_1():
    import yaml

    from tuntas.villages.models import InstrumentVersion
    from tuntas.villages.registry import ensure_instrument
    from tuntas.villages.shipped import shipped_files

    InstrumentVersion.objects.all().delete()
    ensure_instrument()
    shipped = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["slug"]: p.read_text(encoding="utf-8")
        for p in shipped_files()
    }
    stored = {v.slug: v.source for v in InstrumentVersion.objects.filter(version=1, is_active=True)}
    assert stored == shipped
