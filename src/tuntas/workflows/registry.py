"""Stored SOP versions <-> parsed Workflow objects.

Shipped YAML files (and any in TUNTAS_WORKFLOW_DIRS) are synced into WorkflowDefinition rows; a changed file
becomes a new version, so open handlings keep following the SOP they were opened under.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.db import transaction

from tuntas.core.errors import NotFound
from tuntas.workflows.engine import Workflow
from tuntas.workflows.loader import default_definitions_dir, parse_workflow
from tuntas.workflows.models import WorkflowDefinition


def definition_files() -> list[Path]:
    dirs = [default_definitions_dir(), *(Path(d) for d in settings.TUNTAS_WORKFLOW_DIRS)]
    files: dict[str, Path] = {}
    for d in dirs:
        for f in sorted(d.glob("*.yaml")):
            files[f.stem] = f  # a later directory overrides a shipped SOP of the same name
    return list(files.values())


_VALID_MAX = 64
_valid: dict[str, Workflow] = {}
_valid_lock = threading.Lock()


def _parse(source: str, origin: str) -> Workflow:
    """``parse_workflow`` once per distinct valid text: a Workflow is immutable and depends on the text alone
    (``origin`` only names the file in an error), and parsing the shipped SOPs costs about 0.3 s. An invalid
    text is not remembered, so each attempt reports its own origin."""
    hit = _valid.get(source)
    if hit is not None:
        return hit
    wf = parse_workflow(source, origin)
    with _valid_lock:
        if len(_valid) >= _VALID_MAX:
            _valid.pop(next(iter(_valid)))
        _valid[source] = wf
    return wf


@transaction.atomic
def definition_save(*, source: str, origin: str = "<admin>") -> WorkflowDefinition:
    """Validate ``source`` and store it as the next version of its SOP (no-op when identical to the latest)."""
    wf = _parse(source, origin)
    latest = WorkflowDefinition.objects.select_for_update().filter(slug=wf.slug).order_by("-version").first()
    if latest and latest.source == source:
        return latest
    WorkflowDefinition.objects.filter(slug=wf.slug, is_active=True).update(is_active=False)
    return WorkflowDefinition.objects.create(
        slug=wf.slug,
        version=(latest.version + 1 if latest else 1),
        name=wf.name,
        source=source,
        is_active=True,
    )


def sync_workflow_files() -> list[WorkflowDefinition]:
    return [definition_save(source=f.read_text(encoding="utf-8"), origin=f.name) for f in definition_files()]


def _parsed(definition_id: int, source: str) -> Workflow:
    return _parse(source, f"workflow#{definition_id}")


def workflow_of(definition: WorkflowDefinition) -> Workflow:
    return _parsed(definition.pk, definition.source)


def active_definition(slug: str) -> WorkflowDefinition:
    definition = WorkflowDefinition.objects.filter(slug=slug, is_active=True).order_by("-version").first()
    if definition is None:
        raise NotFound(f"SOP '{slug}' belum dimuat (jalankan manage.py load_workflows).")
    return definition


def workflow_for(handling) -> Workflow:  # noqa: ANN001 - any row with a ``workflow`` (a WorkflowDefinition)
    """The SOP a handling follows: the version it was opened under."""
    return workflow_of(handling.workflow)
