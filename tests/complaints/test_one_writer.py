"""One writer per state: only complaints/services_handling.py may change a handling's state.

The scan parses every module under src/ and looks for the ways Django code writes a field: attribute
assignment (``h.state = ...``, ``setattr(h, "state", ...)``), ORM writes with a ``state`` value
(``create``/``update``/``get_or_create``/``update_or_create``/constructor, ``defaults={"state": ...}``,
``**{"state": ...}``), ``save(update_fields=[..."state"...])``, ``bulk_update(..., ["state"])`` and raw SQL
``UPDATE ... handling ... SET ... state``. Reads (``filter(state=...)``, ``h.state == ...``), payload dicts and
unrelated calls (``InboxFilters(state=...)``, ``wf.state(name)``) are not writes.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import tuntas

SRC = Path(tuntas.__file__).resolve().parent
THE_WRITER = SRC / "complaints" / "services_handling.py"
FIELD = "state"
ORM_WRITES = frozenset({"create", "update", "get_or_create", "update_or_create", "bulk_create"})
MODEL = "Handling"
RAW_SQL = re.compile(r"\bupdate\b[^;]*handling[^;]*\bset\b[^;]*\bstate\b", re.IGNORECASE | re.DOTALL)


def _names_field(node: ast.AST | None) -> bool:
    """A literal list/tuple/set of field names, or a dict with that key, mentioning ``state``."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return any(isinstance(e, ast.Constant) and e.value == FIELD for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(isinstance(k, ast.Constant) and k.value == FIELD for k in node.keys)
    return False


def _targets(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Assign):
        found = list(node.targets)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        found = [node.target]
    else:
        return []
    flat = []
    while found:
        t = found.pop()
        if isinstance(t, (ast.Tuple, ast.List)):
            found.extend(t.elts)
        elif isinstance(t, ast.Starred):
            found.append(t.value)
        else:
            flat.append(t)
    return flat


def _call_writes(call: ast.Call) -> str | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    unpacked = [k.value for k in call.keywords if k.arg is None]
    sets_field = (
        FIELD in kwargs or any(_names_field(u) for u in unpacked) or _names_field(kwargs.get("defaults"))
    )
    if (name in ORM_WRITES or name == MODEL) and sets_field:
        return f"{name}({FIELD}=...)"
    if name == "save" and _names_field(kwargs.get("update_fields")):
        return "save(update_fields=[state])"
    if name == "bulk_update" and (
        _names_field(kwargs.get("fields")) or any(_names_field(a) for a in call.args[1:])
    ):
        return "bulk_update([state])"
    if name == "setattr" and len(call.args) >= 2:
        attr = call.args[1]
        if isinstance(attr, ast.Constant) and attr.value == FIELD:
            return "setattr(..., 'state', ...)"
    return None


def state_writes(source: str) -> list[tuple[int, str]]:
    """(line, what) for every write of a ``state`` field found in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for target in _targets(node):
            if isinstance(target, ast.Attribute) and target.attr == FIELD:
                found.append((target.lineno, ".state = ..."))
        if isinstance(node, ast.Call):
            what = _call_writes(node)
            if what:
                found.append((node.lineno, what))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and RAW_SQL.search(node.value):
            found.append((node.lineno, "raw SQL UPDATE ... SET state"))
    return sorted(found)


def source_modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def test_no_module_but_services_handling_writes_a_handlings_state():
    offenders = [
        f"{path.relative_to(SRC)}:{line}: {what}"
        for path in source_modules()
        if path != THE_WRITER
        for line, what in state_writes(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "only complaints/services_handling.py may change Handling.state:\n" + "\n".join(
        offenders
    )


def test_the_scan_finds_the_writes_in_services_handling():
    writes = state_writes(THE_WRITER.read_text(encoding="utf-8"))
    assert {what for _, what in writes} >= {"create(state=...)", "update(state=...)"}


WRITES = [
    "h.state = 'selesai'",
    "h.state, h.is_open = 'selesai', False",
    "self.handling.state += 'x'",
    "h.state: str = 'selesai'",
    "setattr(h, 'state', 'selesai')",
    "Handling.objects.create(complaint=c, state='diterima')",
    "Handling(complaint=c, state='diterima').save()",
    "Handling.objects.filter(pk=1).update(state='selesai', version=F('version') + 1)",
    "complaint.handlings.filter(is_open=True).update(state='dicabut')",
    "qs.update(**{'state': 'dicabut'})",
    "Handling.objects.update_or_create(pk=1, defaults={'state': 'selesai'})",
    "Handling.objects.get_or_create(complaint=c, defaults={'state': 'diterima'})",
    "h.save(update_fields=['state', 'version'])",
    "Handling.objects.bulk_update(rows, ['state'])",
    "Handling.objects.bulk_update(rows, fields=('state',))",
    "cursor.execute('UPDATE complaints_handling SET state = %s WHERE id = %s', [s, i])",
]

NOT_WRITES = [
    "Handling.objects.filter(state='dijawab')",
    "qs.exclude(state__in=['selesai'])",
    "if h.state == 'dijawab': pass",
    "label = wf.state(h.state).public_label",
    "InboxFilters(state=form.value('state'))",
    "event_add(complaint=c, payload={'from': h.state, 'state': wf.initial})",
    "h.refresh_from_db(fields=['state', 'version'])",
    "h.save(update_fields=['due_date', 'severity'])",
    "Clock.objects.filter(pk=1).update(status='stopped')",
    "Handling.objects.filter(pk=1).update(assignee=u, version=F('version') + 1)",
    "cursor.execute('SELECT state FROM complaints_handling WHERE id = %s', [i])",
    "states = {'state': 1}",
]


@pytest.mark.parametrize("source", WRITES)
def test_the_scan_catches_a_state_write(source):
    assert state_writes(source)


@pytest.mark.parametrize("source", NOT_WRITES)
def test_the_scan_ignores_reads_and_unrelated_code(source):
    assert state_writes(source) == []
