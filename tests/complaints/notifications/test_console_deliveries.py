"""/console/pengiriman/: failed and long-pending notifications for admins, recipients masked, resend."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from tests.factories import UserFactory, member
from tests.notify.conftest import queue, reload
from tuntas.complaints.models import Event
from tuntas.core import clock
from tuntas.notify.delivery import deliver_due, deliver_message
from tuntas.notify.models import OutboxMessage
from tuntas.notify.selectors import STUCK_AFTER

pytestmark = pytest.mark.django_db

URL = "/console/pengiriman/"
EMAIL = "siti.aminah@example.id"


@pytest.fixture
def admin_pupr(directory):
    return member(UserFactory(username="admin.pupr"), directory.pupr, "admin")


@pytest.fixture
def refusing(swap_channel, settings):
    """Every email is refused for good while this is on; ``refusing.off()`` restores the real adapter."""
    defaults = dict(settings.TUNTAS_NOTIFY_CHANNELS)
    swap_channel("email", "tests.notify.fakes.Refusing")

    class Switch:
        @staticmethod
        def off() -> None:
            settings.TUNTAS_NOTIFY_CHANNELS = defaults

    return Switch


@pytest.fixture
def failed_at(submit, dispose, refusing, directory):
    """``failed_at(org)`` -> a complaint disposed to ``org`` whose messages to the reporter all failed."""

    def _failed_at(org, privacy="public"):  # noqa: ANN001, ANN202
        complaint = submit(privacy=privacy).complaint
        dispose(complaint, to=org)
        deliver_due()
        assert OutboxMessage.objects.filter(complaint=complaint, status="failed").exists()
        return complaint

    return _failed_at


def client_for(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def test_opd_petugas_may_not_open_the_page(frozen, directory):
    response = client_for(directory.petugas_pupr).get(URL)
    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_login(db):
    response = Client().get(URL)
    assert response.status_code == 302
    assert "/console/masuk/" in response["Location"]


def test_admin_sees_only_messages_about_their_complaints(frozen, directory, admin_pupr, failed_at):
    ours = failed_at(directory.pupr)
    theirs = failed_at(directory.disdik)

    page = client_for(admin_pupr).get(URL).content.decode()

    assert ours.tracking_code in page
    assert theirs.tracking_code not in page


def test_recipient_is_masked(frozen, directory, admin_pupr, failed_at):
    failed_at(directory.pupr)

    response = client_for(admin_pupr).get(URL)

    page = response.content.decode()
    assert "s***@example.id" in page
    assert EMAIL not in page
    assert "ditolak penerima" in page  # the last error
    assert "Kirim ulang" in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_confidential_reporter_address_is_not_shown_even_masked(frozen, directory, admin_pupr, failed_at):
    failed_at(directory.pupr, privacy="confidential")

    page = client_for(admin_pupr).get(URL).content.decode()

    assert "s***@example.id" not in page and EMAIL not in page
    assert "identitas dirahasiakan" in page


def test_superuser_sees_every_failed_message_including_those_about_no_complaint(frozen, refusing):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    m = queue(recipient="mitra@example.id")
    deliver_due()

    page = client_for(root).get(URL).content.decode()

    assert "m***@example.id" in page
    assert f'value="{m.pk}"' in page


def test_pending_messages_show_only_once_they_are_stuck(frozen, directory, admin_pupr, submit, dispose):
    complaint = submit().complaint
    dispose(complaint)  # the worker never ran: everything is still pending
    client = client_for(admin_pupr)
    assert complaint.tracking_code not in client.get(URL).content.decode()

    frozen(STUCK_AFTER)

    page = client.get(URL).content.decode()
    assert complaint.tracking_code in page
    assert "belum dicoba" in page


def test_resend_puts_the_message_back_and_records_who(frozen, directory, admin_pupr, failed_at, refusing):
    complaint = failed_at(directory.pupr)
    message = OutboxMessage.objects.filter(complaint=complaint, status="failed").first()
    refusing.off()
    frozen(dt.timedelta(hours=3))

    response = client_for(admin_pupr).post(URL, {"message": message.pk}, follow=True)

    assert response.redirect_chain == [(URL, 302)]
    message = reload(message)
    assert message.status == OutboxMessage.Status.PENDING
    assert message.next_attempt_at == clock.now()
    note = Event.objects.filter(complaint=complaint, kind=Event.Kind.COMMENTED).get()
    assert note.actor == admin_pupr
    assert note.visibility == Event.Visibility.INTERNAL
    assert note.payload["outbox_retry"] == message.pk
    assert EMAIL not in note.message

    assert deliver_due().sent >= 1
    assert reload(message).status == OutboxMessage.Status.SENT
    assert [e.to for e in mail.outbox] == [[EMAIL]]


def test_resend_of_a_message_the_admin_may_not_see_is_404(frozen, directory, admin_pupr, failed_at):
    theirs = failed_at(directory.disdik)
    message = OutboxMessage.objects.filter(complaint=theirs).first()

    response = client_for(admin_pupr).post(URL, {"message": message.pk})

    assert response.status_code == 404
    assert reload(message).status == OutboxMessage.Status.FAILED


def test_resend_by_petugas_is_refused(frozen, directory, failed_at):
    complaint = failed_at(directory.pupr)
    message = OutboxMessage.objects.filter(complaint=complaint).first()

    response = client_for(directory.petugas_pupr).post(URL, {"message": message.pk})

    assert response.status_code == 403
    assert reload(message).status == OutboxMessage.Status.FAILED


def test_nav_link_only_for_those_allowed(frozen, directory, admin_pupr):
    assert URL in client_for(admin_pupr).get("/console/").content.decode()
    assert URL not in client_for(directory.petugas_pupr).get("/console/").content.decode()


def test_page_queries_do_not_grow_with_the_rows(frozen, directory, admin_pupr, failed_at):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(admin_pupr)
    failed_at(directory.pupr)
    client.get(URL)  # once, so that what a process caches (the holiday warning) is not counted as growth
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for _ in range(3):
        failed_at(directory.pupr)
    with CaptureQueriesContext(connection) as four:
        client.get(URL)
    assert len(four) == len(one) <= 10


def test_a_resend_while_the_worker_is_sending_is_refused_and_nothing_goes_twice(
    frozen, directory, admin_pupr, failed_at, refusing, swap_channel
):
    from tests.notify.fakes import ResendingWhileSending as Fake

    complaint = failed_at(directory.pupr)
    message = OutboxMessage.objects.filter(complaint=complaint, status="failed").first()
    Fake.actor, Fake.sent, Fake.refused = admin_pupr, [], []
    swap_channel("email", "tests.notify.fakes.ResendingWhileSending")
    client_for(admin_pupr).post(URL, {"message": message.pk})  # back in the queue

    deliver_message(message.pk)

    assert Fake.sent == [message.pk]
    assert Fake.refused == ["Pesan ini sedang dikirim; tunggu hasilnya sebelum mengirim ulang."]
    message = reload(message)
    assert message.status == OutboxMessage.Status.SENT and message.sending_until is None
