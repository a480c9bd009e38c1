"""Who owns a handling: the first action assigns it (per SOP), and the pimpinan reassigns in bulk."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at, reload
from tests.factories import UserFactory
from tuntas.complaints import selectors
from tuntas.complaints.models import Event, Handling
from tuntas.complaints.selectors import InboxFilters
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
