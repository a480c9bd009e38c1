"""The SOPs shipped with Tuntas: each loads, is sound, and says what the regulations and DOMAIN.md say."""

from __future__ import annotations

import string

import pytest

from tuntas.workflows.engine import KNOWN_ROLES, PSEUDO_ROLES, InvalidTransitionData, Workflow
from tuntas.workflows.loader import default_definitions_dir, load_default_workflows, load_workflow_file


@pytest.fixture(autouse=True)
def _media():
    """Overrides the suite-wide autouse fixture that needs pytest-django: these tests run without Django."""


SHIPPED = load_default_workflows()
SLUGS = sorted(SHIPPED)
ALL_ROLES = KNOWN_ROLES | PSEUDO_ROLES
STAFF = ["admin", "koordinator", "petugas", "pimpinan", "auditor"]


def _walk(wf: Workflow, steps: list[tuple[str, dict]], roles=STAFF) -> str:
    """Take ``steps`` (transition, data) from the initial state through ``check``; the state reached."""
    state = wf.initial
    for name, data in steps:
        spec = wf.transitions[name]
        state = wf.check(state, name, roles if spec.roles.isdisjoint(PSEUDO_ROLES) else spec.roles, data)[
            0
        ].target
    return state


def _reaches(wf: Workflow, start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for spec in wf.transitions_from(todo.pop(), ALL_ROLES):
            if spec.target not in seen:
                seen.add(spec.target)
                todo.append(spec.target)
    return seen


# -- every shipped SOP -------------------------------------------------------------------------------


def test_the_five_default_sops_are_shipped():
    assert SLUGS == ["desa", "inspektorat", "lapor-admin", "ombudsman", "opd"]


@pytest.mark.parametrize("path", sorted(default_definitions_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_each_file_is_named_after_its_slug(path):
    assert load_workflow_file(path).slug == path.stem


@pytest.mark.parametrize("slug", SLUGS)
def test_sop_is_sound(slug):
    assert SHIPPED[slug].problems() == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_state_is_reachable_from_the_initial_state(slug):
    wf = SHIPPED[slug]
    assert set(wf.states) - _reaches(wf, wf.initial) == {wf.on_withdraw}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_open_state_can_reach_a_final_state(slug):
    wf = SHIPPED[slug]
    for state in (s for s, spec in wf.states.items() if not spec.final):
        assert _reaches(wf, state) & wf.final_states(), state


@pytest.mark.parametrize("slug", SLUGS)
def test_withdrawal_ends_in_dicabut_with_its_closure_reason(slug):
    wf = SHIPPED[slug]
    assert wf.on_withdraw == "dicabut"
    assert "dicabut" in wf.closure_reasons


@pytest.mark.parametrize("slug", SLUGS)
def test_every_closing_transition_records_a_closure_reason(slug):
    wf = SHIPPED[slug]
    for spec in wf.transitions.values():
        if wf.states[spec.target].final:
            chosen = any(f.type == "closure_reason" and f.required for f in spec.fields)
            assert chosen or spec.closure_reason, spec.name


@pytest.mark.parametrize("slug", SLUGS)
def test_every_waiting_state_lets_the_reporter_reply_or_accept(slug):
    wf = SHIPPED[slug]
    for state in (s for s, spec in wf.states.items() if spec.waiting_for_reporter):
        assert wf.reporter_transition(state, "reply") or wf.reporter_transition(state, "accept"), state


@pytest.mark.parametrize("slug", SLUGS)
def test_staff_can_finish_the_handling_at_any_stage(slug):
    wf = SHIPPED[slug]
    for state in (s for s, spec in wf.states.items() if not spec.final):
        assert any(wf.states[t.target].final for t in wf.transitions_from(state, STAFF)), state


@pytest.mark.parametrize("slug", SLUGS)
def test_every_label_has_an_english_version(slug):
    wf = SHIPPED[slug]
    labelled = [
        *wf.states.values(),
        *wf.transitions.values(),
        *wf.clocks.values(),
        *wf.closure_reasons.values(),
    ]
    labelled += [f for t in wf.transitions.values() for f in t.fields]
    for item in labelled:
        assert item.label.strip() and item.label_en.strip(), item
    assert wf.name_en and wf.description and wf.description_en


@pytest.mark.parametrize("slug", SLUGS)
def test_every_open_state_tells_the_citizen_in_plain_words(slug):
    for state in SHIPPED[slug].states.values():
        assert state.public_label and state.public_label_en
        fields = {f for _, f, _, _ in string.Formatter().parse(state.public_next) if f is not None}
        assert fields <= {"due"}


@pytest.mark.parametrize("slug", SLUGS)
def test_messages_to_the_reporter_are_not_internal(slug):
    for spec in SHIPPED[slug].transitions.values():
        if spec.message_field:
            assert spec.visibility in ("reporter", "public"), spec.name


@pytest.mark.parametrize(
    ("slug", "transition"),
    [
        ("lapor-admin", "tunda"),
        ("opd", "minta_klarifikasi"),
        ("inspektorat", "minta_keterangan"),
        ("ombudsman", "minta_kelengkapan"),
    ],
)
def test_requests_for_more_information_are_shown_only_to_the_reporter(slug, transition):
    """Such a request may repeat personal details from the report, so it never goes on the public page."""
    assert SHIPPED[slug].transitions[transition].visibility == "reporter"


@pytest.mark.parametrize("slug", SLUGS)
def test_dispositions_name_the_organisation_kinds_they_may_target(slug):
    for spec in SHIPPED[slug].transitions.values():
        if spec.effect == "dispose":
            assert spec.field("target").kinds, spec.name


@pytest.mark.parametrize("slug", SLUGS)
def test_no_transition_for_viewers(slug):
    assert all("viewer" not in t.roles for t in SHIPPED[slug].transitions.values())


# -- lapor-admin: the Pemkab complaint coordinator ---------------------------------------------------


LAPOR = SHIPPED["lapor-admin"]


def test_lapor_admin_verifies_within_three_working_days():
    assert LAPOR.initial == "menunggu_verifikasi"
    assert LAPOR.clock_ops_on_open().start == ("verifikasi",)
    assert (LAPOR.clocks["verifikasi"].duration, LAPOR.clocks["verifikasi"].unit) == (3, "working_days")


def test_lapor_admin_verification_disposes_to_a_work_unit():
    spec = LAPOR.transitions["verifikasi"]
    assert (spec.effect, spec.target, spec.roles) == (
        "dispose",
        "didisposisikan",
        {"koordinator", "admin", "pimpinan"},
    )
    assert set(spec.field("target").kinds) == {"opd", "kecamatan", "desa", "kelurahan", "inspektorat"}
    assert not spec.field("instruksi").required
    assert LAPOR.states["didisposisikan"].final


def test_lapor_admin_verification_needs_a_target():
    with pytest.raises(InvalidTransitionData) as exc:
        LAPOR.check("menunggu_verifikasi", "verifikasi", ["koordinator"], {})
    assert exc.value.errors == {"target": "Wajib diisi."}


def test_lapor_admin_hold_pauses_verification_and_waits_for_the_reporter():
    spec = LAPOR.transitions["tunda"]
    assert spec.clocks.pause == ("verifikasi",)
    assert LAPOR.states[spec.target].waiting_for_reporter
    assert spec.message_field == "kekurangan"


def test_lapor_admin_reporter_reply_resumes_verification():
    spec = LAPOR.reporter_transition("ditunda", "reply")
    assert (spec.target, spec.clocks.resume) == ("menunggu_verifikasi", ("verifikasi",))


def test_lapor_admin_hold_archives_itself_when_the_reporter_stays_silent():
    expiry = LAPOR.expiry_transition("kelengkapan")
    assert (expiry.sources, expiry.target, expiry.closure_reason) == (
        ("ditunda",),
        "diarsipkan",
        "tidak_dilengkapi",
    )


def test_lapor_admin_outside_remit_closes_with_a_message_to_the_reporter():
    spec = LAPOR.transitions["bukan_wewenang"]
    assert LAPOR.states[spec.target].final
    assert (spec.closure_reason, spec.message_field) == ("bukan_wewenang", "penjelasan")


def test_lapor_admin_archive_reasons():
    reasons = [c.value for c in LAPOR.transitions["arsipkan"].field("alasan").choices]
    assert reasons == ["tidak_dapat_ditindaklanjuti", "duplikat", "spam"]


def test_lapor_admin_happy_path():
    state = _walk(LAPOR, [("tunda", {"kekurangan": "Lokasi?"}), ("lengkapi", {"pesan": "Jl. Merdeka 1"})])
    assert state == "menunggu_verifikasi"
    assert _walk(LAPOR, [("verifikasi", {"target": "disdik"})]) == "didisposisikan"


# -- opd: the work unit ------------------------------------------------------------------------------


OPD = SHIPPED["opd"]


def test_opd_follow_up_takes_five_working_days_by_tier():
    clock = OPD.clocks["tindak_lanjut"]
    assert (clock.duration, clock.unit, clock.tiered) == (5, "working_days", True)
    assert OPD.initial_clocks == ("tindak_lanjut",)


def test_opd_answer_waits_ten_working_days_then_closes_itself():
    answer = OPD.transitions["jawab"]
    assert (answer.target, answer.clocks.start, answer.message_field) == (
        "dijawab",
        ("tanggapan_pelapor",),
        "jawaban",
    )
    assert OPD.states["dijawab"].waiting_for_reporter
    clock = OPD.clocks["tanggapan_pelapor"]
    assert (clock.duration, clock.unit) == (10, "working_days")
    expiry = OPD.expiry_transition("tanggapan_pelapor")
    assert (expiry.name, expiry.roles, expiry.target) == ("tutup_otomatis", {"sistem"}, "selesai")


def test_opd_reporter_accepting_the_answer_resolves_it():
    assert OPD.reporter_transition("dijawab", "accept").target == "selesai"


def test_opd_reporter_not_satisfied_restarts_the_follow_up():
    spec = OPD.reporter_transition("dijawab", "reply")
    assert (spec.target, spec.clocks.start) == ("diproses", ("tindak_lanjut",))


def test_opd_clarification_pauses_the_follow_up_until_the_reporter_replies():
    ask = OPD.transitions["minta_klarifikasi"]
    assert (ask.target, ask.clocks.pause) == ("menunggu_klarifikasi", ("tindak_lanjut",))
    assert OPD.reporter_transition("menunggu_klarifikasi", "reply").clocks.resume == ("tindak_lanjut",)


def test_opd_staff_can_close_with_a_reason():
    spec = OPD.transitions["tutup"]
    assert {"petugas", "pimpinan"} <= spec.roles
    assert spec.field("alasan").type == "closure_reason"


def test_opd_happy_path():
    steps = [
        ("proses", {}),
        ("minta_klarifikasi", {"pertanyaan": "Di mana lokasinya?"}),
        ("balas_klarifikasi", {"pesan": "Depan pasar"}),
        ("jawab", {"jawaban": "Sudah diperbaiki."}),
        ("terima_jawaban", {}),
    ]
    assert _walk(OPD, steps) == "selesai"


# -- inspektorat -------------------------------------------------------------------------------------


INSP = SHIPPED["inspektorat"]


def test_inspektorat_grades_severity():
    assert [c.value for c in INSP.severities] == ["ringan", "sedang", "berat"]


def test_inspektorat_audit_clock_is_sixty_working_days():
    assert (INSP.clocks["pemeriksaan"].duration, INSP.clocks["pemeriksaan"].unit) == (60, "working_days")


def test_inspektorat_inspector_decides_after_the_review():
    decisions = {t.name for t in INSP.transitions_from("disposisi_inspektur", ["pimpinan"])}
    assert {"limpah", "klarifikasi", "periksa", "tutup"} <= decisions
    assert INSP.transitions["limpah"].effect == "dispose"


def test_inspektorat_may_settle_at_clarification():
    spec = INSP.transitions["selesai_klarifikasi"]
    assert (spec.sources, spec.target, spec.closure_reason) == (
        ("konfirmasi_klarifikasi",),
        "selesai",
        "selesai_klarifikasi",
    )


def test_inspektorat_special_audit_records_the_assignment_letter_and_team():
    fields = {f.name: f for f in INSP.transitions["periksa"].fields}
    assert fields["nomor_surat_tugas"].required and fields["tim"].required
    assert fields["tingkat"].type == "severity"


def test_inspektorat_report_records_number_summary_and_severity():
    fields = {f.name: f for f in INSP.transitions["terbitkan_lhp"].fields}
    assert all(fields[n].required for n in ("nomor_lhp", "ringkasan", "tingkat"))


def test_inspektorat_full_audit_path():
    steps = [
        (
            "ajukan_telaahan",
            {"telaahan": "Dugaan pungli", "saran": "pemeriksaan_khusus", "berkadar_pengawasan": "on"},
        ),
        ("klarifikasi", {}),
        ("periksa", {"nomor_surat_tugas": "700/12/ITDA", "tanggal_surat_tugas": "2025-03-03", "tim": "A, B"}),
        ("susun_lhp", {}),
        (
            "terbitkan_lhp",
            {"nomor_lhp": "LHP-1", "tanggal_lhp": "2025-05-02", "ringkasan": "...", "tingkat": "sedang"},
        ),
        ("kirim_surat_jawaban", {"nomor_surat": "S-9", "jawaban": "Terbukti; sanksi dijatuhkan."}),
        ("selesaikan", {"hasil_pemantauan": "Rekomendasi dilaksanakan."}),
    ]
    assert _walk(INSP, steps) == "selesai"


# -- ombudsman -------------------------------------------------------------------------------------


OMB = SHIPPED["ombudsman"]


def test_ombudsman_gives_thirty_days_to_complete_then_closes_as_formally_inadmissible():
    clock = OMB.clocks["kelengkapan"]
    assert (clock.duration, clock.unit) == (30, "calendar_days")
    assert OMB.states["kelengkapan"].waiting_for_reporter
    expiry = OMB.expiry_transition("kelengkapan")
    assert (expiry.target, expiry.closure_reason) == ("ditutup", "tidak_memenuhi_syarat_formil")


def test_ombudsman_plenary_decides_examination_or_closure():
    assert {t.target for t in OMB.transitions_from("pleno", ["pimpinan"])} >= {"pemeriksaan", "ditutup"}


def test_ombudsman_examination_methods():
    methods = [c.value for c in OMB.transitions["pleno_tindaklanjuti"].field("metode").choices]
    assert methods == ["klarifikasi", "investigasi", "konsiliasi", "mediasi"]


def test_ombudsman_maladministration_types_are_the_eleven_in_practice():
    assert len(OMB.transitions["lahp_maladministrasi"].field("jenis_maladministrasi").choices) == 11


def test_ombudsman_final_report_has_three_conclusions():
    assert {t.name for t in OMB.transitions_from("pemeriksaan", ["pimpinan"])} >= {
        "lahp_maladministrasi",
        "lahp_tidak_ditemukan",
        "hentikan_pemeriksaan",
    }
    assert OMB.transitions["lahp_maladministrasi"].field("tindakan_korektif").required


def test_ombudsman_corrective_action_overdue_after_thirty_working_days_goes_to_resolution():
    clock = OMB.clocks["tindakan_korektif"]
    assert (clock.duration, clock.unit) == (30, "working_days")
    assert OMB.expiry_transition("tindakan_korektif").target == "resolusi_monitoring"


def test_ombudsman_rapid_response_is_a_short_fast_track():
    spec = OMB.transitions["rco"]
    assert (spec.sources, spec.target, spec.clocks.start) == (("penerimaan",), "rco_koordinasi", ("rco",))
    assert OMB.clocks["rco"].duration == 3
    assert "selesai" in {t.target for t in OMB.transitions_from("rco_koordinasi", STAFF)}


def test_ombudsman_closure_categories_follow_practice():
    assert set(OMB.closure_reasons) >= {
        "dicabut",
        "tidak_memenuhi_syarat_formil",
        "bukan_kewenangan",
        "sudah_diselesaikan_instansi",
        "dalam_tenggang_waktu_instansi",
        "dalam_proses_pengadilan",
        "sudah_dilaporkan",
        "pemeriksaan_dihentikan",
        "selesai_tindakan_korektif",
    }


def test_ombudsman_report_can_be_closed_at_every_stage():
    assert set(OMB.transitions["tutup"].sources) == {s for s, spec in OMB.states.items() if not spec.final}


def test_ombudsman_recommendation_path():
    steps = [
        ("memenuhi_formil", {"terlapor": "Disdukcapil"}),
        (
            "ajukan_pleno",
            {"ringkasan": "KTP tertunda 6 bulan", "dugaan_maladministrasi": "penundaan_berlarut"},
        ),
        (
            "pleno_tindaklanjuti",
            {
                "tanggal_pleno": "2025-04-07",
                "metode": "klarifikasi",
                "dugaan_maladministrasi": "penundaan_berlarut",
            },
        ),
        (
            "lahp_maladministrasi",
            {
                "nomor_lahp": "LAHP-3",
                "jenis_maladministrasi": "penundaan_berlarut",
                "tindakan_korektif": "Terbitkan KTP",
                "ringkasan": "Terbukti",
            },
        ),
        ("ke_resolusi", {}),
        ("terbitkan_rekomendasi", {"nomor_rekomendasi": "R-1", "atasan_terlapor": "Bupati", "isi": "..."}),
        ("rekomendasi_dilaksanakan", {"ringkasan": "KTP terbit"}),
    ]
    assert _walk(OMB, steps) == "selesai"


def test_ombudsman_focal_point_reports_corrective_action():
    assert [t.name for t in OMB.transitions_from("tindakan_korektif", ["focal_point"])] == [
        "laporkan_tindakan_korektif"
    ]


# -- desa --------------------------------------------------------------------------------------------


DESA = SHIPPED["desa"]


def test_desa_answers_within_five_working_days():
    assert (DESA.clocks["penanganan"].duration, DESA.initial_clocks) == (5, ("penanganan",))


def test_desa_answer_closes_itself_after_ten_working_days():
    assert DESA.clocks["tanggapan_pelapor"].duration == 10
    assert DESA.expiry_transition("tanggapan_pelapor").target == "selesai"


def test_desa_forwards_to_kecamatan_or_opd():
    spec = DESA.transitions["teruskan"]
    assert (spec.effect, spec.field("target").kinds) == ("dispose", ("kecamatan", "opd"))


def test_desa_happy_path():
    assert (
        _walk(DESA, [("jawab", {"jawaban": "Lampu jalan sudah diganti."}), ("terima_jawaban", {})])
        == "selesai"
    )
