"""Channel writes: an inbound message is stored once and becomes a draft, a reporter's reply or a held message;
a person submits a draft (the portal's intake, dated from the message's arrival) or rejects it (the sender is
told once). Nothing from a channel enters an SOP without a person unless TUNTAS_CHANNELS_AUTO_SUBMIT is on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from tuntas.channels import access, mail
from tuntas.channels.models import Channel, ChannelDraft, ChannelHealth, DraftAttachment, InboundMessage
from tuntas.complaints.models import Complaint
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit
from tuntas.complaints.services_reporter import reporter_reply, reporter_token
from tuntas.core import clock as time
from tuntas.core import codes
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.core.files import clean_upload, store_clean_file
from tuntas.directory.models import Organisation, User
from tuntas.notify.models import OutboxMessage
from tuntas.notify.services import outbox_enqueue

REPLY_SALT = "tuntas.channels.reply"
# The complaint's channel for each inbound channel.
COMPLAINT_CHANNEL = {
    Channel.EMAIL: Complaint.Channel.EMAIL,
    Channel.WHATSAPP: Complaint.Channel.SMS,
    Channel.SMS: Complaint.Channel.SMS,
}


def reply_token(complaint: Complaint) -> str:
    """The token our notifications put in their Reply-To (``mailbox+<token>@domain``): it names the complaint
    and is keyed with its secret hash, so it cannot be guessed from the tracking code."""
    digest = salted_hmac(REPLY_SALT, f"{complaint.pk}:{complaint.secret_hash}").hexdigest()[:16]
    return f"c{complaint.pk}.{digest}"


def reply_address(complaint: Complaint) -> str:
    local, _at, domain = settings.TUNTAS_MAILBOX_ADDRESS.partition("@")
    return f"{local}+{reply_token(complaint)}@{domain}" if domain else ""


def _complaint_for_token(token: str) -> Complaint | None:
    pk = token[1:].split(".", 1)[0]
    complaint = Complaint.objects.filter(pk=int(pk)).first() if pk.isdigit() else None
    if complaint is None or not constant_time_compare(reply_token(complaint), token):
        return None
    return complaint


def _complaint_for_subject(code: str, sender: str) -> Complaint | None:
    """A tracking code in the subject threads only when the sender is also the reporter's own address."""
    complaint = (
        Complaint.objects.filter(tracking_code=codes.format_code(code)).select_related("identity").first()
    )
    identity = getattr(complaint, "identity", None) if complaint else None
    if identity is None or not identity.email or identity.email.strip().lower() != sender.strip().lower():
        return None
    return complaint


@dataclass(frozen=True)
class Ingested:
    message: InboundMessage
    created: bool  # False: the same message was read before


def _keep(raw: bytes) -> tuple[bytes, bool]:
    limit = settings.TUNTAS_CHANNEL_RAW_KEEP_BYTES
    return raw[:limit], len(raw) > limit


def email_ingest(
    raw: bytes, *, received_at: dt.datetime | None = None, size: int | None = None, truncated: bool = False
) -> Ingested:
    """Store one email once (by Message-ID) and decide what it is: a reply threaded into its complaint as
    the reporter's, a new draft, or a message held out of the inbox with its reason. ``size`` is the full
    size when only the head was read (``truncated``)."""
    received_at = received_at or time.now()
    parsed = mail.parse(
        raw,
        own_address=settings.TUNTAS_MAILBOX_ADDRESS,
        max_bytes=settings.TUNTAS_CHANNEL_MAX_MESSAGE_BYTES,
        truncated=truncated,
    )
    existing = InboundMessage.objects.filter(channel=Channel.EMAIL, external_id=parsed.external_id).first()
    if existing is not None:
        return Ingested(existing, created=False)
    kept, cut = _keep(raw)
    try:
        with transaction.atomic():
            message = InboundMessage.objects.create(
                channel=Channel.EMAIL,
                external_id=parsed.external_id,
                received_at=received_at,
                sender=parsed.sender[:300],
                subject=parsed.subject,
                raw=kept,
                size=size or len(raw),
                raw_truncated=cut or truncated,
                outcome=InboundMessage.Outcome.HELD,
                reason=parsed.reason,
                created_at=time.now(),
            )
            if not parsed.reason:
                _route(message, parsed)
            _health(Channel.EMAIL, last_message_at=received_at)
    except IntegrityError:  # read at the same time by another pass: theirs stands
        return Ingested(
            InboundMessage.objects.get(channel=Channel.EMAIL, external_id=parsed.external_id), False
        )
    return Ingested(message, created=True)


def _route(message: InboundMessage, parsed: mail.ParsedMail) -> None:
    complaint = None
    if parsed.reply_token:
        complaint = _complaint_for_token(parsed.reply_token)
    if complaint is None and parsed.tracking_code:
        complaint = _complaint_for_subject(parsed.tracking_code, parsed.sender)
    if complaint is not None:
        _thread(message, complaint, parsed)
        return
    _draft_create(message, parsed)


def _thread(message: InboundMessage, complaint: Complaint, parsed: mail.ParsedMail) -> None:
    text = parsed.text or _("(pelapor mengirim lampiran)")
    token = reporter_token(complaint)
    message.complaint = complaint
    try:
        try:
            reporter_reply(code=complaint.tracking_code, token=token, message=text, files=parsed.files[:5])
        except InvalidInput:  # a file that does not clean must not lose the words
            reporter_reply(code=complaint.tracking_code, token=token, message=text[:5000])
    except Conflict:
        message.reason = InboundMessage.Reason.CLOSED
        message.save(update_fields=["complaint", "reason"])
        return
    message.outcome = InboundMessage.Outcome.REPLY
    message.save(update_fields=["complaint", "outcome"])


def _mailbox_organisation() -> Organisation | None:
    slug = settings.TUNTAS_MAILBOX_ORGANISATION
    return Organisation.objects.filter(slug=slug, is_active=True).first() if slug else None


def _draft_create(message: InboundMessage, parsed: mail.ParsedMail) -> ChannelDraft:
    notes = list(parsed.notes)
    draft = ChannelDraft.objects.create(
        channel=message.channel,
        message=message,
        organisation=_mailbox_organisation(),
        received_at=message.received_at,
        sender_address=parsed.sender[:300],
        sender_name=parsed.sender_name,
        title=parsed.subject[:200],
        description=parsed.text,
        created_at=time.now(),
    )
    for name, data in parsed.files[: settings.TUNTAS_MAX_ATTACHMENTS]:
        try:
            store_clean_file(DraftAttachment(draft=draft), clean_upload(name, data))
        except InvalidInput as exc:
            notes.append(exc.message)
    if len(parsed.files) > settings.TUNTAS_MAX_ATTACHMENTS:
        notes.append(_("Lampiran lebih dari %(n)s tidak disimpan.") % {"n": settings.TUNTAS_MAX_ATTACHMENTS})
    if notes:
        draft.notes = "\n".join(notes)
        draft.save(update_fields=["notes"])
    message.outcome = InboundMessage.Outcome.DRAFT
    message.save(update_fields=["outcome"])
    if settings.TUNTAS_CHANNELS_AUTO_SUBMIT:
        try:
            with transaction.atomic():
                _submit_with(draft, None, DraftFields(title=draft.title, description=draft.description))
        except InvalidInput:
            pass  # incomplete: a person completes it
    return draft


def _health(channel: str, **fields: object) -> None:
    row, _created = ChannelHealth.objects.get_or_create(channel=channel)
    for k, v in fields.items():
        setattr(row, k, v)
    row.save()


def health_record(channel: str, *, error: str = "") -> None:
    """A poll ran (and failed with ``error``, if given)."""
    now = time.now()
    if error:
        _health(channel, last_poll_at=now, last_error=error[:500], last_error_at=now)
    else:
        _health(channel, last_poll_at=now)


# --- the coordinator's decisions --------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftFields:
    title: str
    description: str
    sender_name: str = ""
    privacy: str = Complaint.Privacy.CONFIDENTIAL
    category: str | None = None
    region_code: str | None = None
    location_text: str = ""


def _check(actor: User, draft_id: int) -> ChannelDraft:
    draft = access.visible_drafts(actor).filter(pk=draft_id).first()
    if draft is None:
        raise NotFound(_("Draf tidak ditemukan."))
    if not access.can_decide(actor, draft):
        raise NotPermitted(_("Hanya koordinator yang dapat mengajukan atau menolak draf."))
    return draft


def _locked(draft_id: int, version: int) -> ChannelDraft:
    draft = ChannelDraft.objects.select_for_update().get(pk=draft_id)
    if draft.status != ChannelDraft.Status.DRAFT:
        raise Conflict(_("Draf ini sudah diputuskan."))
    if version and draft.version != version:
        raise Conflict(_("Draf ini baru saja diubah orang lain; muat ulang halaman."))
    return draft


def draft_submit(*, actor: User, draft_id: int, version: int, fields: DraftFields) -> Complaint:
    """Submit a completed draft: it goes through exactly the portal's intake (SOP, notifications), dated and
    clocked from the message's arrival; a field the portal would refuse is refused here the same way."""
    _check(actor, draft_id)
    with transaction.atomic():
        draft = _locked(draft_id, version)
        draft.title = (fields.title or "").strip()[:200]
        draft.description = (fields.description or "").strip()
        draft.sender_name = (fields.sender_name or "").strip()[:200]
        draft.privacy = fields.privacy
        draft.save(update_fields=["title", "description", "sender_name", "privacy"])
        complaint = _submit_with(draft, actor, fields)
    return complaint


def _submit_with(draft: ChannelDraft, actor: User | None, fields: DraftFields) -> Complaint:
    files = []
    for a in draft.attachments.all():
        with a.file.open("rb") as fh:
            files.append((a.original_name, fh.read()))
    is_email = draft.channel == Channel.EMAIL
    submitted = complaint_submit(
        data=ComplaintInput(
            title=draft.title,
            description=draft.description,
            privacy=draft.privacy,
            category=fields.category or None,
            region_code=fields.region_code or None,
            location_text=fields.location_text,
            intake_organisation=draft.organisation.slug if draft.organisation else None,
            reporter=ReporterInput(
                name=draft.sender_name,
                email=draft.sender_address if is_email else "",
                phone="" if is_email else draft.sender_address,
            ),
            files=tuple(files),
        ),
        channel=COMPLAINT_CHANNEL[draft.channel],
        received_at=draft.received_at,
    )
    ChannelDraft.objects.filter(pk=draft.pk).update(
        status=ChannelDraft.Status.SUBMITTED,
        complaint=submitted.complaint,
        decided_by=actor,
        decided_at=time.now(),
        version=F("version") + 1,
    )
    InboundMessage.objects.filter(pk=draft.message_id).update(complaint=submitted.complaint)
    return submitted.complaint


def draft_reject(*, actor: User, draft_id: int, version: int, reason: str) -> ChannelDraft:
    """Reject a draft (spam, not a complaint) with a reason kept for the record; the sender gets one polite
    message on the channel it came from, in the same transaction."""
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise InvalidInput(_("Tulis alasan penolakan."), errors={"reason": _("Wajib diisi.")})
    _check(actor, draft_id)
    with transaction.atomic():
        draft = _locked(draft_id, version)
        ChannelDraft.objects.filter(pk=draft.pk).update(
            status=ChannelDraft.Status.REJECTED,
            reject_reason=reason[:500],
            decided_by=actor,
            decided_at=time.now(),
            version=F("version") + 1,
        )
        if draft.channel == Channel.EMAIL and draft.sender_address:
            outbox_enqueue(
                channel=OutboxMessage.Channel.EMAIL,
                recipient=draft.sender_address,
                template="channel_draft_rejected",
                context={"subject": draft.title},
            )
        draft.refresh_from_db()
    return draft
