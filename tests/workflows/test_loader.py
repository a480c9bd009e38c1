"""YAML -> Workflow: what a definition may say, and each refusal naming the file and the line."""

from __future__ import annotations

import pytest

from tuntas.workflows import loader
from tuntas.workflows.engine import Choice, ClockOps, WorkflowError
from tuntas.workflows.loader import (
    default_definitions_dir,
    load_default_workflows,
    load_workflow_file,
    parse_workflow,
)


@pytest.fixture(autouse=True)
def _media():
    """Overrides the suite-wide autouse fixture that needs pytest-django: these tests run without Django."""


BASE = """\
slug: uji
name: SOP uji
initial: diterima
initial_clocks: [tindak_lanjut]
on_withdraw: dicabut
clocks:
  tindak_lanjut: {label: Tindak lanjut, duration: 5, unit: working_days}
  tanggapan: {label: Tanggapan, duration: 10, unit: working_days, on_expiry: tutup_otomatis}
states:
  diterima: {label: Diterima, public_label: Diterima unit, public_next: "Dijawab paling lambat {due}."}
  dijawab: {label: Dijawab, public_label: Dijawab, waiting_for_reporter: true}
  selesai: {label: Selesai, public_label: Selesai, final: true}
  dicabut: {label: Dicabut, public_label: Dicabut, final: true}
transitions:
  - name: jawab
    label: Jawab
    from: [diterima]
    to: dijawab
    roles: [petugas]
    fields:
      - {name: jawaban, type: textarea, required: true, label: Jawaban}
    message_field: jawaban
    visibility: public
    clocks: {stop: [tindak_lanjut], start: [tanggapan]}
  - name: terima
    label: Terima
    from: [dijawab]
    to: selesai
    roles: [pelapor]
    trigger: accept
  - name: tutup_otomatis
    label: Tutup otomatis
    from: [dijawab]
    to: selesai
    roles: [sistem]
closure_reasons:
  - {code: selesai, label: Selesai, public_label: Selesai}
"""

# An extra transition appended to BASE's list; {} is filled with the lines under "- name: extra".
EXTRA = """\
  - name: extra
    label: Ekstra
{}
closure_reasons:"""


def _edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _with_extra(body: str, text: str = BASE) -> str:
    return _edit("closure_reasons:", EXTRA.format(body), text)


def _error(text: str) -> str:
    with pytest.raises(WorkflowError) as exc:
        parse_workflow(text, "uji.yaml")
    return str(exc.value)


def _line(text: str, snippet: str) -> int:
    """1-based line of the first line containing ``snippet``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if snippet in line)


def _assert_error(text: str, snippet: str, message: str) -> None:
    assert _error(text) == f"uji.yaml:{_line(text, snippet)}: {message}"


# -- what a valid definition gives -------------------------------------------------------------------


def test_base_definition_loads():
    wf = parse_workflow(BASE)
    assert (wf.slug, wf.initial, wf.on_withdraw) == ("uji", "diterima", "dicabut")


def test_states_and_transitions_keep_definition_order():
    wf = parse_workflow(BASE)
    assert list(wf.states) == ["diterima", "dijawab", "selesai", "dicabut"]
    assert list(wf.transitions) == ["jawab", "terima", "tutup_otomatis"]


def test_english_labels_default_to_the_indonesian():
    wf = parse_workflow(BASE)
    assert (wf.name_en, wf.states["diterima"].public_label_en) == ("SOP uji", "Diterima unit")
    assert wf.transitions["jawab"].fields[0].label_en == "Jawaban"


def test_english_labels_are_read_when_given():
    wf = parse_workflow(_edit("name: SOP uji", "name: SOP uji\nname_en: Test SOP"))
    assert wf.name_en == "Test SOP"


def test_public_next_en_defaults_to_public_next():
    assert parse_workflow(BASE).states["diterima"].public_next_en == "Dijawab paling lambat {due}."


def test_clock_spec_is_read():
    clock = parse_workflow(BASE).clocks["tanggapan"]
    assert (clock.duration, clock.unit, clock.tiered, clock.on_expiry) == (
        10,
        "working_days",
        False,
        "tutup_otomatis",
    )


def test_clock_ops_are_read():
    assert parse_workflow(BASE).transitions["jawab"].clocks == ClockOps(
        start=("tanggapan",), stop=("tindak_lanjut",)
    )


def test_transition_defaults():
    spec = parse_workflow(BASE).transitions["terima"]
    assert (spec.visibility, spec.style, spec.effect, spec.fields, spec.clocks) == (
        "internal",
        "default",
        None,
        (),
        ClockOps(),
    )


def test_sistem_transition_trigger_defaults_to_expiry():
    assert parse_workflow(BASE).transitions["tutup_otomatis"].trigger == "expiry"


def test_from_star_means_every_non_final_state():
    text = _with_extra("    from: '*'\n    to: selesai\n    roles: [pimpinan]")
    assert parse_workflow(text).transitions["extra"].sources == ("diterima", "dijawab")


def test_a_single_name_counts_as_a_list_of_one():
    text = _with_extra("    from: diterima\n    to: selesai\n    roles: pimpinan")
    spec = parse_workflow(text).transitions["extra"]
    assert (spec.sources, spec.roles) == (("diterima",), frozenset({"pimpinan"}))


def test_closure_reason_field_offers_its_subset_of_reasons():
    text = _edit(
        "  - {code: selesai, label: Selesai, public_label: Selesai}",
        "  - {code: selesai, label: Selesai, public_label: Selesai}\n"
        "  - {code: spam, label: Spam, label_en: Spam EN, public_label: Tidak diproses}",
    )
    text = _with_extra(
        "    from: [diterima]\n    to: selesai\n    roles: [pimpinan]\n"
        "    fields: [{name: alasan, type: closure_reason, required: true, label: Alasan, reasons: [spam]}]",
        text,
    )
    assert parse_workflow(text).transitions["extra"].fields[0].choices == (Choice("spam", "Spam", "Spam EN"),)


def test_closure_reason_field_without_subset_offers_every_reason():
    text = _with_extra(
        "    from: [diterima]\n    to: selesai\n    roles: [pimpinan]\n"
        "    fields: [{name: alasan, type: closure_reason, label: Alasan}]"
    )
    assert [c.value for c in parse_workflow(text).transitions["extra"].fields[0].choices] == ["selesai"]


def test_severity_field_offers_the_severities():
    text = BASE + "severities: [{value: ringan, label: Ringan}, {value: berat, label: Berat}]\n"
    text = _with_extra(
        "    from: [diterima]\n    to: diterima\n    roles: [auditor]\n"
        "    fields: [{name: tingkat, type: severity, label: Tingkat}]",
        text,
    )
    wf = parse_workflow(text)
    assert wf.transitions["extra"].fields[0].choices == wf.severities
    assert [c.value for c in wf.severities] == ["ringan", "berat"]


def test_yaml_anchors_can_share_choices():
    choices = "choices: &pilihan [{value: a, label: A}]"
    text = _with_extra(
        "    from: [diterima]\n    to: diterima\n    roles: [petugas]\n    fields:\n"
        f"      - {{name: satu, type: choice, label: Satu, {choices}}}\n"
        "      - {name: dua, type: choice, label: Dua, choices: *pilihan}"
    )
    one, two = parse_workflow(text).transitions["extra"].fields
    assert one.choices == two.choices == (Choice("a", "A", "A"),)


# -- refusals, each at its line ----------------------------------------------------------------------


def test_invalid_yaml_is_refused_at_its_line():
    text = _edit("  dijawab: {label", "  dijawab: {label: [")
    assert _error(text).startswith(f"uji.yaml:{_line(text, 'dijawab: {label: [')}: invalid YAML")


def test_empty_definition_is_refused():
    assert _error("") == "uji.yaml:1: the definition is empty"


def test_definition_that_is_not_a_mapping_is_refused():
    assert _error("- a\n- b\n") == "uji.yaml:1: workflow must be a mapping"


def test_unknown_top_level_key_is_refused():
    text = _edit("on_withdraw: dicabut", "on_withdraw: dicabut\nversion: 2")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'version')}: workflow: unknown key 'version' (allowed: "
    )


def test_unknown_transition_key_is_refused():
    text = _edit("    to: dijawab", "    to: dijawab\n    guard: x")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'guard')}: transition 'jawab': unknown key 'guard'"
    )


def test_unknown_field_key_is_refused():
    text = _edit("required: true, label: Jawaban}", "required: true, label: Jawaban, max: 5}")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'max: 5')}: transition 'jawab': field 'jawaban': unknown key 'max'"
    )


def test_missing_top_level_key_is_refused():
    assert _error(_edit("initial: diterima\n", "")) == "uji.yaml:1: workflow: missing required key 'initial'"


def test_missing_state_key_is_refused():
    text = _edit("  selesai: {label: Selesai, public_label: Selesai,", "  selesai: {label: Selesai,")
    _assert_error(text, "  selesai:", "state 'selesai': missing required key 'public_label'")


def test_missing_transition_key_is_refused():
    text = _edit("    to: selesai\n    roles: [pelapor]", "    roles: [pelapor]")
    _assert_error(text, "- name: terima", "transition 'terima': missing required key 'to'")


def test_blank_label_is_refused():
    text = _edit("  dijawab: {label: Dijawab,", "  dijawab: {label: '  ',")
    _assert_error(text, "  dijawab:", "state 'dijawab': 'label' must be a non-empty text")


def test_duplicate_state_key_is_refused():
    text = _edit("  dicabut: {label", "  selesai: {label: X, public_label: X}\n  dicabut: {label")
    _assert_error(text, "  selesai: {label: X", "duplicate key 'selesai'")


def test_duplicate_transition_name_is_refused():
    text = _with_extra("    from: [diterima]\n    to: selesai\n    roles: [pimpinan]").replace(
        "name: extra", "name: jawab"
    )
    assert (
        _error(text)
        == f"uji.yaml:{_line(text, 'label: Ekstra') - 1}: transition 'jawab': duplicate transition 'jawab'"
    )


def test_duplicate_field_name_is_refused():
    text = _edit(
        "      - {name: jawaban, type: textarea, required: true, label: Jawaban}",
        "      - {name: jawaban, type: textarea, required: true, label: Jawaban}\n"
        "      - {name: jawaban, type: text, label: Lagi}",
    )
    _assert_error(text, "label: Lagi", "transition 'jawab': duplicate field 'jawaban'")


def test_duplicate_closure_reason_is_refused():
    text = BASE + "  - {code: selesai, label: Lagi, public_label: Lagi}\n"
    _assert_error(text, "label: Lagi", "closure reason 'selesai': duplicate closure reason 'selesai'")


def test_duplicate_choice_value_is_refused():
    text = BASE + "severities:\n  - {value: ringan, label: Ringan}\n  - {value: ringan, label: Lagi}\n"
    _assert_error(text, "label: Lagi", "workflow: choice: duplicate value 'ringan'")


def test_transition_from_unknown_state_is_refused():
    text = _edit("    from: [diterima]\n    to: dijawab", "    from: [diterima, diproses]\n    to: dijawab")
    _assert_error(text, "diproses", "transition 'jawab': 'from' names unknown state 'diproses'")


def test_transition_to_unknown_state_is_refused():
    text = _edit("    to: dijawab", "    to: dijwab")
    _assert_error(text, "to: dijwab", "transition 'jawab' targets unknown state 'dijwab'")


def test_transition_from_nothing_is_refused():
    text = _edit("    from: [diterima]\n    to: dijawab", "    from: []\n    to: dijawab")
    _assert_error(text, "from: []", "transition 'jawab': 'from' must list at least one state")


def test_unreachable_state_is_refused():
    text = _edit(
        "  dicabut: {label", "  arsip: {label: Arsip, public_label: Arsip, final: true}\n  dicabut: {label"
    )
    _assert_error(text, "  arsip:", "state 'arsip' cannot be reached from 'diterima'")


def test_state_without_a_path_to_a_final_state_is_refused():
    text = _edit("  dicabut: {label", "  buntu: {label: Buntu, public_label: Buntu}\n  dicabut: {label")
    text = _with_extra("    from: [diterima]\n    to: buntu\n    roles: [petugas]", text)
    _assert_error(text, "  buntu:", "state 'buntu' has no path to a final state")


def test_withdrawn_state_needs_no_incoming_transition():
    assert "dicabut" in parse_workflow(BASE).states


def test_unknown_role_is_refused():
    text = _edit("    roles: [petugas]", "    roles: [petugas, bupati]")
    _assert_error(text, "bupati", "transition 'jawab': 'roles' names unknown role 'bupati'")


def test_transition_without_roles_is_refused():
    text = _edit("    roles: [petugas]", "    roles: []")
    _assert_error(text, "roles: []", "transition 'jawab': 'roles' must list at least one role")


def test_pseudo_role_shared_with_staff_is_refused():
    text = _edit("    roles: [pelapor]", "    roles: [pelapor, petugas]")
    _assert_error(
        text, "roles: [pelapor, petugas]", "transition 'terima': role 'pelapor' must be its only role"
    )


def test_pelapor_transition_without_trigger_is_refused():
    text = _edit("    trigger: accept\n", "")
    _assert_error(
        text, "- name: terima", "transition 'terima': a pelapor transition needs trigger reply or accept"
    )


def test_pelapor_transition_with_expiry_trigger_is_refused():
    text = _edit("    trigger: accept", "    trigger: expiry")
    _assert_error(
        text, "trigger: expiry", "transition 'terima': a pelapor transition needs trigger reply or accept"
    )


def test_unknown_trigger_is_refused():
    text = _edit("    trigger: accept", "    trigger: klik")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'klik')}: transition 'terima': 'trigger' is 'klik'"
    )


def test_staff_transition_with_trigger_is_refused():
    text = _edit("    roles: [petugas]", "    roles: [petugas]\n    trigger: reply")
    _assert_error(
        text, "trigger: reply", "transition 'jawab': only pelapor and sistem transitions take a trigger"
    )


def test_sistem_transition_with_required_fields_is_refused():
    text = _edit(
        "    roles: [sistem]",
        "    roles: [sistem]\n    fields: [{name: x, type: text, required: true, label: X}]",
    )
    _assert_error(
        text, "fields: [{name: x", "transition 'tutup_otomatis': the system cannot fill required fields"
    )


def test_clock_op_naming_unknown_clock_is_refused():
    text = _edit("start: [tanggapan]}", "start: [tanggapan, jam]}")
    _assert_error(text, "jam]", "transition 'jawab': clocks: 'start' names unknown clock 'jam'")


def test_unknown_clock_op_is_refused():
    text = _edit("start: [tanggapan]}", "start: [tanggapan], reset: [tanggapan]}")
    assert "transition 'jawab': clocks: unknown key 'reset'" in _error(text)


def test_initial_clock_unknown_is_refused():
    text = _edit("initial_clocks: [tindak_lanjut]", "initial_clocks: [tindak_lanjut, jam]")
    _assert_error(text, "initial_clocks", "workflow: 'initial_clocks' names unknown clock 'jam'")


def test_on_expiry_naming_unknown_transition_is_refused():
    text = _edit("on_expiry: tutup_otomatis}", "on_expiry: tutup}")
    _assert_error(text, "on_expiry: tutup}", "clock 'tanggapan': on_expiry names unknown transition 'tutup'")


def test_on_expiry_naming_a_transition_without_role_sistem_is_refused():
    text = _edit("on_expiry: tutup_otomatis}", "on_expiry: jawab}")
    _assert_error(
        text, "on_expiry: jawab}", "clock 'tanggapan': on_expiry transition 'jawab' needs role sistem"
    )


def test_sistem_transition_no_clock_expires_into_is_refused():
    text = _edit(", on_expiry: tutup_otomatis}", "}")
    _assert_error(
        text,
        "roles: [sistem]",
        "transition 'tutup_otomatis' has role sistem but no clock's on_expiry names it",
    )


def test_clock_that_is_never_started_is_refused():
    text = _edit(
        "  tanggapan: {", "  cadangan: {label: Cadangan, duration: 1, unit: working_days}\n  tanggapan: {"
    )
    _assert_error(text, "cadangan", "clock 'cadangan' is never started")


def test_clock_duration_must_be_a_positive_whole_number():
    text = _edit("duration: 5,", "duration: 0,")
    _assert_error(
        text, "duration: 0", "clock 'tindak_lanjut': 'duration' must be a whole number of days, at least 1"
    )


def test_clock_unit_must_be_known():
    text = _edit("duration: 5, unit: working_days", "duration: 5, unit: hours")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'hours')}: clock 'tindak_lanjut': 'unit' is 'hours'"
    )


def test_unknown_field_type_is_refused():
    text = _edit("type: textarea, required: true", "type: richtext, required: true")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'richtext')}: transition 'jawab': field 'jawaban': 'type' is 'richtext'; expected"
    )


def test_closure_reason_field_without_closure_reasons_is_refused():
    text = _edit("type: textarea, required: true", "type: closure_reason, required: true")
    text = text[: text.index("closure_reasons:")]
    _assert_error(
        text,
        "type: closure_reason",
        "transition 'jawab': field 'jawaban': a closure_reason field needs closure_reasons in the workflow",
    )


def test_closure_reason_field_naming_unknown_reason_is_refused():
    text = _edit("type: textarea, required: true", "type: closure_reason, reasons: [spam], required: true")
    _assert_error(
        text,
        "reasons: [spam]",
        "transition 'jawab': field 'jawaban': 'reasons' names unknown closure reason 'spam'",
    )


def test_severity_field_without_severities_is_refused():
    text = _edit("type: textarea, required: true", "type: severity, required: true")
    _assert_error(
        text,
        "type: severity",
        "transition 'jawab': field 'jawaban': a severity field needs severities in the workflow",
    )


def test_choice_field_without_choices_is_refused():
    text = _edit("type: textarea, required: true", "type: choice, required: true")
    _assert_error(text, "type: choice", "transition 'jawab': field 'jawaban': a choice field needs 'choices'")


def test_choices_on_a_text_field_are_refused():
    text = _edit(
        "required: true, label: Jawaban}", "required: true, label: Jawaban, choices: [{value: a, label: A}]}"
    )
    _assert_error(
        text, "choices:", "transition 'jawab': field 'jawaban': only fields of type choice take 'choices'"
    )


def test_kinds_on_a_text_field_are_refused():
    text = _edit("required: true, label: Jawaban}", "required: true, label: Jawaban, kinds: [opd]}")
    _assert_error(
        text, "kinds:", "transition 'jawab': field 'jawaban': only fields of type organisation take 'kinds'"
    )


def test_final_state_with_outgoing_transition_is_refused():
    text = _edit(
        "    from: [dijawab]\n    to: selesai\n    roles: [pelapor]",
        "    from: [dijawab, selesai]\n    to: selesai\n    roles: [pelapor]",
    )
    _assert_error(text, "from: [dijawab, selesai]", "transition 'terima' leaves final state 'selesai'")


def test_final_state_waiting_for_reporter_is_refused():
    text = _edit(
        "public_label: Selesai, final: true}",
        "public_label: Selesai, final: true, waiting_for_reporter: true}",
    )
    _assert_error(text, "  selesai:", "state 'selesai': a final state cannot wait for the reporter")


def test_on_withdraw_not_final_is_refused():
    text = _edit("on_withdraw: dicabut", "on_withdraw: dijawab")
    _assert_error(text, "on_withdraw", "on_withdraw state 'dijawab' is not final")


def test_on_withdraw_unknown_is_refused():
    text = _edit("on_withdraw: dicabut", "on_withdraw: batal")
    _assert_error(text, "on_withdraw", "workflow: 'on_withdraw' names unknown state 'batal'")


def test_initial_unknown_is_refused():
    text = _edit("initial: diterima", "initial: baru")
    _assert_error(text, "initial: baru", "workflow: 'initial' names unknown state 'baru'")


def test_initial_final_is_refused():
    text = _edit("initial: diterima", "initial: selesai")
    _assert_error(text, "initial: selesai", "initial state 'selesai' is final")


def test_dispose_without_target_field_is_refused():
    text = _edit("    visibility: public", "    visibility: public\n    effect: dispose")
    _assert_error(
        text,
        "effect: dispose",
        "transition 'jawab': effect 'dispose' needs a required field 'target' of type organisation",
    )


def test_dispose_with_optional_target_is_refused():
    text = _edit("    visibility: public", "    visibility: public\n    effect: dispose")
    text = _edit(
        "      - {name: jawaban",
        "      - {name: target, type: organisation, label: Tujuan}\n      - {name: jawaban",
        text,
    )
    assert "effect 'dispose' needs a required field 'target'" in _error(text)


def test_dispose_with_required_organisation_target_loads():
    text = _edit("    visibility: public", "    visibility: public\n    effect: dispose")
    text = _edit(
        "      - {name: jawaban",
        "      - {name: target, type: organisation, required: true, label: Tujuan, kinds: [opd, desa]}\n"
        "      - {name: jawaban",
        text,
    )
    spec = parse_workflow(text).transitions["jawab"]
    assert (spec.effect, spec.fields[0].kinds) == ("dispose", ("opd", "desa"))


def test_unknown_effect_is_refused():
    text = _edit("    visibility: public", "    visibility: public\n    effect: escalate")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'escalate')}: transition 'jawab': 'effect' is 'escalate'"
    )


def test_message_field_naming_no_field_is_refused():
    text = _edit("    message_field: jawaban", "    message_field: isi")
    _assert_error(
        text, "message_field: isi", "transition 'jawab': message_field 'isi' is not one of its text fields"
    )


def test_message_field_on_an_internal_transition_is_refused():
    text = _edit("    visibility: public\n", "")
    _assert_error(
        text, "message_field", "transition 'jawab': a message_field needs visibility 'reporter' or 'public'"
    )


def test_unknown_visibility_is_refused():
    text = _edit("    visibility: public", "    visibility: secret")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, 'secret')}: transition 'jawab': 'visibility' is 'secret'"
    )


def test_fixed_closure_reason_unknown_is_refused():
    text = _edit("    trigger: accept", "    trigger: accept\n    closure_reason: beres")
    _assert_error(text, "closure_reason: beres", "transition 'terima': unknown closure reason 'beres'")


def test_fixed_closure_reason_on_a_non_final_target_is_refused():
    text = _edit("    visibility: public", "    visibility: public\n    closure_reason: selesai")
    _assert_error(
        text, "closure_reason: selesai", "transition 'jawab': a closure_reason needs a final target state"
    )


def test_waiting_state_without_reporter_transition_is_refused():
    text = _edit("    roles: [pelapor]\n    trigger: accept", "    roles: [petugas]")
    _assert_error(text, "  dijawab:", "state 'dijawab' waits for the reporter but has no pelapor transition")


def test_two_reporter_transitions_with_one_trigger_in_a_state_are_refused():
    text = _with_extra(
        "    from: [dijawab]\n    to: diterima\n    roles: [pelapor]\n    trigger: accept  # lagi"
    )
    _assert_error(text, "# lagi", "transition 'extra': 'terima' already takes trigger 'accept' in 'dijawab'")


def test_placeholder_other_than_due_is_refused():
    text = _edit("paling lambat {due}.", "paling lambat {batas}.")
    _assert_error(
        text, "{batas}", "state 'diterima': 'public_next' may only use the placeholder {due}, not {batas}"
    )


def test_broken_placeholder_is_refused():
    text = _edit("paling lambat {due}.", "paling lambat {due.")
    assert _error(text).startswith(
        f"uji.yaml:{_line(text, '{due.')}: state 'diterima': 'public_next' has a broken"
    )


def test_state_name_must_be_a_lowercase_word():
    text = _edit("  dicabut: {label", "  Dicabut: {label")
    _assert_error(text, "  Dicabut", "'Dicabut' is not a lowercase name like 'tindak_lanjut'")


def test_slug_must_be_lowercase_with_hyphens():
    text = _edit("slug: uji", "slug: Uji SOP")
    assert _error(text).startswith("uji.yaml:1: workflow: 'slug' must be a lowercase name")


def test_boolean_looking_key_is_refused():
    text = _edit(
        "  tindak_lanjut: {", "  on: {label: X, duration: 1, unit: working_days}\n  tindak_lanjut: {"
    )
    _assert_error(text, "  on:", "key True must be a word; quote it")


def test_flag_must_be_a_boolean():
    text = _edit("public_label: Selesai, final: true}", "public_label: Selesai, final: ya}")
    _assert_error(text, "final: ya", "state 'selesai': 'final' must be true or false")


def test_first_problem_is_reported():
    text = _edit("    to: dijawab", "    to: dijwab")
    text = _edit("    roles: [petugas]", "    roles: [bupati]", text)
    assert _error(text).endswith("transition 'jawab' targets unknown state 'dijwab'")


def test_source_defaults_to_string_marker():
    with pytest.raises(WorkflowError) as exc:
        parse_workflow("")
    assert str(exc.value).startswith("<string>:1:")


# -- files -------------------------------------------------------------------------------------------


def test_load_workflow_file_names_the_file_in_errors(tmp_path):
    path = tmp_path / "opd.yaml"
    path.write_text(_edit("    to: dijawab", "    to: dijwab"), encoding="utf-8")
    with pytest.raises(WorkflowError) as exc:
        load_workflow_file(path)
    assert (
        str(exc.value)
        == f"opd.yaml:{_line(path.read_text(), 'dijwab')}: transition 'jawab' targets unknown state 'dijwab'"
    )


def test_load_workflow_file_accepts_a_string_path(tmp_path):
    path = tmp_path / "uji.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert load_workflow_file(str(path)).slug == "uji"


def test_default_definitions_dir_holds_the_shipped_yaml():
    assert (default_definitions_dir() / "opd.yaml").is_file()


def test_load_default_workflows_returns_every_shipped_sop_by_slug():
    assert set(load_default_workflows()) == {"lapor-admin", "opd", "inspektorat", "ombudsman", "desa"}


def test_load_default_workflows_refuses_two_files_with_one_slug(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BASE, encoding="utf-8")
    monkeypatch.setattr(loader, "default_definitions_dir", lambda: tmp_path)
    with pytest.raises(WorkflowError) as exc:
        load_default_workflows()
    assert str(exc.value) == "b.yaml:1: slug 'uji' is used by another definition too"


def test_sistem_transition_with_reporter_trigger_is_refused():
    text = _edit("    roles: [sistem]", "    roles: [sistem]\n    trigger: reply")
    _assert_error(
        text, "trigger: reply", "transition 'tutup_otomatis': a sistem transition needs trigger expiry"
    )


# -- assign_on: who owns an unassigned handling --------------------------------------------------------


def test_assign_on_defaults_to_first_action():
    wf = parse_workflow(BASE)
    assert wf.assign_on == "first_action"
    assert wf.assigns_on_first_action


def test_assign_on_never_is_read():
    wf = parse_workflow(_edit("on_withdraw: dicabut", "on_withdraw: dicabut\nassign_on: never"))
    assert wf.assign_on == "never"
    assert not wf.assigns_on_first_action


def test_unknown_assign_on_is_refused_at_its_line():
    text = _edit("on_withdraw: dicabut", "on_withdraw: dicabut\nassign_on: always")
    _assert_error(
        text, "assign_on", "workflow: 'assign_on' is 'always'; expected one of: first_action, never"
    )
