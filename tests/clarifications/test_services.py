"""Every step of a request, who may take it, and working-day deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.clarifications.conftest import pdf_with_author
from tests.factories import UserFactory, member
from tuntas.clarifications import services
from tuntas.clarifications.models import Document, InfoRequest, Routing
from tuntas.complaints.models import Event
from tuntas.core.calendars import clear_cache
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.core.models import Holiday

S = InfoRequest.Status


def kinds_on_timeline(complaint) -> list[str]:  # noqa: ANN001
    return [e.kind for e in complaint.events.filter(kind__startswith="clarification_").order_by("id")]


# --- sending ---------------------------------------------------------------------------------------------


def test_send_creates_a_request_due_in_working_days(send, people):
    request = send(days=5)
    assert request.status == S.SENT
    assert (request.sender_organisation, request.receiver_organisation) == (people.ombudsman, people.pemkab)
    assert request.handling.organisation == people.ombudsman
    # Monday 2 March 2026 + 5 working days = Monday 9 March.
    assert request.due_date == dt.date(2026, 3, 9)


def test_send_uses_the_kind_default_deadline(send):
    request = send()
    assert request.days == 14
    assert request.due_date == dt.date(2026, 3, 20)


def test_deadline_skips_a_holiday(send):
    Holiday.objects.create(date=dt.date(2026, 3, 4), name="Libur uji", kind=Holiday.Kind.NASIONAL)
    clear_cache()
    assert send(days=5).due_date == dt.date(2026, 3, 10)


def test_deadline_skips_a_local_holiday_of_the_receiver_region(send):
    Holiday.objects.create(
        date=dt.date(2026, 3, 5), name="Hari jadi", kind=Holiday.Kind.LOKAL, region_code="63.02"
    )
    clear_cache()
    assert send(days=5).due_date == dt.date(2026, 3, 10)


def test_send_writes_an_internal_timeline_event(send, complaint):
    request = send()
    event = complaint.events.get(kind=Event.Kind.CLARIFICATION_REQUESTED)
    assert event.visibility == Event.Visibility.INTERNAL
    assert event.payload["request"] == request.pk
    assert request.question not in str(event.payload) and event.message == ""


def test_send_stores_cleaned_files(send):
    request = send(files=(("surat.pdf", pdf_with_author()),))
    doc = request.documents.get()
    assert (doc.stage, doc.content_type) == (Document.Stage.REQUEST, "application/pdf")
    assert b"Siti" not in doc.file.open("rb").read()


def test_send_refuses_a_fake_file(send):
    with pytest.raises(InvalidInput) as exc:
        send(files=(("surat.pdf", b"bukan pdf"),))
    assert "files" in exc.value.errors
    assert not InfoRequest.objects.exists()


def test_send_refuses_an_organisation_not_handling_the_complaint(send, people):
    with pytest.raises(NotFound):
        send(actor=people.auditor)


def test_send_refuses_a_viewer(send, people, complaint):
    viewer = member(UserFactory(username="pemantau.omb"), people.ombudsman, "viewer")
    with pytest.raises(NotPermitted):
        send(actor=viewer)


def test_send_refuses_a_receiver_outside_the_choices(send, people):
    outsider = people.desa
    with pytest.raises(InvalidInput):
        send(receiver_id=outsider.pk)


@pytest.mark.parametrize("days", [0, 121, "x"])
def test_send_refuses_a_deadline_out_of_range(send, days):
    with pytest.raises(InvalidInput):
        send(days=days)


def test_send_requires_a_question(send):
    with pytest.raises(InvalidInput) as exc:
        send(question="   ")
    assert "question" in exc.value.errors


def test_send_refuses_an_unknown_kind(send):
    with pytest.raises(InvalidInput):
        send(kind="tidak-ada")


# --- routing and answers ---------------------------------------------------------------------------------


def test_focal_point_routes_to_a_unit(routed, people):
    request, row = routed
    request.refresh_from_db()
    assert request.status == S.ROUTED
    assert (row.organisation, row.status) == (people.pupr, Routing.Status.OPEN)
    # Half the request's 14 days by default: 7 working days from Monday 2 March.
    assert row.due_date == dt.date(2026, 3, 11)


def test_routing_is_never_due_after_the_request(send, people):
    request = send(days=3)
    (row,) = services.request_route(
        actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk], days=30
    )
    assert row.due_date == request.due_date


def test_route_to_two_units(send, people):
    request = send()
    rows = services.request_route(
        actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk, people.disdik.pk]
    )
    assert {r.organisation for r in rows} == {people.pupr, people.disdik}


def test_route_refuses_a_unit_already_working(routed, people):
    request, _row = routed
    with pytest.raises(Conflict):
        services.request_route(actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk])


def test_route_refuses_a_unit_outside_the_receiver(send, people):
    request = send()
    with pytest.raises(InvalidInput):
        services.request_route(
            actor=people.focal, request_id=request.pk, organisation_ids=[people.ombudsman.pk]
        )


def test_only_the_receiver_routes(send, people):
    request = send()
    with pytest.raises(NotPermitted):
        services.request_route(actor=people.asisten, request_id=request.pk, organisation_ids=[people.pupr.pk])


def test_an_outsider_cannot_find_the_request(send, people):
    request = send()
    with pytest.raises(NotFound):
        services.request_route(
            actor=people.petugas_disdik, request_id=request.pk, organisation_ids=[people.pupr.pk]
        )


def test_unit_answer_with_a_document(unit_answered, people):
    request, row = unit_answered
    assert row.status == Routing.Status.ANSWERED and row.answered_by == people.petugas_pupr
    assert request.status == S.UNIT_ANSWERED
    doc = request.documents.get(stage=Document.Stage.UNIT)
    assert (doc.routing, doc.organisation) == (row, people.pupr)


def test_request_stays_routed_until_every_unit_answered(send, people):
    request = send()
    rows = services.request_route(
        actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk, people.disdik.pk]
    )
    services.routing_answer(actor=people.petugas_pupr, routing_id=rows[0].pk, answer="Sudah.")
    request.refresh_from_db()
    assert request.status == S.ROUTED


def test_another_unit_cannot_answer_the_routing(routed, people):
    _request, row = routed
    with pytest.raises(NotFound):
        services.routing_answer(actor=people.petugas_disdik, routing_id=row.pk, answer="Bukan kami.")


def test_a_routing_is_answered_once(unit_answered, people):
    _request, row = unit_answered
    with pytest.raises(Conflict):
        services.routing_answer(actor=people.petugas_pupr, routing_id=row.pk, answer="Lagi.")


# --- reply, accept, return, withdraw ---------------------------------------------------------------------


def test_reply_passes_chosen_unit_documents_on(answered, people):
    assert answered.status == S.ANSWERED
    assert answered.replied_by == people.focal
    assert answered.documents.get(stage=Document.Stage.UNIT).in_reply


def test_reply_closes_units_still_working(routed, people):
    request, row = routed
    services.request_reply(actor=people.focal, request_id=request.pk, reply="Dijawab langsung oleh Pemkab.")
    row.refresh_from_db()
    assert row.status == Routing.Status.CLOSED


def test_reply_refuses_a_document_of_another_request(answered, send, people):
    other = send(subject="Permintaan lain")
    doc = answered.documents.get(stage=Document.Stage.UNIT)
    with pytest.raises(InvalidInput):
        services.request_reply(actor=people.focal, request_id=other.pk, reply="x", document_ids=[doc.pk])


def test_a_unit_cannot_reply_for_the_receiver(routed, people):
    request, _row = routed
    with pytest.raises(NotPermitted):
        services.request_reply(actor=people.petugas_pupr, request_id=request.pk, reply="Kami jawab sendiri.")


def test_sender_accepts_the_reply(answered, people, complaint):
    request = services.request_accept(actor=people.asisten, request_id=answered.pk, note="Cukup.")
    assert request.status == S.ACCEPTED and request.closed_at is not None
    assert kinds_on_timeline(complaint) == [
        Event.Kind.CLARIFICATION_REQUESTED,
        Event.Kind.CLARIFICATION_ROUTED,
        Event.Kind.CLARIFICATION_ANSWERED,
        Event.Kind.CLARIFICATION_ANSWERED,
        Event.Kind.CLARIFICATION_CLOSED,
    ]


def test_receiver_cannot_accept_its_own_reply(answered, people):
    with pytest.raises(NotPermitted):
        services.request_accept(actor=people.focal, request_id=answered.pk)


def test_accept_needs_a_reply(send, people):
    request = send()
    with pytest.raises(Conflict):
        services.request_accept(actor=people.asisten, request_id=request.pk)


def test_return_asks_again_with_a_new_deadline(answered, people, frozen):
    frozen(dt.timedelta(days=7))  # Monday 9 March
    request = services.request_return(
        actor=people.asisten, request_id=answered.pk, note="Kontrak belum ditandatangani.", days=5
    )
    assert (request.status, request.round) == (S.RETURNED, 2)
    assert request.due_date == dt.date(2026, 3, 16)


def test_returned_request_can_be_routed_and_answered_again(answered, people):
    services.request_return(actor=people.asisten, request_id=answered.pk, note="Kurang lengkap.")
    (row,) = services.request_route(
        actor=people.focal, request_id=answered.pk, organisation_ids=[people.pupr.pk]
    )
    assert row.round == 2
    services.routing_answer(actor=people.petugas_pupr, routing_id=row.pk, answer="Kontrak bertanda tangan.")
    request = services.request_reply(actor=people.focal, request_id=answered.pk, reply="Lengkap.")
    assert request.status == S.ANSWERED


def test_return_requires_a_reason(answered, people):
    with pytest.raises(InvalidInput):
        services.request_return(actor=people.asisten, request_id=answered.pk, note="")


def test_sender_withdraws_and_open_routings_close(routed, people):
    request, row = routed
    request = services.request_withdraw(
        actor=people.asisten, request_id=request.pk, reason="Laporan dicabut."
    )
    row.refresh_from_db()
    assert (request.status, row.status) == (S.WITHDRAWN, Routing.Status.CLOSED)


def test_closed_request_takes_no_more_steps(answered, people):
    services.request_accept(actor=people.asisten, request_id=answered.pk)
    with pytest.raises(Conflict):
        services.request_withdraw(actor=people.asisten, request_id=answered.pk, reason="x")
    with pytest.raises(Conflict):
        services.request_route(
            actor=people.focal, request_id=answered.pk, organisation_ids=[people.disdik.pk]
        )


def test_every_step_bumps_the_version(answered, people):
    before = answered.version
    request = services.request_accept(actor=people.asisten, request_id=answered.pk)
    assert request.version == before + 1


def test_inspektorat_asks_an_opd_directly(file_with_ombudsman, people):
    """The same mechanism serves the Inspektorat asking an OPD (here: after a take-over it handles it)."""
    from tests.complaints.conftest import act
    from tuntas.complaints.services_transfer import handling_take_over

    complaint = file_with_ombudsman(intake_organisation=None)  # filed with the coordinator
    act(people.koordinator, complaint.handlings.get(), "verifikasi", target=people.pupr.pk)
    opd = complaint.handlings.get(organisation=people.pupr)
    handling_take_over(actor=people.inspektur, handling_id=opd.pk, reason="Berkadar pengawasan.")
    request = services.request_send(
        actor=people.auditor,
        complaint_id=complaint.pk,
        receiver_id=people.pupr.pk,
        kind="dokumen",
        subject="Dokumen kontrak",
        question="Mohon salinan kontrak.",
    )
    assert (request.sender_organisation, request.receiver_organisation) == (people.inspektorat, people.pupr)
