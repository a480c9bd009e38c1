"""Staff alerts from the SLA pass: due soon, breached, escalation to pimpinan; each once per clock."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.complaints.conftest import handling_at
from tuntas.complaints import services
from tuntas.complaints.deadlines import sla_tick
from tuntas.complaints.models import Event
from tuntas.directory.models import User
from tuntas.notify.models import OutboxMessage
from tuntas.sla.models import StaffAlert
from tuntas.workflows.models import WorkflowDefinition

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_emails(directory) -> None:  # noqa: ANN001
    for user in User.objects.all():
        user.email = f"{user.username}@kotabaru.go.id"
        user.save(update_fields=["email"])


def sent(template: str) -> list[str]:
    return sorted(OutboxMessage.objects.filter(template=template).values_list("recipient", flat=True))


def assigned_at_pupr(submit, dispose, directory):  # noqa: ANN001, ANN201
    """Filed and disposed on Monday 2 March; PUPR's tindak_lanjut (5 working days) is due Monday 9 March."""
    opd = dispose(submit().complaint)
    services.handling_assign(
        actor=directory.kadis_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    return opd


def test_a_deadline_due_soon_is_announced_to_the_assignee_once(
    submit, dispose, directory, frozen, staff_emails
):
    assigned_at_pupr(submit, dispose, directory)
    frozen(dt.timedelta(days=2))  # Wednesday 4 March: due in 3 working days, not yet soon
    assert sla_tick().due_soon == 0
    frozen(dt.timedelta(days=1))  # Thursday 5 March: 2 working days left
    first, second = sla_tick(), sla_tick()
    assert (first.due_soon, second.due_soon) == (1, 0)
    assert sent("staff_due_soon") == ["petugas.pupr@kotabaru.go.id"]
    body = OutboxMessage.objects.get(template="staff_due_soon").body
    assert "Tindak lanjut" in body and "9 Maret 2026" in body and "2 hari kerja" in body


def test_a_deadline_due_soon_goes_to_the_staff_when_nobody_is_assigned(submit, frozen, staff_emails):
    submit()  # the coordinator's verifikasi (3 working days) is due Thursday 5 March
    frozen(dt.timedelta(days=1))
    assert sla_tick().due_soon == 1
    assert sent("staff_due_soon") == ["koordinator@kotabaru.go.id"]


def test_a_clock_waiting_for_the_reporter_sends_no_due_soon_alert(
    submit, dispose, directory, frozen, staff_emails
):
    opd = dispose(submit().complaint)
    services.handling_transition(
        actor=services.Actor(user=directory.petugas_pupr),
        handling_id=opd.pk,
        transition="minta_klarifikasi",
        data={"pertanyaan": "Di titik mana tepatnya?"},
    )
    frozen(dt.timedelta(days=11))  # klarifikasi (10 working days) due Monday 16 March
    sla_tick()
    assert not StaffAlert.objects.filter(clock__name="klarifikasi").exists()


def test_a_breach_is_announced_to_the_handler_once(submit, frozen, staff_emails):
    submit()
    frozen(dt.timedelta(days=4))  # Friday 6 March: verifikasi was due Thursday
    first, second = sla_tick(), sla_tick()
    assert (first.breached, second.breached) == (1, 0)
    assert sent("staff_breached") == ["koordinator@kotabaru.go.id"]
    message = OutboxMessage.objects.get(template="staff_breached")
    assert message.event.kind == Event.Kind.CLOCK_BREACHED


def test_breach_of_a_resolution_clock_is_escalated_to_pimpinan_once(
    submit, dispose, directory, frozen, staff_emails
):
    opd = assigned_at_pupr(submit, dispose, directory)
    frozen(dt.timedelta(days=8))  # Tuesday 10 March: tindak_lanjut was due Monday 9 March
    first, second = sla_tick(), sla_tick()
    assert (first.escalated, second.escalated) == (1, 0)
    assert sent("staff_escalated") == ["kadis.pupr@kotabaru.go.id"]
    assert sent("staff_breached") == ["petugas.pupr@kotabaru.go.id"]
    [note] = Event.objects.filter(
        handling=handling_at(opd.complaint, directory.pupr), kind=Event.Kind.COMMENTED
    )
    assert note.visibility == Event.Visibility.INTERNAL
    assert note.payload == {
        "sla_action": "escalate_pimpinan",
        "clock": "tindak_lanjut",
        "due_date": "2026-03-09",
    }
    assert "pimpinan" in note.message
    body = OutboxMessage.objects.get(template="staff_escalated").body
    assert str(directory.petugas_pupr) in body  # pimpinan learns who holds it


def test_no_escalation_where_the_sop_does_not_ask_for_it(submit, frozen, staff_emails):
    submit()  # lapor-admin's verifikasi keeps the default on_breach: [notify, mark_overdue]
    frozen(dt.timedelta(days=4))
    assert sla_tick().escalated == 0
    assert sent("staff_escalated") == []
    assert not Event.objects.filter(kind=Event.Kind.COMMENTED).exists()


def test_on_breach_without_mark_overdue_or_notify_only_escalates(submit, directory, frozen, staff_emails):
    definition = (
        WorkflowDefinition.objects.filter(slug="lapor-admin", is_active=True).order_by("-version").first()
    )
    source = definition.source.replace(
        "    duration: 3\n    unit: working_days\n",
        "    duration: 3\n    unit: working_days\n    on_breach: [escalate_pimpinan]\n",
        1,
    )
    assert source != definition.source
    WorkflowDefinition.objects.filter(pk=definition.pk).update(source=source)
    submit()
    frozen(dt.timedelta(days=4))
    result = sla_tick()
    assert (result.breached, result.escalated) == (1, 1)
    assert not Event.objects.filter(kind=Event.Kind.CLOCK_BREACHED).exists()
    assert sent("staff_breached") == []
    assert (
        Event.objects.filter(kind=Event.Kind.COMMENTED, payload__sla_action="escalate_pimpinan").count() == 1
    )


def test_escalations_nobody_can_read_are_logged_once_per_tick_as_a_summary(
    submit, dispose, directory, frozen, caplog
):
    # No staff email at all: PUPR's pimpinan cannot be reached. Two breached handlings there make one line
    # naming the unit, not one line per handling (the demo's start-up printed about fifty).
    for _ in range(2):
        assigned_at_pupr(submit, dispose, directory)
    frozen(dt.timedelta(days=8))
    with caplog.at_level("INFO", logger="tuntas"):
        result = sla_tick()
    assert result.escalated == 2
    assert result.unreachable == {directory.pupr.name}
    lines = [r.getMessage() for r in caplog.records if "no pimpinan with an email" in r.getMessage()]
    assert lines == [
        "sla escalation: 1 organisations have no pimpinan with an email, escalated on the timeline only: "
        + directory.pupr.name
    ]
    assert (
        Event.objects.filter(kind=Event.Kind.COMMENTED, payload__sla_action="escalate_pimpinan").count() == 2
    )
