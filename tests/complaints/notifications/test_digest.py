"""The daily digest: what it lists, who receives it, once per organisation and day."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command

from tests.complaints.conftest import NIK, PHONE, WITA
from tests.notify.conftest import recipients, staff_messages
from tuntas.complaints import services
from tuntas.complaints.digest import digest_sections, digests_send
from tuntas.core import clock
from tuntas.jobs import tasks
from tuntas.notify.models import DigestRun

pytestmark = pytest.mark.django_db


def test_digest_goes_to_pimpinan_koordinator_and_petugas_of_each_busy_organisation(
    submit, dispose, directory, frozen, staff_emails
):
    dispose(submit().complaint)
    result = digests_send()
    assert recipients("staff_digest") == {"petugas.pupr@kotabaru.go.id", "kadis.pupr@kotabaru.go.id"}
    assert result.messages == 2


def test_digest_lists_what_came_in_during_the_last_day(submit, dispose, directory, frozen, staff_emails):
    complaint = dispose(submit().complaint).complaint
    digests_send()
    message = staff_messages("staff_digest").first()
    assert "Baru masuk (24 jam terakhir) (1):" in message.body
    assert complaint.tracking_code in message.body
    assert f"/pengaduan/{complaint.pk}/" in message.body


def test_digest_goes_out_once_a_day_however_often_it_runs(submit, dispose, directory, frozen, staff_emails):
    dispose(submit().complaint)
    first, second = digests_send(), digests_send()
    assert (first.messages, second.messages) == (2, 0)
    assert DigestRun.objects.filter(organisation=directory.pupr).count() == 1
    call_command("send_digests", stdout=io.StringIO())
    assert staff_messages("staff_digest").count() == 2


def test_an_organisation_with_nothing_to_say_gets_no_digest(submit, dispose, directory, frozen, staff_emails):
    dispose(submit().complaint)
    frozen(dt.timedelta(days=1))  # Tuesday: nothing new, tindak_lanjut due Monday 9 March (not soon)
    result = digests_send()
    assert (result.messages, result.skipped) == (0, 1)
    assert not staff_messages("staff_digest").exists()


def test_digest_lists_deadlines_due_soon_and_overdue(submit, dispose, directory, frozen, staff_emails):
    opd = dispose(submit().complaint)
    frozen(dt.timedelta(days=3))  # Thursday 5 March: due Monday 9, within 2 working days
    assert [s["key"] for s in digest_sections(directory.pupr, now=clock.now(), today=clock.today())] == [
        "soon"
    ]
    frozen(dt.timedelta(days=5))  # Tuesday 10 March
    [overdue] = digest_sections(directory.pupr, now=clock.now(), today=clock.today())
    assert (overdue["key"], overdue["items"][0]["tracking_code"]) == ("overdue", opd.complaint.tracking_code)


def test_digest_lists_handlings_waiting_for_the_reporter(submit, dispose, directory, frozen, staff_emails):
    opd = dispose(submit().complaint)
    services.handling_transition(
        actor=services.Actor(user=directory.petugas_pupr),
        handling_id=opd.pk,
        transition="minta_klarifikasi",
        data={"pertanyaan": "Di titik mana tepatnya?"},
    )
    frozen(dt.timedelta(days=1))
    [waiting] = digest_sections(directory.pupr, now=clock.now(), today=clock.today())
    assert waiting["key"] == "waiting"


def test_next_day_brings_a_new_digest(submit, dispose, directory, frozen, staff_emails):
    dispose(submit().complaint)
    digests_send()
    frozen(dt.timedelta(days=3))  # Thursday: due soon
    digests_send()
    assert set(DigestRun.objects.filter(organisation=directory.pupr).values_list("date", flat=True)) == {
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 5),
    }
    assert staff_messages("staff_digest").count() == 4


def test_periodic_task_waits_for_seven_oclock_local_time(directory, submit, dispose, staff_emails):
    with clock.frozen(dt.datetime(2026, 3, 2, 6, 0, tzinfo=WITA)) as advance:
        dispose(submit().complaint)
        tasks.send_digests()
        assert not DigestRun.objects.exists()
        advance(dt.timedelta(hours=1))
        tasks.send_digests()
        tasks.send_digests()
    assert DigestRun.objects.filter(organisation=directory.pupr, messages=2).count() == 1


def test_digest_to_the_terlapor_never_names_a_confidential_reporter(
    submit, dispose, directory, frozen, staff_emails
):
    dispose(submit(privacy="confidential", reported_organisation="dinas-pupr").complaint)
    digests_send()
    for message in staff_messages("staff_digest"):
        for trace in ("Siti Aminah", "siti.aminah@example.id", PHONE, NIK):
            assert trace not in f"{message.subject}\n{message.body}"
