"""Staff transitions on a handling: the checks before, and what one transition writes."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import NIK, PHONE, act, handling_at, reload, row_counts, staff, transitions_of
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.complaints.services import ReporterInput
from tuntas.core.errors import Conflict, InvalidInput, NotFound, TransitionNotAllowed
from tuntas.notify.models import OutboxMessage


def test_role_the_sop_does_not_allow_is_refused(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)
    with pytest.raises(TransitionNotAllowed):
        act(directory.viewer, handling, "verifikasi", target=directory.pupr.pk)
    assert reload(handling).state == "menunggu_verifikasi"


def test_transition_from_the_wrong_state_is_refused(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(TransitionNotAllowed):
        act(directory.petugas_pupr, opd, "lanjutkan")  # only from menunggu_klarifikasi
    assert reload(opd).state == "diterima"


def test_unknown_transition_is_refused(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)
    with pytest.raises(TransitionNotAllowed):
        act(directory.koordinator, handling, "hapus")


def test_missing_required_field_is_invalid_input_naming_it(submit, dispose, directory):
    opd = dispose(submit().complaint)
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        act(directory.petugas_pupr, opd, "jawab", jawaban="  ")
    assert "jawaban" in exc.value.errors
    assert row_counts() == before


def test_disposing_to_an_organisation_kind_the_sop_does_not_allow_is_invalid(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)
    with pytest.raises(InvalidInput) as exc:
        act(directory.koordinator, handling, "verifikasi", target=directory.ombudsman.pk)
    assert "target" in exc.value.errors
    assert not Handling.objects.filter(organisation=directory.ombudsman).exists()


def test_disposing_to_an_unknown_organisation_is_invalid(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)
    with pytest.raises(InvalidInput) as exc:
        act(directory.koordinator, handling, "verifikasi", target="dinas-tidak-ada")
    assert "target" in exc.value.errors


def test_forwarding_to_itself_is_invalid(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(InvalidInput) as exc:
        act(directory.petugas_pupr, opd, "teruskan", target=directory.pupr.slug, alasan="Salah unit.")
    assert "target" in exc.value.errors
    assert reload(opd).state == "diterima"


def test_user_of_another_organisation_gets_not_found(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        act(directory.petugas_disdik, opd, "proses")


def test_stale_expected_version_is_a_conflict_and_writes_nothing(submit, dispose, directory):
    opd = dispose(submit().complaint)
    seen = opd.version
    act(directory.petugas_pupr, opd, "proses")
    before = row_counts()
    with pytest.raises(Conflict):
        services.handling_transition(
            actor=staff(directory.kadis_pupr),
            handling_id=opd.pk,
            transition="minta_klarifikasi",
            data={"pertanyaan": "Di km berapa?"},
            expected_version=seen,
        )
    assert row_counts() == before
    assert reload(opd).state == "diproses"


def test_current_expected_version_is_accepted(submit, dispose, directory):
    opd = dispose(submit().complaint)
    result = services.handling_transition(
        actor=staff(directory.petugas_pupr),
        handling_id=opd.pk,
        transition="proses",
        expected_version=opd.version,
    )
    assert (result.state, result.version) == ("diproses", opd.version + 1)


def test_transition_on_a_closed_handling_is_a_conflict(submit, directory):
    complaint = submit().complaint
    handling = handling_at(complaint, directory.coordinator)
    act(directory.koordinator, handling, "arsipkan", alasan="spam")
    with pytest.raises(Conflict):
        act(directory.koordinator, handling, "bukan_wewenang", penjelasan="Bukan wewenang.")


def test_every_transition_writes_exactly_one_transitioned_event_with_from_and_to(submit, dispose, directory):
    complaint = submit().complaint
    coordinator = handling_at(complaint, directory.coordinator)
    opd = dispose(complaint)
    steps = [
        ("proses", {}, "diterima", "diproses"),
        ("minta_klarifikasi", {"pertanyaan": "Di km berapa?"}, "diproses", "menunggu_klarifikasi"),
        ("lanjutkan", {"catatan": "Lokasi sudah ditemukan."}, "menunggu_klarifikasi", "diproses"),
        ("jawab", {"jawaban": "Sudah ditambal."}, "diproses", "dijawab"),
    ]
    assert [(e.payload["from"], e.payload["to"]) for e in transitions_of(coordinator)] == [
        ("menunggu_verifikasi", "didisposisikan")
    ]
    for name, data, source, target in steps:
        before = Event.objects.filter(kind=Event.Kind.TRANSITIONED).count()
        act(directory.petugas_pupr, opd, name, **data)
        events = transitions_of(opd)
        assert Event.objects.filter(kind=Event.Kind.TRANSITIONED).count() == before + 1
        last = events[-1]
        assert (last.payload["transition"], last.payload["from"], last.payload["to"]) == (
            name,
            source,
            target,
        )
        assert last.actor == directory.petugas_pupr


def test_closure_reason_chosen_in_a_field_is_recorded(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    act(directory.kadis_pupr, opd, "tutup", alasan="duplikat", penjelasan="Sama dengan laporan KTB-2345-AB.")
    assert reload(opd).closure_reason == "duplikat"
    assert (reload(complaint).status, complaint.closure_reason) == (Complaint.Status.CLOSED, "duplikat")


def test_closure_reason_fixed_by_the_transition_is_recorded(submit, dispose, directory):
    complaint = submit().complaint
    dispose(complaint)
    assert handling_at(complaint, directory.coordinator).closure_reason == "didisposisikan"


def test_severity_given_in_an_inspektorat_transition_is_recorded(submit, dispose, directory):
    handling = dispose(submit().complaint, to=directory.inspektorat)
    act(directory.auditor, handling, "ajukan_telaahan", telaahan="Dugaan pungli.", saran="pemeriksaan_khusus")
    handling = act(
        directory.inspektur,
        handling,
        "periksa",
        nomor_surat_tugas="700/12/ITDA",
        tanggal_surat_tugas="2026-03-02",
        tim="Tim A",
        tingkat="berat",
    )
    assert (handling.state, reload(handling).severity) == ("pemeriksaan_khusus", "berat")


def test_reporter_visible_transition_queues_an_email_to_the_reporter(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa lubangnya?")
    event = transitions_of(opd)[-1]
    message = OutboxMessage.objects.get(event=event)
    assert (message.channel, message.recipient) == ("email", "siti.aminah@example.id")
    assert "Di km berapa lubangnya?" in message.body


def test_no_email_for_an_anonymous_reporter(submit, dispose, directory):
    complaint = submit(privacy=Complaint.Privacy.ANONYMOUS).complaint
    opd = dispose(complaint)
    act(directory.petugas_pupr, opd, "jawab", jawaban="Sudah ditambal.")
    assert not OutboxMessage.objects.filter(complaint=complaint).exists()


def test_no_email_when_the_reporter_left_none(submit, dispose, directory):
    complaint = submit(reporter=ReporterInput(name="Siti Aminah", phone=PHONE)).complaint
    opd = dispose(complaint)
    act(directory.petugas_pupr, opd, "jawab", jawaban="Sudah ditambal.")
    assert not OutboxMessage.objects.filter(complaint=complaint).exists()


def test_no_email_for_an_internal_transition(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa?")
    before = OutboxMessage.objects.count()
    act(directory.petugas_pupr, opd, "lanjutkan", catatan="Lokasi ditemukan sendiri.")
    assert transitions_of(opd)[-1].visibility == Event.Visibility.INTERNAL
    assert OutboxMessage.objects.count() == before


def test_outbox_never_contains_the_reporters_nik_or_phone(answered, directory):
    s, opd = answered(privacy=Complaint.Privacy.PUBLIC)
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Belum selesai.")
    act(directory.petugas_pupr, opd, "jawab", jawaban="Sudah ditambal ulang.")
    services.comment_add(
        actor=directory.petugas_pupr, handling_id=opd.pk, text="Terima kasih.", to_reporter=True
    )
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    messages = list(OutboxMessage.objects.filter(complaint=s.complaint))
    assert len(messages) >= 5
    for m in messages:
        text = m.subject + m.body + m.recipient
        assert NIK not in text and PHONE not in text and "Siti Aminah" not in text


def test_disposing_to_a_unit_whose_sop_is_not_loaded_is_invalid(submit, directory):
    from tuntas.directory.models import Organisation

    Organisation.objects.create(
        name="RSUD Kotabaru",
        slug="rsud-kotabaru",
        kind=directory.pupr.kind,
        workflow="rsud",
        parent=directory.pemkab,
    )
    handling = handling_at(submit().complaint, directory.coordinator)
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        act(directory.koordinator, handling, "verifikasi", target="rsud-kotabaru")
    assert "target" in exc.value.errors
    assert row_counts() == before


def test_user_of_another_organisation_gets_not_found_even_with_a_stale_version(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        services.handling_transition(
            actor=staff(directory.petugas_disdik),
            handling_id=opd.pk,
            transition="proses",
            expected_version=99,
        )


def test_a_complaint_closed_without_resolution_does_not_read_selesai_to_the_citizen(
    submit, dispose, directory
):
    complaint = submit().complaint
    opd = dispose(complaint)
    act(directory.kadis_pupr, opd, "tutup", alasan="duplikat", penjelasan="Sama dengan laporan KTB-2345-AB.")
    assert selectors.public_status(reload(complaint)).label == "Ditutup: Sama dengan pengaduan lain"


def test_a_resolved_complaint_reads_selesai_once(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    act(directory.kadis_pupr, opd, "tutup", alasan="selesai", penjelasan="Jalan sudah ditambal.")
    assert selectors.public_status(reload(complaint)).label == "Selesai"
