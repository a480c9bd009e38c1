"""The scoring schemes shipped with Tuntas (YAML), and loading them into the database.

``load_shipped_schemes`` runs in a data migration (with historical models) and from
``manage.py load_compliance_schemes``: a shipped scheme is added as version 1 when its code is missing, and
left alone otherwise, so versions edited in the admin are never overwritten.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tuntas.compliance.scoring import Scheme, SchemeError, parse_scheme

HERE = Path(__file__).parent


def shipped_files() -> list[Path]:
    return sorted(HERE.glob("*.yaml"))


def read_source(source: str) -> tuple[dict, Scheme]:
    """Parse and validate a scheme's YAML text; raises SchemeError (a YAML syntax error is reported too)."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "yaml"
        raise SchemeError([(where, str(getattr(exc, "problem", None) or exc))]) from exc
    return data, parse_scheme(data)


def load_shipped_schemes(scheme_model: Any, now: Any) -> int:
    """Add each shipped scheme whose code is not in the database yet; returns how many were added."""
    added = 0
    for path in shipped_files():
        source = path.read_text(encoding="utf-8")
        data, scheme = read_source(source)
        if scheme_model.objects.filter(code=scheme.code).exists():
            continue
        scheme_model.objects.create(
            code=scheme.code, version=1, name=scheme.name, source=source, definition=data, created_at=now
        )
        added += 1
    return added


def add_changed_versions(scheme_model: Any, now: Any) -> int:
    """A shipped scheme whose YAML differs from its newest stored version gets a new version (the newest
    +1) and the older versions stop being offered for new rounds; rounds keep the version they use.
    Returns how many versions were added."""
    added = 0
    for path in shipped_files():
        source = path.read_text(encoding="utf-8")
        data, scheme = read_source(source)
        newest = scheme_model.objects.filter(code=scheme.code).order_by("-version").first()
        if newest is None or newest.source == source:
            continue
        scheme_model.objects.filter(code=scheme.code).update(is_active=False)
        scheme_model.objects.create(
            code=scheme.code,
            version=newest.version + 1,
            name=scheme.name,
            source=source,
            definition=data,
            created_at=now,
        )
        added += 1
    return added


def ensure_schemes() -> None:
    """Put the shipped schemes back when a flushed test database lost the migration's rows."""
    from tuntas.compliance.models import Scheme as SchemeRow
    from tuntas.core import clock

    load_shipped_schemes(SchemeRow, clock.now())
