"""``on_breach`` in a clock of the SOP YAML: what the SLA pass does when the clock runs out."""

from __future__ import annotations

import pytest

from tuntas.workflows.engine import WorkflowError
from tuntas.workflows.loader import default_definitions_dir, load_default_workflows, parse_workflow

OPD = (default_definitions_dir() / "opd.yaml").read_text(encoding="utf-8")
CLOCK = "    duration: 10\n    unit: working_days\n    on_expiry: lanjut_tanpa_klarifikasi\n"


def with_on_breach(value: str) -> str:
    assert CLOCK in OPD
    return OPD.replace(CLOCK, CLOCK + f"    on_breach: {value}\n", 1)


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_a_clock_without_on_breach_notifies_and_marks_overdue():
    assert parse_workflow(OPD).clocks["klarifikasi"].on_breach == ("notify", "mark_overdue")


def test_on_breach_lists_the_actions_in_order():
    wf = parse_workflow(with_on_breach("[escalate_pimpinan, notify]"))
    assert wf.clocks["klarifikasi"].on_breach == ("escalate_pimpinan", "notify")


def test_an_empty_on_breach_only_records_the_breach():
    assert parse_workflow(with_on_breach("[]")).clocks["klarifikasi"].on_breach == ()


def test_an_unknown_action_is_refused_with_its_line():
    text = with_on_breach("[notify, eskalasi]")
    with pytest.raises(WorkflowError) as exc:
        parse_workflow(text, "opd.yaml")
    line = line_of(text, "    on_breach: [notify, eskalasi]")
    assert str(exc.value) == (
        f"opd.yaml:{line}: clock 'klarifikasi': 'on_breach' names unknown breach action 'eskalasi'"
    )


def test_an_action_listed_twice_is_refused():
    with pytest.raises(WorkflowError, match="lists 'notify' twice"):
        parse_workflow(with_on_breach("[notify, notify]"))


def test_shipped_resolution_clocks_escalate_to_pimpinan():
    shipped = load_default_workflows()
    assert "escalate_pimpinan" in shipped["opd"].clocks["tindak_lanjut"].on_breach
    assert "escalate_pimpinan" in shipped["inspektorat"].clocks["pemeriksaan"].on_breach
    assert "escalate_pimpinan" not in shipped["lapor-admin"].clocks["verifikasi"].on_breach
