"""The default organisation kinds are created by a data migration; this puts them back when they are gone
(a flushed test database, a database restored without them) without copying the list."""

from __future__ import annotations

import importlib

from django.apps import apps

from tuntas.directory.models import OrganisationKind


def ensure_default_kinds() -> None:
    if not OrganisationKind.objects.exists():
        importlib.import_module("tuntas.directory.migrations.0002_default_kinds").forwards(apps, None)
