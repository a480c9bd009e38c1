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


def test_lapor_admin_outside_remit_hands_the_complaint_back_for_re_routing():
    """As SP4N-LAPOR! does: "bukan wewenang" returns the report for re-routing instead of closing it."""
    spec = LAPOR.transitions["bukan_wewenang"]
    assert not LAPOR.states[spec.target].final
    assert (spec.target, spec.closure_reason, spec.message_field) == ("dikembalikan", None, "penjelasan")
    assert spec.clocks.stop == ("verifikasi", "kelengkapan")
    returned = {t.name: t for t in LAPOR.transitions_from("dikembalikan", ["koordinator"])}
    assert {"alihkan", "verifikasi", "arsipkan"} <= set(returned)
    assert returned["verifikasi"].effect == "dispose"
    assert returned["alihkan"].field("instansi").required
    state = _walk(LAPOR, [("bukan_wewenang", {"penjelasan": "Jalan nasional"})])
    assert (state, LAPOR.states[state].public_label) == (
        "dikembalikan",
        "Dialihkan ke instansi yang berwenang",
    )
    steps = [
        ("bukan_wewenang", {"penjelasan": "Jalan nasional"}),
        ("alihkan", {"instansi": "BPJN", "pesan": "."}),
    ]
    assert _walk(LAPOR, steps) == "dialihkan"
    assert LAPOR.transitions["alihkan"].closure_reason == "bukan_wewenang"
    steps[1] = ("verifikasi", {"target": "dinas-pupr"})
    assert _walk(LAPOR, steps) == "didisposisikan"


def test_lapor_admin_document_wait_is_a_flagged_configurable_default():
    header = (default_definitions_dir() / "lapor-admin.yaml").read_text(encoding="utf-8").split("slug:")[0]
    defaults = header.split("NILAI BAWAAN YANG DAPAT DIUBAH")[1].splitlines()
    line = next(line for line in defaults if line.strip("#- ").startswith("kelengkapan "))
    assert line.split()[3] == str(LAPOR.clocks["kelengkapan"].duration) == "10"


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
            {
                "nomor_lhp": "LHP-1",
                "tanggal_lhp": "2025-05-02",
                "ringkasan": "...",
                "tingkat": "sedang",
                "rekomendasi": "Kembalikan pungutan",
            },
        ),
        ("kirim_surat_jawaban", {"nomor_surat": "S-9", "jawaban": "Terbukti; sanksi dijatuhkan."}),
        ("selesaikan", {"hasil_pemantauan": "Rekomendasi dilaksanakan."}),
    ]
    assert _walk(INSP, steps) == "selesai"


INSP_TO_LHP = [
    (
        "ajukan_telaahan",
        {"telaahan": "Dugaan pungli", "saran": "pemeriksaan_khusus", "berkadar_pengawasan": "on"},
    ),
    ("periksa", {"nomor_surat_tugas": "700/12/ITDA", "tanggal_surat_tugas": "2025-03-03", "tim": "A, B"}),
    ("susun_lhp", {}),
]


def test_inspektorat_monitors_only_when_the_lhp_has_recommendations():
    with_recs = INSP.transitions["terbitkan_lhp"]
    assert with_recs.field("rekomendasi").required
    assert INSP.transitions["kirim_surat_jawaban"].clocks.start == ("pemantauan",)
    without = INSP.transitions["terbitkan_lhp_tanpa_rekomendasi"]
    assert without.field("rekomendasi") is None
    data = {"nomor_lhp": "LHP-2", "tanggal_lhp": "2025-05-02", "ringkasan": "Tidak terbukti"}
    assert _walk(INSP, [*INSP_TO_LHP, (without.name, data)]) == "lhp_tanpa_rekomendasi"
    onward = INSP.transitions_from("lhp_tanpa_rekomendasi", ALL_ROLES)
    assert "pemantauan_tindak_lanjut" not in {t.target for t in onward}
    assert all("pemantauan" not in t.clocks.start for t in onward)
    letter = {"nomor_surat": "S-1", "kesimpulan": "tidak_terbukti", "jawaban": "Tidak terbukti."}
    steps = [*INSP_TO_LHP, (without.name, data), ("kirim_surat_jawaban_akhir", letter)]
    assert _walk(INSP, steps) == "selesai"
    spec = INSP.transitions["kirim_surat_jawaban_akhir"]
    assert INSP.closure_reason_of(spec, {"kesimpulan": "tidak_terbukti"}) == "tidak_terbukti"


def test_inspektorat_closes_as_not_substantiated():
    assert INSP.closure_reasons["tidak_terbukti"].public_label == "Pengaduan tidak terbukti"
    assert "tidak_terbukti" in [c.value for c in INSP.transitions["tutup"].field("alasan").choices]


def test_inspektorat_refers_to_law_enforcement_as_an_outcome():
    spec = INSP.transitions["rujuk_aph"]
    assert [c.value for c in spec.field("aph").choices] == ["kepolisian", "kejaksaan", "kpk"]
    assert (spec.roles, spec.closure_reason, spec.visibility) == ({"pimpinan"}, "dirujuk_aph", "public")
    state = INSP.states[spec.target]
    assert state.final and state.public_label == "Diteruskan ke aparat penegak hukum"
    data = {"aph": "kejaksaan", "nomor_surat": "700/1", "penjelasan": "Dugaan korupsi Dana Desa."}
    assert _walk(INSP, [*INSP_TO_LHP, ("rujuk_aph", data)]) == "dirujuk_aph"


# -- ombudsman -------------------------------------------------------------------------------------


OMB = SHIPPED["ombudsman"]


def test_ombudsman_gives_thirty_days_to_complete_then_closes_as_formally_inadmissible():
    clock = OMB.clocks["kelengkapan"]
    assert (clock.duration, clock.unit) == (30, "calendar_days")
    assert OMB.states["kelengkapan"].waiting_for_reporter
    expiry = OMB.expiry_transition("kelengkapan")
    assert (expiry.target, expiry.closure_reason) == ("ditutup", "tidak_memenuhi_syarat_formil")


def test_ombudsman_plenary_decides_examination_or_closure():
    assert {t.target for t in OMB.transitions_from("pleno", ["pimpinan"])} >= {
        "serah_terima_pemeriksaan",
        "ditutup",
    }


def test_ombudsman_examination_methods():
    methods = [c.value for c in OMB.transitions["pleno_tindaklanjuti"].field("metode").choices]
    assert methods == ["klarifikasi", "investigasi", "konsiliasi", "mediasi"]


def test_ombudsman_maladministration_types_are_the_eleven_in_practice():
    assert len(OMB.transitions["lahp_maladministrasi"].field("jenis_maladministrasi").choices) == 11


def test_ombudsman_final_report_has_three_conclusions():
    assert {t.name for t in OMB.transitions_from("penyusunan_lhp", ["pimpinan"])} >= {
        "lahp_maladministrasi",
        "lahp_tidak_ditemukan",
        "hentikan_pemeriksaan",
    }
    assert OMB.transitions["lahp_maladministrasi"].field("tindakan_korektif").required


def test_ombudsman_corrective_action_overdue_after_thirty_working_days_goes_to_resolution():
    clock = OMB.clocks["tindakan_korektif"]
    assert (clock.duration, clock.unit) == (30, "working_days")
    assert OMB.expiry_transition("tindakan_korektif").target == "serah_terima_resolusi"


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
        ("terima_pemeriksaan", {"pemeriksa": "Asisten A"}),
        ("sampaikan_hasil", {"hasil": "Penundaan berlarut terbukti"}),
        ("tanggapi_hasil", {"pesan": "Saya setuju"}),
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
        ("terima_resolusi", {"pemantau": "Asisten B"}),
        ("terbitkan_rekomendasi", {"nomor_rekomendasi": "R-1", "atasan_terlapor": "Bupati", "isi": "..."}),
        ("rekomendasi_dilaksanakan", {"ringkasan": "KTP terbit"}),
    ]
    assert _walk(OMB, steps) == "selesai"


OMB_TO_EXAMINATION = [
    ("memenuhi_formil", {"terlapor": "Disdukcapil"}),
    ("ajukan_pleno", {"ringkasan": "KTP tertunda", "dugaan_maladministrasi": "penundaan_berlarut"}),
    (
        "pleno_tindaklanjuti",
        {
            "tanggal_pleno": "2025-04-07",
            "metode": "klarifikasi",
            "dugaan_maladministrasi": "penundaan_berlarut",
        },
    ),
    ("terima_pemeriksaan", {"pemeriksa": "Asisten A"}),
]


def test_ombudsman_reporter_answers_the_examination_result_before_the_lhp():
    """The 14-day response comes before the LHP (PO 58/2023): no LHP straight from the examination."""
    assert _walk(OMB, OMB_TO_EXAMINATION) == "pemeriksaan"
    from_examination = {t.name for t in OMB.transitions_from("pemeriksaan", ALL_ROLES)}
    assert not from_examination & {"lahp_maladministrasi", "lahp_tidak_ditemukan"}
    send = OMB.transitions["sampaikan_hasil"]
    assert (send.target, send.clocks.pause, send.clocks.start) == (
        "tanggapan_pelapor",
        ("pemeriksaan",),
        ("tanggapan_hasil",),
    )
    assert (send.visibility, send.message_field) == ("reporter", "hasil")
    assert OMB.states["tanggapan_pelapor"].waiting_for_reporter
    clock = OMB.clocks["tanggapan_hasil"]
    assert (clock.duration, clock.unit) == (14, "working_days")
    reply = OMB.reporter_transition("tanggapan_pelapor", "reply")
    assert (reply.target, reply.clocks.stop, reply.clocks.resume) == (
        "penyusunan_lhp",
        ("tanggapan_hasil",),
        ("pemeriksaan",),
    )
    silent = OMB.expiry_transition("tanggapan_hasil")
    assert (silent.target, silent.clocks.resume) == ("penyusunan_lhp", ("pemeriksaan",))
    assert {"lahp_maladministrasi", "lahp_tidak_ditemukan"} <= {
        t.name for t in OMB.transitions_from("penyusunan_lhp", ["pimpinan"])
    }


def test_ombudsman_names_the_report_lhp():
    texts = [OMB.clocks["pemeriksaan"].label, OMB.description]
    for t in OMB.transitions.values():
        texts += [t.label, *(f.label for f in t.fields), *(f.help for f in t.fields)]
    texts += [s.label for s in OMB.states.values()] + [s.public_label for s in OMB.states.values()]
    assert not [t for t in texts if "LAHP" in t]
    assert OMB.transitions["lahp_maladministrasi"].label.startswith("LHP")


def _rekomendasi_steps():
    return [
        *OMB_TO_EXAMINATION,
        ("sampaikan_hasil", {"hasil": "Terbukti"}),
        ("tanpa_tanggapan", {}),
        (
            "lahp_maladministrasi",
            {
                "nomor_lahp": "LHP-3",
                "jenis_maladministrasi": "penundaan_berlarut",
                "tindakan_korektif": "Terbitkan KTP",
                "ringkasan": "Terbukti",
            },
        ),
        ("serahkan_resolusi", {"alasan": "Tidak ditanggapi"}),
        ("terima_resolusi", {"pemantau": "Asisten B"}),
        ("terbitkan_rekomendasi", {"nomor_rekomendasi": "R-1", "atasan_terlapor": "Bupati", "isi": "..."}),
    ]


@pytest.mark.parametrize(
    ("transition", "data", "state", "reason"),
    [
        (
            "rekomendasi_tidak_dilaksanakan",
            {"langkah": "publikasi", "ringkasan": "Tidak dilaksanakan"},
            "rekomendasi_tidak_dilaksanakan",
            "rekomendasi_tidak_dilaksanakan",
        ),
        (
            "rekomendasi_dilaksanakan_sebagian",
            {"bagian": "KTP terbit, SOP belum", "langkah": "keduanya", "ringkasan": "Sebagian"},
            "rekomendasi_sebagian",
            "rekomendasi_dilaksanakan_sebagian",
        ),
    ],
)
def test_ombudsman_recommendation_not_or_partly_carried_out_is_not_selesai(transition, data, state, reason):
    assert _walk(OMB, [*_rekomendasi_steps(), (transition, data)]) == state
    spec = OMB.states[state]
    assert spec.final
    assert "selesai" not in (spec.public_label + spec.public_label_en).casefold()
    assert "resolved" not in spec.public_label_en.casefold()
    assert OMB.transitions[transition].closure_reason == reason
    assert "selesai" not in OMB.closure_reasons[reason].public_label.casefold()


def test_ombudsman_intake_types_consultation_copy_and_own_initiative():
    assert _walk(OMB, [("catat_konsultasi", {"jawaban": "Silakan mengadu dulu ke instansi."})]) == (
        "konsultasi_dijawab"
    )
    assert _walk(OMB, [("catat_tembusan", {"catatan": "Dicatat."})]) == "tembusan_dicatat"
    for name in ("catat_konsultasi", "catat_tembusan"):
        assert OMB.transitions[name].clocks.stop == ("verifikasi",)
        assert OMB.states[OMB.transitions[name].target].final
    own = OMB.transitions["investigasi_prakarsa_sendiri"]
    assert (own.roles, own.clocks.start) == ({"pimpinan"}, ("pemeriksaan",))
    data = {"dasar": "Pemberitaan", "terlapor": "RSUD", "dugaan_maladministrasi": "tidak_kompeten"}
    assert _walk(OMB, [("investigasi_prakarsa_sendiri", data)]) == "serah_terima_pemeriksaan"


def test_ombudsman_hands_over_between_the_three_units():
    """Intake/verification -> examination -> resolution and monitoring, each a recorded hand-over."""
    assert OMB.transitions["pleno_tindaklanjuti"].target == "serah_terima_pemeriksaan"
    assert OMB.transitions["terima_pemeriksaan"].field("pemeriksa").required
    assert {OMB.transitions[n].target for n in ("ke_resolusi", "serahkan_resolusi")} == {
        "serah_terima_resolusi"
    }
    assert OMB.transitions["terima_resolusi"].target == "resolusi_monitoring"


def test_ombudsman_special_adjudication_is_an_option():
    steps = [
        *OMB_TO_EXAMINATION,
        ("ajukan_ajudikasi", {"permohonan": "Ganti rugi Rp5 juta"}),
        ("putusan_ajudikasi", {"nomor_putusan": "AK-1", "ringkasan": "Ganti rugi dibayar"}),
    ]
    assert _walk(OMB, steps) == "selesai"
    assert OMB.transitions["ajukan_ajudikasi"].clocks.stop == ("pemeriksaan", "resolusi")


def test_ombudsman_unconfirmed_time_limits_are_flagged_as_configurable_defaults():
    header = (default_definitions_dir() / "ombudsman.yaml").read_text(encoding="utf-8").split("slug:")[0]
    defaults = header.split("NILAI BAWAAN YANG DAPAT DIUBAH")[1].splitlines()
    for clock in ("rco", "verifikasi", "pemeriksaan", "resolusi"):
        line = next(line for line in defaults if line.strip("#- ").startswith(clock + " "))
        assert line.split()[3] == str(OMB.clocks[clock].duration)


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


def test_desa_complaint_about_the_kepala_desa_goes_to_the_camat_and_the_bpd():
    spec = DESA.transitions["adukan_kepala_desa"]
    assert (spec.effect, spec.field("target").kinds) == ("dispose", ("kecamatan", "bpd"))
    assert spec.field("penyampaian_bpd").required
    assert spec.closure_reason == "diteruskan_kepala_desa"
    assert DESA.closure_reasons["diteruskan_kepala_desa"].public_label == "Diteruskan ke camat dan BPD"
    data = {"target": "kec-a", "penyampaian_bpd": "3 Maret, Ketua BPD", "alasan": "Pungutan surat"}
    assert _walk(DESA, [("adukan_kepala_desa", data)]) == "diteruskan"


def test_desa_village_fund_complaint_goes_to_an_inspektorat_audit():
    spec = DESA.transitions["teruskan_inspektorat"]
    assert (spec.effect, spec.field("target").kinds) == ("dispose", ("inspektorat",))
    assert [c.value for c in spec.field("pokok").choices] == ["dana_desa", "apbdes", "add", "aset_desa"]
    assert spec.clocks.stop == ("penanganan",)
    data = {"target": "inspektorat", "pokok": "dana_desa", "alasan": "Jalan usaha tani fiktif"}
    assert _walk(DESA, [("teruskan_inspektorat", data)]) == "diteruskan"
