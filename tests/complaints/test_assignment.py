"""Who owns a handling: the first action assigns it (per SOP), and the pimpinan reassigns in bulk."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at, reload
from tests.factories import UserFactory
from tuntas.complaints import selectors, services, services_staff
from tuntas.complaints.models import Event, Handling
from tuntas.complaints.selectors import InboxFilters
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.workflows.registry import active_definition, definition_save


def _assigned_events(handling: Handling) -> list[Event]:
    return list(Event.objects.filter(handling=handling, kind=Event.Kind.ASSIGNED).order_by("id"))


def _opd_assigns_never() -> None:
    source = active_definition("opd").source
    definition_save(
        source=source.replace("on_withdraw: dicabut", "on_withdraw: dicabut\nassign_on: never", 1)
    )


def test_first_action_assigns_the_handling_to_the_officer_who_took_it(submit, dispose, directory):
    opd = dispose(submit().complaint)
    assert opd.assignee_id is None
    act(directory.petugas_pupr, opd, "proses")
    assert reload(opd).assignee == directory.petugas_pupr


def test_first_action_records_one_assigned_event_before_the_transition(submit, dispose, directory):
    opd = dispose(submit().complaint)
    act(directory.petugas_pupr, opd, "proses")
    (event,) = _assigned_events(opd)
    assert event.actor == directory.petugas_pupr
    assert event.payload == {
        "from": None,
        "to": directory.petugas_pupr.pk,
        "name": str(directory.petugas_pupr),
        "on": "first_action",
    }
    transitioned = Event.objects.get(handling=opd, kind=Event.Kind.TRANSITIONED)
    assert event.pk < transitioned.pk


def test_later_actions_keep_the_first_assignee(submit, dispose, directory):
    opd = dispose(submit().complaint)
    act(directory.petugas_pupr, opd, "proses")
    act(directory.kadis_pupr, opd, "jawab", jawaban="Jalan sudah ditambal.")
    assert reload(opd).assignee == directory.petugas_pupr
    assert len(_assigned_events(opd)) == 1


def test_sop_with_assign_on_never_leaves_the_handling_unassigned(submit, dispose, directory):
    _opd_assigns_never()
    opd = dispose(submit().complaint)
    act(directory.petugas_pupr, opd, "proses")
    assert reload(opd).assignee_id is None
    assert _assigned_events(opd) == []


def test_superuser_who_is_not_a_member_is_not_assigned(submit, directory):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    coordinator = handling_at(submit().complaint, directory.coordinator)
    act(admin, coordinator, "verifikasi", target=directory.pupr.pk)
    assert reload(coordinator).assignee_id is None
    assert _assigned_events(coordinator) == []


def test_tugas_saya_counts_the_handling_after_the_first_action(submit, dispose, directory):
    opd = dispose(submit().complaint)
    mine = InboxFilters(assignee="me")
    assert selectors.inbox(directory.petugas_pupr, mine).count() == 0
    act(directory.petugas_pupr, opd, "proses")
    assert list(selectors.inbox(directory.petugas_pupr, mine)) == [opd]


@pytest.mark.parametrize("transition", ["proses", "jawab"])
def test_any_first_action_assigns(submit, dispose, directory, transition):
    opd = dispose(submit().complaint)
    act(directory.kadis_pupr, opd, transition, jawaban="Sudah diperbaiki.")
    assert reload(opd).assignee == directory.kadis_pupr


# --- bulk reassignment -------------------------------------------------------------------------------


def _three_at_pupr(submit, dispose) -> list[Handling]:  # noqa: ANN001
    return [dispose(submit().complaint) for _ in range(3)]


def _petugas_two(directory):  # noqa: ANN001, ANN202
    from tests.factories import member

    return member(
        UserFactory(username="petugas2.pupr", email="petugas2@pupr.contoh.id"), directory.pupr, "petugas"
    )


def test_pimpinan_assigns_several_handlings_at_once(submit, dispose, directory):
    from tuntas.notify.models import OutboxMessage

    handlings = _three_at_pupr(submit, dispose)
    officer = _petugas_two(directory)
    before = OutboxMessage.objects.filter(recipient=officer.email).count()
    done = services.handlings_assign(
        actor=directory.kadis_pupr, handling_ids=[h.pk for h in handlings], assignee_id=officer.pk
    )
    assert {h.pk for h in done} == {h.pk for h in handlings}
    for h in handlings:
        assert reload(h).assignee == officer
        (event,) = _assigned_events(h)
        assert event.actor == directory.kadis_pupr and event.payload["to"] == officer.pk
    # one message listing the three, not three messages
    messages = OutboxMessage.objects.filter(recipient=officer.email)[before:]
    (message,) = list(messages)
    assert message.template == "staff_assigned_bulk"
    for h in handlings:
        assert h.complaint.tracking_code in message.body
    assert message.subject.startswith("3 pengaduan")


def test_one_refused_handling_refuses_the_whole_batch_and_names_it(submit, dispose, directory):
    handlings = _three_at_pupr(submit, dispose)
    closed = handlings[1]
    Handling.objects.filter(pk=closed.pk).update(is_open=False)
    officer = _petugas_two(directory)
    with pytest.raises(InvalidInput) as exc:
        services.handlings_assign(
            actor=directory.kadis_pupr, handling_ids=[h.pk for h in handlings], assignee_id=officer.pk
        )
    assert closed.complaint.tracking_code in exc.value.message
    assert all(reload(h).assignee_id is None for h in handlings)
    assert not any(_assigned_events(h) for h in handlings)


def test_an_assignee_outside_one_handlings_unit_refuses_the_batch(submit, dispose, directory):
    pupr = _three_at_pupr(submit, dispose)
    disdik = dispose(submit(reported_organisation="dinas-pendidikan").complaint, directory.disdik)
    from tests.factories import member

    member(directory.kadis_pupr, directory.disdik, "pimpinan")
    officer = _petugas_two(directory)
    with pytest.raises(InvalidInput) as exc:
        services.handlings_assign(
            actor=directory.kadis_pupr,
            handling_ids=[*(h.pk for h in pupr), disdik.pk],
            assignee_id=officer.pk,
        )
    assert disdik.complaint.tracking_code in exc.value.message
    assert all(reload(h).assignee_id is None for h in [*pupr, disdik])


def test_petugas_cannot_bulk_assign_a_colleague(submit, dispose, directory):
    handlings = _three_at_pupr(submit, dispose)
    officer = _petugas_two(directory)
    with pytest.raises(NotPermitted):
        services.handlings_assign(
            actor=directory.petugas_pupr, handling_ids=[h.pk for h in handlings], assignee_id=officer.pk
        )
    assert all(reload(h).assignee_id is None for h in handlings)


def test_a_handling_the_actor_cannot_see_is_not_found(submit, dispose, directory):
    pupr = _three_at_pupr(submit, dispose)
    disdik = dispose(submit(reported_organisation="dinas-pendidikan").complaint, directory.disdik)
    with pytest.raises(NotFound):
        services.handlings_assign(
            actor=directory.kadis_pupr,
            handling_ids=[pupr[0].pk, disdik.pk],
            assignee_id=directory.petugas_pupr.pk,
        )
    assert reload(pupr[0]).assignee_id is None


def test_bulk_clear_and_limits(submit, dispose, directory):
    handlings = _three_at_pupr(submit, dispose)
    ids = [h.pk for h in handlings]
    services.handlings_assign(
        actor=directory.kadis_pupr, handling_ids=ids, assignee_id=directory.petugas_pupr.pk
    )
    services.handlings_assign(actor=directory.kadis_pupr, handling_ids=ids, assignee_id=None)
    assert all(reload(h).assignee_id is None for h in handlings)
    with pytest.raises(InvalidInput):
        services.handlings_assign(actor=directory.kadis_pupr, handling_ids=[], assignee_id=None)
    too_many = range(1, services_staff.BULK_ASSIGN_LIMIT + 2)
    with pytest.raises(InvalidInput):
        services.handlings_assign(actor=directory.kadis_pupr, handling_ids=too_many, assignee_id=None)
