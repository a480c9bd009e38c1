"""The reporter's escalation: while an answer awaits their response, or up to 10 working days after the
complaint closed, the reporter takes it to the Inspektorat covering its region, and from there to the
Ombudsman Perwakilan. Earlier handlings stay as evidence; a closed complaint opens again; the Ombudsman
examines alongside the Pemkab's open handlings."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.complaints.conftest import act, reload, row_counts
from tuntas.complaints import selectors, services, transfers
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core.errors import Conflict, InvalidInput, NotFound
from tuntas.directory.models import Organisation
from tuntas.notify.models import OutboxMessage

REASON = "Jalan baru ditambal sebagian, lubang di depan sekolah masih ada."


def escalate(s, reason: str = REASON, **proof: str) -> Handling:  # noqa: ANN001
    proof = proof or {"secret": s.secret}
    return services.reporter_escalate(code=s.complaint.tracking_code, reason=reason, **proof)


def accept(s) -> None:  # noqa: ANN001
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)


def inspektorat_settles(handling: Handling, directory) -> Handling:  # noqa: ANN001
    """The Inspektorat reviews, the Inspektur orders clarification, the auditor settles it (closing)."""
    h = act(
        directory.auditor, handling, "ajukan_telaahan", telaahan="Perlu klarifikasi.", saran="klarifikasi"
    )
    h = act(directory.inspektur, h, "klarifikasi")
    return act(
        directory.auditor,
        h,
        "selesai_klarifikasi",
        hasil_klarifikasi="PUPR menambal sisa lubang.",
        jawaban="Sisa lubang ditambal pada 20 Maret.",
    )


# --- while the answer awaits the reporter -------------------------------------------------------------------


def test_reporter_takes_an_answer_they_dispute_to_the_inspektorat(answered, directory):
    s, opd = answered()
    up = escalate(s)
    opd = reload(opd)
    assert (up.organisation, up.state, up.parent_id, up.instruction) == (
        directory.inspektorat,
        "telaah",
        opd.pk,
        REASON,
    )
    # The Inspektorat takes the OPD's answer over: it is closed, and stays in the timeline as evidence.
    assert (opd.state, opd.is_open, opd.closure_reason) == ("dilimpahkan", False, "dieskalasi_pelapor")
    assert opd.events.filter(kind=Event.Kind.TRANSITIONED, payload__to="dijawab").exists()
    assert reload(s.complaint).is_open


def test_escalation_records_the_request_and_the_move(answered, directory):
    s, opd = answered()
    up = escalate(s)
    request = s.complaint.events.get(kind=Event.Kind.ESCALATION_REQUESTED)
    assert (request.actor_kind, request.visibility, request.message) == ("pelapor", "reporter", REASON)
    assert request.payload["organisation"]["id"] == directory.inspektorat.pk
    moved = Event.objects.get(handling=up, kind=Event.Kind.TRANSFERRED)
    assert moved.payload["move"] == transfers.ESKALASI_PELAPOR
    assert moved.payload["from_handling"] == opd.pk
    assert moved.visibility == Event.Visibility.INTERNAL


def test_escalation_notifies_the_inspektorat_not_the_reporter(answered, directory):
    Organisation.objects.filter(pk=directory.inspektorat.pk).update(email="pengaduan@inspektorat.go.id")
    s, _ = answered()
    before = OutboxMessage.objects.filter(recipient="siti.aminah@example.id").count()
    escalate(s)
    assert OutboxMessage.objects.get(template="handling_received").recipient == "pengaduan@inspektorat.go.id"
    assert OutboxMessage.objects.filter(recipient="siti.aminah@example.id").count() == before


def test_escalation_with_the_portal_token(answered, directory):
    s, _ = answered()
    up = escalate(s, token=services.reporter_token(s.complaint))
    assert up.organisation == directory.inspektorat


def test_escalation_needs_a_reason(answered):
    s, _ = answered()
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        escalate(s, reason="   ")
    assert "reason" in exc.value.errors
    assert row_counts() == before


def test_wrong_secret_is_not_found(answered):
    s, _ = answered()
    with pytest.raises(NotFound):
        escalate(s, secret="AAAA-AAAA-AA")


def test_no_escalation_before_an_answer(submit, dispose):
    s = submit()
    dispose(s.complaint)
    before = row_counts()
    with pytest.raises(Conflict):
        escalate(s)
    assert row_counts() == before
    assert not selectors.public_status(s.complaint).can_escalate


def test_no_escalation_of_a_withdrawn_complaint(answered):
    s, _ = answered()
    services.reporter_withdraw(code=s.complaint.tracking_code, secret=s.secret, reason="Sudah beres.")
    with pytest.raises(Conflict):
        escalate(s)


# --- after closure ------------------------------------------------------------------------------------------


def test_escalation_after_closure_opens_the_complaint_again(answered, directory):
    s, opd = answered()
    accept(s)
    assert reload(s.complaint).status == Complaint.Status.CLOSED
    up = escalate(s)
    complaint = reload(s.complaint)
    assert (complaint.status, complaint.closed_at, complaint.closure_reason) == (
        Complaint.Status.OPEN,
        None,
        "",
    )
    assert reload(opd).state == "selesai"  # the accepted answer is not rewritten
    assert up.parent_id == opd.pk
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds.index(Event.Kind.CLOSED) < kinds.index(Event.Kind.REOPENED)
    reopened = complaint.events.get(kind=Event.Kind.REOPENED)
    assert (reopened.visibility, reopened.payload["closure_reason"]) == ("public", "selesai")


def test_escalation_window_is_ten_working_days_after_closure(answered, frozen):
    s, _ = answered()
    accept(s)  # closed on Monday 2 March 2026
    frozen(dt.timedelta(days=14))  # Monday 16 March: the 10th working day
    status = selectors.public_status(reload(s.complaint))
    assert status.can_escalate and status.escalate_until == dt.date(2026, 3, 16)
    frozen(dt.timedelta(days=1))
    assert not selectors.public_status(reload(s.complaint)).can_escalate
    with pytest.raises(Conflict):
        escalate(s)


def test_the_window_skips_holidays_of_the_complaints_region(answered, frozen):
    from tuntas.core.models import Holiday

    Holiday.objects.create(
        date=dt.date(2026, 3, 10), name="Hari jadi Kotabaru", kind="lokal", region_code="63.02"
    )
    s, _ = answered()
    accept(s)
    assert selectors.public_status(reload(s.complaint)).escalate_until == dt.date(2026, 3, 17)


# --- up the ladder: Inspektorat, then Ombudsman -------------------------------------------------------------


def test_second_escalation_goes_to_the_ombudsman(answered, directory):
    s, _ = answered()
    inspektorat = inspektorat_settles(escalate(s), directory)
    assert reload(s.complaint).status == Complaint.Status.CLOSED
    status = selectors.public_status(reload(s.complaint))
    assert (status.escalate_kind, status.escalate_to) == ("ombudsman", directory.ombudsman.name)
    up = escalate(s, reason="Lubang masih ada, Inspektorat tidak meninjau lokasi.")
    assert (up.organisation, up.state, up.parent_id) == (directory.ombudsman, "penerimaan", inspektorat.pk)
    assert reload(s.complaint).is_open


def test_nothing_above_the_ombudsman(answered, directory):
    s, _ = answered()
    inspektorat_settles(escalate(s), directory)
    ombudsman = escalate(s)
    act(directory.asisten, ombudsman, "tutup", alasan="bukan_kewenangan", penjelasan="Bukan kewenangan.")
    assert reload(s.complaint).status == Complaint.Status.CLOSED
    assert not selectors.public_status(reload(s.complaint)).can_escalate
    with pytest.raises(Conflict):
        escalate(s)


def test_without_an_inspektorat_for_the_region_the_ombudsman_is_next(answered, directory):
    Organisation.objects.filter(pk=directory.inspektorat.pk).update(is_active=False)
    s, _ = answered()
    assert escalate(s).organisation == directory.ombudsman


def test_without_any_oversight_body_there_is_no_escalation(answered, directory):
    Organisation.objects.filter(kind_id__in=["inspektorat", "ombudsman_perwakilan"]).update(is_active=False)
    s, _ = answered()
    assert not selectors.public_status(s.complaint).can_escalate
    with pytest.raises(Conflict):
        escalate(s)


# --- parallel handlings -------------------------------------------------------------------------------------


@pytest.fixture
def parallel(answered, directory):
    """The Inspektorat delegated the complaint back to PUPR, PUPR answered, and the still unhappy reporter
    went to the Ombudsman: the Ombudsman examines while PUPR's answer awaits the reporter."""

    def _parallel():  # noqa: ANN202
        s, _ = answered()
        h = act(directory.auditor, escalate(s), "ajukan_telaahan", telaahan="Ke unit.", saran="limpah")
        act(directory.inspektur, h, "limpah", target=directory.pupr.pk, instruksi="Tambal sisa lubang.")
        opd = s.complaint.handlings.get(organisation=directory.pupr, is_open=True)
        opd = act(directory.petugas_pupr, opd, "jawab", jawaban="Sisa lubang sudah ditambal.")
        return s, opd, escalate(s, reason="Tidak benar, masih berlubang.")

    return _parallel


def test_ombudsman_examines_alongside_the_answer_awaiting_the_reporter(parallel, directory):
    s, opd, ombudsman = parallel()
    assert ombudsman.organisation == directory.ombudsman
    assert reload(opd).state == "dijawab"  # the Pemkab's handling goes on
    assert set(s.complaint.handlings.filter(is_open=True)) == {reload(opd), ombudsman}


def test_public_status_shows_every_open_handling(parallel, directory):
    s, _, _ = parallel()
    status = selectors.public_status(reload(s.complaint))
    assert [(h.organisation, h.label) for h in status.handlings] == [
        (directory.pupr.name, "Sudah dijawab"),
        (directory.ombudsman.name, "Laporan diterima Ombudsman"),
    ]
    assert status.organisation == directory.ombudsman.name  # the most recent, for the existing callers
    assert status.can_accept and status.waiting_for_reporter
    assert not status.can_escalate  # nothing above the Ombudsman


def test_complaint_closes_only_when_every_handling_has(parallel, directory):
    s, opd, ombudsman = parallel()
    accept(s)  # the reporter accepts PUPR's answer; the Ombudsman is still examining
    assert reload(opd).state == "selesai"
    assert reload(s.complaint).status == Complaint.Status.OPEN
    act(
        directory.asisten, ombudsman, "tutup", alasan="sudah_diselesaikan_instansi", penjelasan="Sudah beres."
    )
    assert reload(s.complaint).status == Complaint.Status.CLOSED


def test_withdrawal_closes_parallel_handlings_too(parallel):
    s, _, _ = parallel()
    services.reporter_withdraw(code=s.complaint.tracking_code, secret=s.secret, reason="Sudah beres.")
    assert not s.complaint.handlings.filter(is_open=True).exists()


def test_public_status_of_a_single_handling_lists_it(answered, directory):
    s, _ = answered()
    status = selectors.public_status(s.complaint)
    assert [h.organisation for h in status.handlings] == [directory.pupr.name]
    assert (status.can_escalate, status.escalate_kind) == (True, "inspektorat")
    assert status.escalate_until is None  # while open: as long as the answer awaits them


# --- identity on the way up ---------------------------------------------------------------------------------


def test_reporter_escalation_about_the_inspektorat_goes_past_it_to_the_ombudsman(answered, directory):
    from tuntas.complaints import access

    s, _ = answered(reported_organisation="inspektorat-kotabaru")
    handling = escalate(s)
    assert handling.organisation == directory.ombudsman  # the Inspektorat does not oversee itself
    assert not s.complaint.handlings.filter(organisation=directory.inspektorat).exists()
    assert access.can_see_identity(directory.asisten, s.complaint)  # the Ombudsman is not the terlapor
    assert not access.can_see_identity(directory.inspektur, s.complaint)
