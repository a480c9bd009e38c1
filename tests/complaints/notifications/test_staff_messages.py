"""Staff notifications: who gets them when work arrives or is assigned, and that they never carry the
identity of a confidential reporter."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import NIK, PHONE, act, handling_at
from tests.factories import UserFactory, member
from tests.notify.conftest import recipients, staff_messages
from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.directory.models import Membership
from tuntas.notify.models import OutboxMessage
from tuntas.notify.services import notify_staff

pytestmark = pytest.mark.django_db

REPORTER_TRACES = ("Siti Aminah", "siti.aminah@example.id", PHONE, NIK, "RT 03 Desa Sigam")


def test_notify_staff_writes_one_email_per_working_member_with_an_address(directory, staff_emails):
    messages = notify_staff(
        organisation=directory.pupr, key="staff_breached", context={"clock": "Tindak lanjut"}
    )
    assert {m.recipient for m in messages} == {"petugas.pupr@kotabaru.go.id", "kadis.pupr@kotabaru.go.id"}
    assert {m.channel for m in messages} == {OutboxMessage.Channel.EMAIL}


def test_notify_staff_writes_once_to_a_member_holding_several_roles(directory, staff_emails):
    messages = notify_staff(organisation=directory.ombudsman, key="staff_breached", context={})
    assert [m.recipient for m in messages] == ["asisten.ombudsman@kotabaru.go.id"]


def test_notify_staff_skips_viewers_inactive_members_and_users_without_email(directory, staff_emails):
    member(UserFactory(username="tanpa.email"), directory.coordinator, "petugas")
    gone = member(
        UserFactory(username="mantan", email="mantan@kotabaru.go.id"), directory.coordinator, "petugas"
    )
    Membership.objects.filter(user=gone).update(is_active=False)
    messages = notify_staff(organisation=directory.coordinator, key="staff_breached", context={})
    assert {m.recipient for m in messages} == {"koordinator@kotabaru.go.id"}  # not pemantau (viewer)


def test_notify_staff_limits_to_the_roles_asked_for(directory, staff_emails):
    messages = notify_staff(organisation=directory.pupr, key="staff_breached", context={}, roles=["pimpinan"])
    assert [m.recipient for m in messages] == ["kadis.pupr@kotabaru.go.id"]


def test_notify_staff_refuses_a_model_instance_in_the_context(directory, submit):
    complaint = submit().complaint
    with pytest.raises(TypeError, match="context.complaint"):
        notify_staff(organisation=directory.pupr, key="staff_breached", context={"complaint": complaint})


def test_new_complaint_is_announced_to_the_intake_staff(submit, directory, staff_emails):
    complaint = submit().complaint
    [message] = staff_messages("staff_handling_opened")
    assert message.recipient == "koordinator@kotabaru.go.id"
    assert complaint.tracking_code in message.subject
    assert f"/pengaduan/{complaint.pk}/" in message.body


def test_disposition_is_announced_to_the_receiving_staff(submit, dispose, directory, staff_emails):
    complaint = submit().complaint
    dispose(complaint)
    assert recipients("staff_handling_opened") == {
        "koordinator@kotabaru.go.id",  # the intake, when it was filed
        "petugas.pupr@kotabaru.go.id",
        "kadis.pupr@kotabaru.go.id",
    }
    message = staff_messages("staff_handling_opened").filter(recipient__startswith="petugas.pupr").get()
    assert "Disposisi" in message.body and "Diskominfo Kotabaru" in message.body


def test_take_over_is_announced_to_the_inspektorat(submit, dispose, directory, staff_emails):
    opd = dispose(submit().complaint)
    services.handling_take_over(
        actor=directory.inspektur, handling_id=opd.pk, reason="Indikasi pungutan liar."
    )
    assert {"auditor@kotabaru.go.id", "inspektur@kotabaru.go.id"} <= recipients("staff_handling_opened")


def test_assignment_is_announced_to_the_assignee(submit, dispose, directory, staff_emails):
    opd = dispose(submit().complaint)
    services.handling_assign(
        actor=directory.kadis_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    [message] = staff_messages("staff_assigned")
    assert message.recipient == "petugas.pupr@kotabaru.go.id"
    assert str(directory.kadis_pupr) in message.body


def test_taking_a_handling_oneself_sends_nothing(submit, dispose, directory, staff_emails):
    opd = dispose(submit().complaint)
    services.handling_assign(
        actor=directory.petugas_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    assert not staff_messages("staff_assigned").exists()


def test_confidential_reporter_never_appears_in_messages_to_the_terlapor(
    submit, dispose, directory, staff_emails
):
    complaint = submit(privacy=Complaint.Privacy.CONFIDENTIAL, reported_organisation="dinas-pupr").complaint
    directory.pupr.email = "pengaduan@pupr.kotabaru.go.id"
    directory.pupr.save(update_fields=["email"])
    opd = dispose(complaint)
    services.handling_assign(
        actor=directory.kadis_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    act(directory.petugas_pupr, handling_at(complaint, directory.pupr), "jawab", jawaban="Sudah ditambal.")

    to_pupr = OutboxMessage.objects.filter(
        recipient__in=[
            "petugas.pupr@kotabaru.go.id",
            "kadis.pupr@kotabaru.go.id",
            "pengaduan@pupr.kotabaru.go.id",
        ]
    )
    assert set(to_pupr.values_list("template", flat=True)) == {
        "staff_handling_opened",
        "staff_assigned",
        "handling_received",
    }
    for message in to_pupr:
        text = f"{message.subject}\n{message.body}"
        for trace in REPORTER_TRACES:
            assert trace not in text
