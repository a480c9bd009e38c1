"""The import rules of docs/architecture.md, checked with import-linter over the import graph of src/tuntas
(every import statement, also those inside functions). The contracts live in pyproject.toml
([tool.importlinter]); this test runs each one and fails with import-linter's report, which names the importing
and the imported module and the line."""

from __future__ import annotations

import pathlib

import pytest
from importlinter import api
from importlinter.application import output, use_cases

PYPROJECT = pathlib.Path(__file__).resolve().parent.parent / "pyproject.toml"

# One contract per rule of docs/architecture.md ("Import rules").
RULES = (
    "layers",
    "no-app-cycles",
    "core-imports-no-app",
    "pure-engine",
    "notify-knows-no-complaint",
    "domain-imports-no-web-or-api",
    "nothing-imports-demo",
)


def test_every_rule_of_the_architecture_document_has_a_contract():
    contracts = api.read_configuration(str(PYPROJECT))["contracts_options"]
    assert sorted(c["id"] for c in contracts) == sorted(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_import_rule(rule):
    console = output.console
    width = console.width
    console.width = 200  # the report's lines name modules; keep them whole
    try:
        with console.capture() as captured:
            kept = use_cases.lint_imports(
                config_filename=str(PYPROJECT), limit_to_contracts=(rule,), cache_dir=None, no_logo=True
            )
    finally:
        console.width = width
    if not kept:
        pytest.fail(
            f"The import rule {rule!r} (pyproject.toml [tool.importlinter], docs/architecture.md) is broken.\n"
            "Move the import to the layer that may make it, or, for a known exception that is being removed, "
            "list it in the contract's ignore_imports with the issue that removes it. An ignored import that no "
            "longer exists is reported too: delete it from ignore_imports.\n\n" + captured.get(),
            pytrace=False,
        )


def test_only_jobs_registers_background_tasks():
    """Periodic and background tasks are registered in one place (src/tuntas/jobs/tasks.py): huey's task
    decorators appear nowhere else, so the worker's schedule can be read in one file."""
    src = pathlib.Path(__file__).resolve().parent.parent / "src" / "tuntas"
    decorators = ("db_task", "db_periodic_task", "periodic_task", "huey.task", "on_startup")
    offenders = []
    for path in src.rglob("*.py"):
        if path.is_relative_to(src / "jobs"):
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [
            f"{path.relative_to(src.parent)}:{n}"
            for n, line in enumerate(text.splitlines(), start=1)
            if line.lstrip().startswith("@") and any(d in line for d in decorators)
        ]
    assert not offenders, "register tasks in src/tuntas/jobs/tasks.py only:\n" + "\n".join(offenders)
