"""Email intake end to end through a real dovecot IMAP server: new mail becomes a draft, replies thread into
their complaint by token, machine mail is held with a reason, drafts are submitted or rejected."""

from __future__ import annotations

import datetime as dt
import io
from email.message import EmailMessage

import pytest
from django.utils import timezone
from PIL import Image

from tuntas.channels import services
from tuntas.channels.imap import mailbox_poll
from tuntas.channels.models import ChannelDraft, ChannelHealth, InboundMessage
from tuntas.complaints.models import Complaint, Event
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit
from tuntas.core import clock
from tuntas.core.errors import Conflict
from tuntas.notify.models import OutboxMessage

SENTINEL = "sentinel.pelapor@contoh.id"
BODY = "Jalan di depan SD Sigam berlubang besar sejak dua minggu, sudah ada motor yang jatuh."


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


def _mail(
    subject="Jalan rusak di Sigam",
    sender=f"Budi Santoso <{SENTINEL}>",
    to="pengaduan@kotabaru.go.id",
    body=BODY,
    headers=None,
    files=(),
    mid=None,
) -> bytes:  # noqa: ANN001
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = mid or f"<{abs(hash((subject, sender, to, body)))}@mail.contoh.id>"
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    for name, data in files:
        msg.add_attachment(data, maintype="image", subtype="png", filename=name)
    return msg.as_bytes()


@pytest.fixture
def mailbox(dovecot, settings, directory):
    settings.TUNTAS_IMAP_HOST, settings.TUNTAS_IMAP_PORT = dovecot.host, dovecot.port
    settings.TUNTAS_IMAP_SSL = False
    settings.TUNTAS_IMAP_USER, settings.TUNTAS_IMAP_PASSWORD = dovecot.user, dovecot.password
    settings.TUNTAS_MAILBOX_ADDRESS = "pengaduan@kotabaru.go.id"
    settings.TUNTAS_MAILBOX_ORGANISATION = directory.coordinator.slug
    dovecot.clear()
    yield dovecot
    dovecot.clear()


def test_new_mail_becomes_a_draft_and_nothing_enters_the_sop(mailbox):
    mailbox.append(_mail(files=[("foto.png", _png()), ("virus.exe", b"MZ\x90\x00 not an image")]))
    result = mailbox_poll()
    assert (result.read, result.new, result.error) == (1, 1, "")
    draft = ChannelDraft.objects.get()
    assert (draft.sender_address, draft.sender_name, draft.privacy) == (
        SENTINEL,
        "Budi Santoso",
        "confidential",
    )
    assert draft.title == "Jalan rusak di Sigam" and BODY in draft.description
    assert [a.content_type for a in draft.attachments.all()] == ["image/png"]  # the .exe refused, noted
    assert "virus.exe" in draft.notes
    assert draft.message.outcome == InboundMessage.Outcome.DRAFT and draft.message.raw
    assert Complaint.objects.count() == 0  # no person has looked at it yet
    assert mailbox.unseen() == 0  # flagged \Seen on the server
    assert ChannelHealth.objects.get(channel="email").last_message_at is not None


def test_the_same_message_read_twice_is_stored_once(mailbox):
    raw = _mail(mid="<once@mail.contoh.id>")
    mailbox.append(raw)
    mailbox.append(raw)
    assert mailbox_poll().new == 1
    assert InboundMessage.objects.count() == 1 and ChannelDraft.objects.count() == 1


@pytest.mark.parametrize(
    ("headers", "sender", "reason"),
    [
        ({"Auto-Submitted": "auto-replied"}, None, "auto_reply"),
        ({"Precedence": "bulk"}, None, "auto_reply"),
        ({}, "MAILER-DAEMON@mail.contoh.id", "bounce"),
        ({}, "pengaduan@kotabaru.go.id", "loop"),
    ],
)
def test_machine_mail_is_held_out_of_the_inbox_with_its_reason(mailbox, headers, sender, reason):
    mailbox.append(_mail(headers=headers, sender=sender or f"<{SENTINEL}>"))
    mailbox_poll()
    message = InboundMessage.objects.get()
    assert (message.outcome, message.reason) == ("held", reason)
    assert message.raw  # kept for staff to look at
    assert ChannelDraft.objects.count() == 0


def test_oversized_mail_is_held_and_only_its_head_is_kept(mailbox, settings):
    settings.TUNTAS_CHANNEL_MAX_MESSAGE_BYTES = 20_000
    settings.TUNTAS_CHANNEL_RAW_KEEP_BYTES = 4_000
    mailbox.append(_mail(body="x" * 60_000))
    mailbox_poll()
    message = InboundMessage.objects.get()
    assert (message.outcome, message.reason, message.raw_truncated) == ("held", "oversized", True)
    assert len(bytes(message.raw)) <= 4_000 and message.size > 60_000
    assert ChannelDraft.objects.count() == 0


def test_malformed_mail_is_held(directory):
    result = services.email_ingest(b"\x00\x01 this is not an email at all")
    assert (result.message.outcome, result.message.reason) == ("held", "malformed")


def test_an_unreachable_mailbox_is_recorded_not_raised(settings, directory):
    settings.TUNTAS_IMAP_HOST, settings.TUNTAS_IMAP_PORT, settings.TUNTAS_IMAP_SSL = "127.0.0.1", 1, False
    result = mailbox_poll()
    assert result.error
    assert ChannelHealth.objects.get(channel="email").last_error


def _filed(directory) -> Complaint:  # noqa: ANN001
    return complaint_submit(
        data=ComplaintInput(
            title="Lampu jalan mati",
            description="Lampu jalan di Jl. Veteran mati sudah sebulan, gelap sekali malam hari.",
            reporter=ReporterInput(name="Sari", email=SENTINEL),
        )
    ).complaint


def test_a_reply_to_our_reply_to_token_threads_into_the_complaint(mailbox, directory):
    complaint = _filed(directory)
    to = services.reply_address(complaint)
    mailbox.append(_mail(subject="Re: pengaduan Anda", to=to, body="Lampunya masih mati sampai hari ini."))
    mailbox_poll()
    message = InboundMessage.objects.get()
    assert (message.outcome, message.complaint_id) == ("reply", complaint.pk)
    event = complaint.events.get(kind=Event.Kind.REPORTER_REPLIED)
    assert "masih mati" in event.message
    assert ChannelDraft.objects.count() == 0


def test_a_forged_token_or_the_sender_alone_never_threads(mailbox, directory):
    complaint = _filed(directory)
    forged = f"pengaduan+c{complaint.pk}.0000000000000000@kotabaru.go.id"
    mailbox.append(_mail(subject="Re: lampu", to=forged, body="Tolong tutup pengaduan ini saja."))
    mailbox.append(_mail(subject="Lampu lagi", body="Saya reporter yang sama, tanpa kode apa pun."))
    mailbox_poll()
    assert not complaint.events.filter(kind=Event.Kind.REPORTER_REPLIED).exists()
    assert ChannelDraft.objects.count() == 2


def test_a_tracking_code_in_the_subject_threads_only_from_the_reporters_address(mailbox, directory):
    complaint = _filed(directory)
    code = complaint.tracking_code
    mailbox.append(
        _mail(subject=f"Re: [{code}]", sender="orang.lain@contoh.id", body="Saya bukan pelapornya.")
    )
    mailbox.append(_mail(subject=f"Re: [{code}]", body="Ini saya, lampu masih mati."))
    mailbox_poll()
    replies = complaint.events.filter(kind=Event.Kind.REPORTER_REPLIED)
    assert [e.message for e in replies] == ["Ini saya, lampu masih mati."]
    assert ChannelDraft.objects.get().sender_address == "orang.lain@contoh.id"


def test_submitting_a_draft_runs_the_portal_intake_dated_from_arrival(directory):
    arrived = timezone.make_aware(dt.datetime(2026, 11, 2, 9, 0))  # a Monday
    with clock.frozen(arrived):
        services.email_ingest(_mail(files=[("foto.png", _png())]))
    draft = ChannelDraft.objects.get()
    with clock.frozen(arrived + dt.timedelta(days=3)):
        complaint = services.draft_submit(
            actor=directory.koordinator,
            draft_id=draft.pk,
            version=draft.version,
            fields=services.DraftFields(title=draft.title, description=draft.description, sender_name="Budi"),
        )
    assert complaint.submitted_at == arrived
    handling = complaint.handlings.get()
    assert handling.opened_at == arrived
    assert {c.started_on for c in handling.clocks.all()} == {arrived.date()}
    assert complaint.identity.email == SENTINEL and complaint.privacy == "confidential"
    assert complaint.attachments.count() == 1
    draft.refresh_from_db()
    assert (draft.status, draft.complaint_id) == ("submitted", complaint.pk)


def test_rejecting_tells_the_sender_once(directory):
    services.email_ingest(_mail())
    draft = ChannelDraft.objects.get()
    services.draft_reject(
        actor=directory.koordinator, draft_id=draft.pk, version=draft.version, reason="spam"
    )
    sent = OutboxMessage.objects.filter(template="channel_draft_rejected")
    assert [m.recipient for m in sent] == [SENTINEL]
    with pytest.raises(Conflict):
        services.draft_reject(actor=directory.koordinator, draft_id=draft.pk, version=0, reason="spam lagi")
    assert sent.count() == 1 and Complaint.objects.count() == 0


def test_auto_submit_files_a_complete_draft_when_the_deployment_turns_it_on(settings, directory):
    settings.TUNTAS_CHANNELS_AUTO_SUBMIT = True
    services.email_ingest(_mail())
    draft = ChannelDraft.objects.get()
    assert draft.status == "submitted" and draft.complaint.channel == Complaint.Channel.EMAIL


def test_the_reporters_mail_carries_the_reply_token_and_answering_it_threads_in(mailbox, directory):
    from django.core import mail as sent

    from tuntas.notify.delivery import deliver_due

    complaint = _filed(directory)
    deliver_due()
    to_reporter = [m for m in sent.outbox if m.to == [SENTINEL]]
    assert to_reporter and all(m.reply_to == [services.reply_address(complaint)] for m in to_reporter)
    staff = [m for m in sent.outbox if m.to != [SENTINEL]]
    assert all(not m.reply_to for m in staff)  # a staff member's "Reply" must never speak as the reporter
    # The citizen presses "Reply": the mail goes to the Reply-To address.
    answer = to_reporter[0]
    mailbox.append(
        _mail(subject=f"Re: {answer.subject}", to=answer.reply_to[0], body="Terima kasih, ditunggu.")
    )
    mailbox_poll()
    assert complaint.events.filter(kind=Event.Kind.REPORTER_REPLIED, message__contains="ditunggu").exists()


def test_without_a_mailbox_the_reporters_mail_has_no_reply_to(settings, directory):
    from django.core import mail as sent

    from tuntas.notify.delivery import deliver_due

    settings.TUNTAS_MAILBOX_ADDRESS = ""
    _filed(directory)
    deliver_due()
    assert sent.outbox and all(not m.reply_to for m in sent.outbox)
