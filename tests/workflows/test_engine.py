"""The pure workflow engine: which transitions are offered, who may take them, and how their data is cleaned."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuntas.core.errors import InvalidInput
from tuntas.core.errors import TransitionNotAllowed as CoreTransitionNotAllowed
from tuntas.workflows.engine import (
    KNOWN_ROLES,
    PSEUDO_ROLES,
    ClockOps,
    FieldSpec,
    InvalidTransitionData,
    Problem,
    TransitionNotAllowed,
    Workflow,
)
from tuntas.workflows.loader import load_default_workflows, parse_workflow


@pytest.fixture(autouse=True)
def _media():
    """Overrides the suite-wide autouse fixture that needs pytest-django: these tests run without Django."""


SMALL = """
slug: kecil
name: SOP kecil
initial: diterima
initial_clocks: [tindak_lanjut]
on_withdraw: dicabut
clocks:
  tindak_lanjut: {label: Tindak lanjut, duration: 5, unit: working_days, tiered: true}
  tanggapan: {label: Tanggapan, duration: 10, unit: working_days, on_expiry: tutup_otomatis}
states:
  diterima: {label: Diterima, public_label: Diterima unit}
  dijawab: {label: Dijawab, public_label: Dijawab, waiting_for_reporter: true}
  selesai: {label: Selesai, public_label: Selesai, final: true}
  dicabut: {label: Dicabut, public_label: Dicabut, final: true}
transitions:
  - name: jawab
    label: Kirim jawaban
    from: [diterima]
    to: dijawab
    roles: [petugas, pimpinan]
    fields:
      - {name: jawaban, type: textarea, required: true, label: Jawaban}
      - {name: catatan, type: text, label: Catatan}
    message_field: jawaban
    visibility: public
    clocks: {stop: [tindak_lanjut], start: [tanggapan]}
  - name: catat
    label: Catat data
    from: [diterima]
    to: diterima
    roles: [petugas]
    fields:
      - {name: jumlah, type: integer, label: Jumlah}
      - {name: tanggal, type: date, label: Tanggal}
      - {name: mendesak, type: boolean, label: Mendesak}
      - {name: unit, type: organisation, label: Unit}
      - {name: petugas, type: user, label: Petugas}
      - name: prioritas
        type: choice
        label: Prioritas
        choices: [{value: rendah, label: Rendah}, {value: tinggi, label: Tinggi}]
      - {name: tingkat, type: severity, label: Tingkat}
  - name: konfirmasi
    label: Konfirmasi
    from: [diterima]
    to: diterima
    roles: [pimpinan]
    fields:
      - {name: setuju, type: boolean, required: true, label: Saya setuju}
  - name: terima
    label: Terima jawaban
    from: [dijawab]
    to: selesai
    roles: [pelapor]
    trigger: accept
    closure_reason: selesai
  - name: tanggapi
    label: Tanggapi
    from: [dijawab]
    to: diterima
    roles: [pelapor]
    trigger: reply
    fields: [{name: pesan, type: textarea, required: true, label: Pesan}]
    message_field: pesan
    visibility: reporter
  - name: tutup_otomatis
    label: Tutup otomatis
    from: [dijawab]
    to: selesai
    roles: [sistem]
    closure_reason: selesai
  - name: tutup
    label: Tutup
    from: "*"
    to: selesai
    roles: [pimpinan]
    fields:
      - {name: alasan, type: closure_reason, required: true, label: Alasan, reasons: [selesai, duplikat]}
severities:
  - {value: ringan, label: Ringan}
  - {value: berat, label: Berat}
closure_reasons:
  - {code: selesai, label: Selesai, public_label: Selesai}
  - {code: duplikat, label: Duplikat, public_label: Duplikat}
  - {code: spam, label: Spam, public_label: Tidak diproses}
"""

WF = parse_workflow(SMALL, "kecil.yaml")
SHIPPED = load_default_workflows()
ALL_ROLES = sorted(KNOWN_ROLES | PSEUDO_ROLES)


def _names(transitions):
    return [t.name for t in transitions]


def _catat(**data):
    return WF.check("diterima", "catat", ["petugas"], data)[1]


def _invalid(transition, data, roles=("petugas", "pimpinan"), state="diterima"):
    with pytest.raises(InvalidTransitionData) as exc:
        WF.check(state, transition, roles, data)
    return exc.value.errors


# -- transitions_from / reporter_transition ------------------------------------------------------------


def test_transitions_from_lists_the_state_transitions_in_definition_order():
    assert _names(WF.transitions_from("diterima", ["petugas", "pimpinan"])) == [
        "jawab",
        "catat",
        "konfirmasi",
        "tutup",
    ]


def test_transitions_from_offers_only_transitions_one_of_the_roles_may_take():
    assert _names(WF.transitions_from("diterima", ["petugas"])) == ["jawab", "catat"]


def test_transitions_from_offers_nothing_to_a_viewer():
    assert WF.transitions_from("diterima", ["viewer"]) == []


def test_transitions_from_an_unknown_state_is_empty():
    assert WF.transitions_from("tidak_ada", ALL_ROLES) == []


def test_transitions_from_accepts_any_iterable_of_roles():
    assert _names(WF.transitions_from("dijawab", iter(["pelapor"]))) == ["terima", "tanggapi"]


def test_staff_roles_are_not_offered_reporter_transitions():
    assert _names(WF.transitions_from("dijawab", ["petugas", "pimpinan"])) == ["tutup"]


def test_reporter_transition_finds_the_reply_transition():
    assert WF.reporter_transition("dijawab", "reply").name == "tanggapi"


def test_reporter_transition_finds_the_accept_transition():
    assert WF.reporter_transition("dijawab", "accept").name == "terima"


def test_reporter_transition_is_none_where_the_reporter_cannot_act():
    assert WF.reporter_transition("diterima", "reply") is None


def test_expiry_transition_is_the_clock_on_expiry_transition():
    assert WF.expiry_transition("tanggapan").name == "tutup_otomatis"


def test_expiry_transition_is_none_for_a_clock_without_on_expiry():
    assert WF.expiry_transition("tindak_lanjut") is None


def test_clock_ops_on_open_start_the_initial_clocks():
    assert WF.clock_ops_on_open() == ClockOps(start=("tindak_lanjut",))


def test_state_returns_the_state_spec():
    assert WF.state("dijawab").waiting_for_reporter is True


def test_state_unknown_raises_key_error():
    with pytest.raises(KeyError):
        WF.state("tidak_ada")


def test_final_states_are_those_marked_final():
    assert WF.final_states() == {"selesai", "dicabut"}


def test_workflow_mappings_are_read_only():
    with pytest.raises(TypeError):
        WF.states["baru"] = WF.states["diterima"]


# -- check: who may do what --------------------------------------------------------------------------


def test_check_returns_the_transition_and_cleaned_data():
    spec, cleaned = WF.check("diterima", "jawab", ["petugas"], {"jawaban": "  Sudah diperbaiki.  "})
    assert spec.name == "jawab"
    assert cleaned == {"jawaban": "Sudah diperbaiki."}


def test_check_unknown_transition_is_not_allowed():
    with pytest.raises(TransitionNotAllowed) as exc:
        WF.check("diterima", "terbang", ["petugas"], {})
    assert exc.value.code == "transition_not_allowed"
    assert "terbang" in str(exc.value)


def test_check_from_a_state_the_transition_does_not_leave_names_the_state_label():
    with pytest.raises(TransitionNotAllowed) as exc:
        WF.check("dijawab", "jawab", ["petugas"], {"jawaban": "x"})
    assert str(exc.value) == "Aksi 'jawab' tidak tersedia pada status 'Dijawab'."


def test_check_from_an_unknown_state_is_not_allowed():
    with pytest.raises(TransitionNotAllowed):
        WF.check("hilang", "jawab", ["petugas"], {"jawaban": "x"})


def test_check_without_an_allowed_role_is_not_allowed():
    with pytest.raises(TransitionNotAllowed) as exc:
        WF.check("diterima", "jawab", ["viewer", "auditor"], {"jawaban": "x"})
    assert "tidak berwenang" in str(exc.value)


def test_check_with_no_roles_is_not_allowed():
    with pytest.raises(TransitionNotAllowed):
        WF.check("diterima", "jawab", [], {"jawaban": "x"})


def test_check_allows_the_reporter_a_reporter_transition():
    spec, cleaned = WF.check("dijawab", "tanggapi", ["pelapor"], {"pesan": "Belum diperbaiki"})
    assert (spec.target, cleaned) == ("diterima", {"pesan": "Belum diperbaiki"})


def test_check_refuses_the_reporter_a_staff_transition():
    with pytest.raises(TransitionNotAllowed):
        WF.check("diterima", "jawab", ["pelapor"], {"jawaban": "x"})


def test_check_allows_the_system_its_expiry_transition():
    assert WF.check("dijawab", "tutup_otomatis", ["sistem"], {})[0].name == "tutup_otomatis"


def test_check_role_error_comes_before_data_errors():
    with pytest.raises(TransitionNotAllowed):
        WF.check("diterima", "jawab", ["viewer"], {})


def test_transition_not_allowed_is_the_core_domain_error():
    assert TransitionNotAllowed is CoreTransitionNotAllowed


# -- check: data -------------------------------------------------------------------------------------


def test_missing_required_field_is_invalid():
    assert _invalid("jawab", {}) == {"jawaban": "Wajib diisi."}


def test_blank_required_field_is_invalid():
    assert _invalid("jawab", {"jawaban": "   \n"}) == {"jawaban": "Wajib diisi."}


def test_none_required_field_is_invalid():
    assert _invalid("jawab", {"jawaban": None}) == {"jawaban": "Wajib diisi."}


def test_invalid_transition_data_has_code_and_is_invalid_input():
    with pytest.raises(InvalidTransitionData) as exc:
        WF.check("diterima", "jawab", ["petugas"], {})
    assert exc.value.code == "invalid_input"
    assert isinstance(exc.value, InvalidInput)


def test_every_bad_field_is_reported_at_once():
    errors = _invalid("catat", {"jumlah": "lima", "tanggal": "kemarin", "prioritas": "sedang"})
    assert set(errors) == {"jumlah", "tanggal", "prioritas"}


def test_unknown_keys_are_dropped():
    assert WF.check("diterima", "jawab", ["petugas"], {"jawaban": "ok", "state": "selesai"})[1] == {
        "jawaban": "ok"
    }


def test_absent_optional_fields_are_left_out():
    assert WF.check("diterima", "jawab", ["petugas"], {"jawaban": "ok", "catatan": " "})[1] == {
        "jawaban": "ok"
    }


def test_text_must_be_a_string():
    assert _invalid("jawab", {"jawaban": ["a"]}) == {"jawaban": "Harus berupa teks."}


def test_choice_value_is_kept():
    assert _catat(prioritas=" tinggi ")["prioritas"] == "tinggi"


def test_choice_outside_the_choices_is_invalid():
    assert _invalid("catat", {"prioritas": "sedang"}) == {"prioritas": "Pilihan 'sedang' tidak tersedia."}


def test_closure_reason_in_the_field_subset_is_accepted():
    assert WF.check("diterima", "tutup", ["pimpinan"], {"alasan": "duplikat"})[1] == {"alasan": "duplikat"}


def test_closure_reason_outside_the_field_subset_is_invalid():
    assert set(_invalid("tutup", {"alasan": "spam"})) == {"alasan"}


def test_closure_reason_unknown_to_the_workflow_is_invalid():
    assert set(_invalid("tutup", {"alasan": "hilang"})) == {"alasan"}


def test_closure_reason_without_choices_falls_back_to_the_workflow_reasons():
    field = FieldSpec("alasan", "closure_reason", True, "Alasan", "Reason")
    bare = dataclasses.replace(WF.transitions["tutup"], fields=(field,))
    assert WF.clean(bare, {"alasan": "spam"}) == {"alasan": "spam"}
    with pytest.raises(InvalidTransitionData):
        WF.clean(bare, {"alasan": "hilang"})


def test_severity_in_the_severities_is_accepted():
    assert _catat(tingkat="berat")["tingkat"] == "berat"


def test_severity_outside_the_severities_is_invalid():
    assert set(_invalid("catat", {"tingkat": "sedang"})) == {"tingkat"}


def test_integer_from_a_string_becomes_an_int():
    assert _catat(jumlah=" 42 ")["jumlah"] == 42


def test_negative_integer_is_parsed():
    assert _catat(jumlah="-3")["jumlah"] == -3


def test_integer_that_is_not_a_number_is_invalid():
    assert _invalid("catat", {"jumlah": "4.5"}) == {"jumlah": "Harus berupa bilangan bulat."}


def test_boolean_is_not_an_integer():
    assert set(_invalid("catat", {"jumlah": True})) == {"jumlah"}


def test_date_from_an_iso_string_becomes_a_date():
    assert _catat(tanggal="2025-07-14")["tanggal"] == dt.date(2025, 7, 14)


def test_datetime_becomes_its_date():
    assert _catat(tanggal=dt.datetime(2025, 7, 14, 9, 30))["tanggal"] == dt.date(2025, 7, 14)


def test_unparseable_date_is_invalid():
    assert _invalid("catat", {"tanggal": "14/07/2025"}) == {
        "tanggal": "Tanggal tidak valid (format TTTT-BB-HH)."
    }


def test_impossible_date_is_invalid():
    assert set(_invalid("catat", {"tanggal": "2025-02-30"})) == {"tanggal"}


@pytest.mark.parametrize(
    ("raw", "value"), [("on", True), ("ya", True), ("true", True), ("tidak", False), ("0", False)]
)
def test_boolean_words_are_understood(raw, value):
    assert _catat(mendesak=raw)["mendesak"] is value


def test_absent_optional_boolean_is_false():
    assert _catat()["mendesak"] is False


def test_unknown_boolean_word_is_invalid():
    assert set(_invalid("catat", {"mendesak": "mungkin"})) == {"mendesak"}


def test_absent_required_boolean_is_invalid():
    assert _invalid("konfirmasi", {}, roles=["pimpinan"]) == {"setuju": "Wajib diisi."}


def test_required_boolean_false_is_given():
    assert WF.check("diterima", "konfirmasi", ["pimpinan"], {"setuju": False})[1] == {"setuju": False}


def test_organisation_id_is_kept_as_int():
    assert _catat(unit=7)["unit"] == 7


def test_organisation_slug_is_stripped():
    assert _catat(unit=" dinas-pendidikan ")["unit"] == "dinas-pendidikan"


def test_user_of_another_type_is_invalid():
    assert set(_invalid("catat", {"petugas": ["a"]})) == {"petugas"}


def test_closure_reason_of_uses_the_chosen_reason():
    assert WF.closure_reason_of(WF.transitions["tutup"], {"alasan": "duplikat"}) == "duplikat"


def test_closure_reason_of_uses_the_fixed_reason():
    assert WF.closure_reason_of(WF.transitions["terima"], {}) == "selesai"


def test_closure_reason_of_a_transition_that_does_not_close_is_none():
    assert WF.closure_reason_of(WF.transitions["jawab"], {"jawaban": "x"}) is None


def test_problems_of_a_sound_workflow_is_empty():
    assert WF.problems() == []


# -- properties over the shipped SOPs ----------------------------------------------------------------


def _valid_value(field):
    if field.choices:
        return st.sampled_from([c.value for c in field.choices])
    return {
        "text": st.text(min_size=1).filter(str.strip),
        "textarea": st.text(min_size=1).filter(str.strip),
        "organisation": st.integers(min_value=1) | st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True),
        "user": st.integers(min_value=1),
        "date": st.dates() | st.dates().map(dt.date.isoformat),
        "integer": st.integers() | st.integers().map(str),
        "boolean": st.booleans(),
    }[field.type]


def _valid_data(draw, spec, everything=False):
    return {f.name: draw(_valid_value(f)) for f in spec.fields if f.required or everything}


workflows = st.sampled_from(sorted(SHIPPED.values(), key=lambda w: w.slug))
role_sets = st.frozensets(st.sampled_from(ALL_ROLES))
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(wf=workflows, roles=role_sets, data=st.data())
def test_every_offered_transition_is_accepted_with_its_required_fields(wf: Workflow, roles, data):
    state = data.draw(st.sampled_from(sorted(wf.states)))
    for spec in wf.transitions_from(state, roles):
        accepted, cleaned = wf.check(state, spec.name, roles, _valid_data(data.draw, spec))
        assert accepted is spec
        assert {f.name for f in spec.fields if f.required} <= set(cleaned)


@PROPERTY
@given(wf=workflows, roles=role_sets, data=st.data())
def test_check_accepts_exactly_the_offered_transitions(wf: Workflow, roles, data):
    state = data.draw(st.sampled_from(sorted(wf.states)))
    spec = data.draw(st.sampled_from(list(wf.transitions.values())))
    offered = spec in wf.transitions_from(state, roles)
    try:
        wf.check(state, spec.name, roles, _valid_data(data.draw, spec, everything=True))
    except TransitionNotAllowed:
        assert not offered
    else:
        assert offered


@PROPERTY
@given(wf=workflows, data=st.data())
def test_check_never_accepts_a_role_the_transition_does_not_list(wf: Workflow, data):
    spec = data.draw(st.sampled_from(list(wf.transitions.values())))
    others = data.draw(st.frozensets(st.sampled_from([r for r in ALL_ROLES if r not in spec.roles])))
    for state in spec.sources:
        with pytest.raises(TransitionNotAllowed):
            wf.check(state, spec.name, others, _valid_data(data.draw, spec, everything=True))


@PROPERTY
@given(wf=workflows, data=st.data(), extra=st.dictionaries(st.text(), st.text()))
def test_cleaned_data_holds_only_declared_fields(wf: Workflow, data, extra):
    spec = data.draw(st.sampled_from(list(wf.transitions.values())))
    given_data = {**extra, **_valid_data(data.draw, spec, everything=True)}
    cleaned = wf.check(spec.sources[0], spec.name, spec.roles, given_data)[1]
    assert set(cleaned) <= {f.name for f in spec.fields}


@PROPERTY
@given(wf=workflows, data=st.data())
def test_missing_required_field_is_always_reported_by_name(wf: Workflow, data):
    spec = data.draw(
        st.sampled_from([t for t in wf.transitions.values() if any(f.required for f in t.fields)])
    )
    complete = _valid_data(data.draw, spec)
    dropped = data.draw(st.sampled_from(sorted(complete)))
    with pytest.raises(InvalidTransitionData) as exc:
        wf.check(spec.sources[0], spec.name, spec.roles, {k: v for k, v in complete.items() if k != dropped})
    assert set(exc.value.errors) == {dropped}


@PROPERTY
@given(text=st.text().filter(str.strip))
def test_text_is_cleaned_to_its_stripped_self(text):
    assert WF.check("diterima", "jawab", ["petugas"], {"jawaban": text})[1]["jawaban"] == text.strip()


@PROPERTY
@given(number=st.integers())
def test_integer_round_trips_through_its_text(number):
    assert _catat(jumlah=str(number))["jumlah"] == number


@PROPERTY
@given(day=st.dates())
def test_date_round_trips_through_its_iso_text(day):
    assert _catat(tanggal=day.isoformat())["tanggal"] == day


@PROPERTY
@given(wf=workflows, data=st.data())
def test_a_random_walk_never_gets_stuck_before_a_final_state(wf: Workflow, data):
    state = wf.initial
    for _ in range(40):
        if wf.states[state].final:
            return
        offered = wf.transitions_from(state, ALL_ROLES)
        assert offered, f"{wf.slug}: no way out of '{state}'"
        spec = data.draw(st.sampled_from(offered))
        state = wf.check(state, spec.name, spec.roles, _valid_data(data.draw, spec))[0].target


@pytest.mark.parametrize("slug", sorted(SHIPPED))
def test_every_non_final_state_of_a_shipped_sop_can_reach_a_final_state(slug):
    wf = SHIPPED[slug]
    for start in (s for s, spec in wf.states.items() if not spec.final):
        seen, todo = {start}, [start]
        while todo:
            current = todo.pop()
            for spec in wf.transitions_from(current, ALL_ROLES):
                if spec.target not in seen:
                    seen.add(spec.target)
                    todo.append(spec.target)
        assert seen & wf.final_states(), f"{slug}: '{start}' cannot finish"


def test_workflow_survives_pickling_and_deep_copy():
    assert pickle.loads(pickle.dumps(WF)) == WF
    assert copy.deepcopy(WF) == WF


def test_problems_find_broken_rules_in_a_workflow_built_in_code():
    problems = dataclasses.replace(WF, initial="selesai").problems()
    assert Problem("workflow", "", "initial", "initial state 'selesai' is final") in problems
    assert {p.name for p in problems if p.kind == "state"} == {"diterima", "dijawab"}  # now unreachable


def test_problems_find_an_unknown_assign_on_in_a_workflow_built_in_code():
    problems = dataclasses.replace(WF, assign_on="sometimes").problems()
    assert [p.key for p in problems] == ["assign_on"]
