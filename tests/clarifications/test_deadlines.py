"""Overdue and due-soon flags on both sides, the list filters, and reminders sent once per stage."""

from __future__ import annotations

import datetime as dt

from tuntas.clarifications import selectors, services
from tuntas.clarifications.models import Reminder
from tuntas.clarifications.reminders import send_reminders
from tuntas.notify.models import OutboxMessage


def test_fresh_request_is_not_flagged(send, people):
    request = send(days=10)
    assert selectors.request_flag(request, selectors.due_window()) == ""


def test_request_due_within_two_working_days_is_due_soon(send, people, frozen):
    request = send(days=5)  # due Monday 9 March
    frozen(dt.timedelta(days=4))  # Friday 6 March: Monday is the next working day
    assert selectors.request_flag(request, selectors.due_window()) == "soon"


def test_request_past_its_deadline_is_overdue_for_both_sides(send, people, frozen):
    request = send(days=3)
    frozen(dt.timedelta(days=10))
    assert [r.pk for r in selectors.request_list(people.focal, box="incoming", due="overdue")] == [request.pk]
    assert [r.pk for r in selectors.request_list(people.asisten, box="outgoing", due="overdue")] == [
        request.pk
    ]
    assert selectors.overdue_counts(people.asisten) == {"incoming": 0, "outgoing": 1}


def test_answered_request_is_not_overdue(answered, people, frozen):
    frozen(dt.timedelta(days=60))
    assert selectors.request_flag(answered, selectors.due_window()) == ""
    assert not selectors.request_list(people.asisten, box="outgoing", due="overdue").exists()


def test_unit_sees_routed_request_as_incoming(routed, people):
    request, _row = routed
    assert [r.pk for r in selectors.request_list(people.petugas_pupr, box="incoming")] == [request.pk]
    assert not selectors.request_list(people.petugas_pupr, box="outgoing").exists()


def test_closed_tab_lists_accepted_requests(answered, people):
    services.request_accept(actor=people.asisten, request_id=answered.pk)
    assert not selectors.request_list(people.asisten, box="outgoing").exists()
    assert selectors.request_list(people.asisten, box="outgoing", status="closed").count() == 1


def test_routing_overdue_flag(routed, frozen):
    _request, row = routed
    frozen(dt.timedelta(days=12))  # the routing was due 11 March
    assert selectors.routing_flag(row, selectors.due_window()) == "overdue"


def messages_to(address: str) -> list[OutboxMessage]:
    return list(OutboxMessage.objects.filter(recipient=address).order_by("id"))


def test_due_soon_reminder_goes_to_the_receiver_once(send, people, frozen):
    send(days=5)
    frozen(dt.timedelta(days=4))
    before = len(messages_to(people.focal.email))
    first = send_reminders()
    second = send_reminders()
    assert (first.reminders, second.reminders, second.messages) == (1, 0, 0)
    assert len(messages_to(people.focal.email)) == before + 1
    assert Reminder.objects.get().stage == Reminder.Stage.DUE_SOON


def test_overdue_reminder_tells_receiver_and_sender_once(send, people, frozen):
    send(days=3)
    frozen(dt.timedelta(days=10))
    send_reminders()
    send_reminders()
    overdue = OutboxMessage.objects.filter(
        template__in=["clarification_overdue", "clarification_overdue_sender"]
    )
    assert sorted(overdue.values_list("recipient", flat=True)) == sorted(
        [people.focal.email, people.asisten.email]
    )


def test_due_soon_then_overdue_are_two_reminders(send, people, frozen):
    send(days=5)
    frozen(dt.timedelta(days=4))
    send_reminders()
    frozen(dt.timedelta(days=7))
    send_reminders()
    assert set(Reminder.objects.values_list("stage", flat=True)) == {"due_soon", "overdue"}


def test_unit_is_reminded_of_its_own_deadline(routed, people, frozen):
    frozen(dt.timedelta(days=12))
    send_reminders()
    assert (
        OutboxMessage.objects.filter(
            recipient=people.petugas_pupr.email, template="clarification_overdue"
        ).count()
        == 1
    )


def test_returned_request_is_reminded_again_in_its_new_round(answered, people, frozen):
    frozen(dt.timedelta(days=30))
    services.request_return(actor=people.asisten, request_id=answered.pk, note="Kurang.", days=1)
    frozen(dt.timedelta(days=3))
    send_reminders()
    assert Reminder.objects.filter(round=2, stage="overdue").exists()


def test_no_reminder_for_a_closed_request(answered, people, frozen):
    services.request_accept(actor=people.asisten, request_id=answered.pk)
    frozen(dt.timedelta(days=60))
    assert send_reminders().reminders == 0


def test_periodic_task_sends_the_reminders(send, people, frozen):
    from tuntas.jobs.tasks import clarification_reminders

    send(days=3)
    frozen(dt.timedelta(days=10))
    clarification_reminders.call_local()
    assert Reminder.objects.filter(stage="overdue", target="receiver").count() == 1
