"""A row of any model, built from its field definitions: every required column gets a plain value and every
required foreign key a row of its own (recursively). For tests that run the same check over many models
found in the app registry, where a factory per model would have to be kept in step by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils import timezone

_serial = itertools.count(1)


def _value(field: models.Field) -> Any:
    n = next(_serial)  # unique per call: unique columns (usernames, codes) never collide
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.ForeignKey):
        return row_of(field.related_model)
    if isinstance(field, models.FileField):
        return f"rows/{n}"
    if isinstance(field, models.BinaryField):
        return f"v{n}".encode()
    if isinstance(field, models.EmailField):
        return f"u{n}@example.org"
    if isinstance(field, (models.CharField, models.TextField)):
        return f"v{n}"[: field.max_length or 20]
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return dt.date(2026, 1, 5)
    if isinstance(field, models.DecimalField):
        return Decimal("1")
    if isinstance(field, models.IntegerField):
        return 1
    if isinstance(field, models.JSONField):
        return {}
    raise NotImplementedError(f"no test value for {field!r}")


def _optional(field: models.Field) -> bool:
    return (
        isinstance(field, models.AutoField)
        or field.null
        or field.has_default()
        or getattr(field, "auto_now", False)
        or getattr(field, "auto_now_add", False)
    )


def values_for(model: type[models.Model], **values: Any) -> dict[str, Any]:
    """``values`` and plain values for the other required columns of ``model`` (parent rows are inserted)."""
    for field in model._meta.concrete_fields:
        if field.name not in values and field.attname not in values and not _optional(field):
            values[field.name] = _value(field)
    return values


def row_of(model: type[models.Model], **values: Any) -> models.Model:
    """Insert one row of ``model`` with ``values`` and plain values for the other required columns."""
    return model._base_manager.create(**values_for(model, **values))
