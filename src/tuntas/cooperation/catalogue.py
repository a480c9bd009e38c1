"""The seeded catalogues (focus areas, training kinds): put back when gone (a flushed test database)."""

from __future__ import annotations

import importlib

from django.apps import apps

from tuntas.cooperation.models import FocusArea, TrainingKind


def ensure_catalogues() -> None:
    if not FocusArea.objects.exists() or not TrainingKind.objects.exists():
        importlib.import_module("tuntas.cooperation.migrations.0002_catalogues").forwards(apps, None)
