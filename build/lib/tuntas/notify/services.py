"""Outbox writes: called inside the transaction that writes the event, so a message exists iff its event does.

Each message written is handed to the worker right after commit (``deliver_message``), so it leaves within
seconds; the worker's periodic pass sends whatever that missed.
"""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext as _

from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event
from tuntas.core import clock as time
from tuntas.core.errors import Conflict, NotFound, NotPermitted
from tuntas.directory.models import User
from tuntas.notify import selectors
from tuntas.notify.models import OutboxMessage

log = logging.getLogger(__name__)


def outbox_enqueue(
    *, channel: str, recipient: str, template: str, context: dict, complaint=None, event=None
) -> OutboxMessage:  # noqa: ANN001
    """Render ``notify/<template>.txt`` (first line = subject) in Indonesian and queue it for delivery.

    Messages are plain text, so nothing is HTML-escaped: a title with ``"`` or ``&`` arrives as written."""
    with translation.override("id"):
        compiled = get_template(f"notify/{template}.txt").template
        text = compiled.render(Context(context, autoescape=False)).strip()
    subject, _nl, body = text.partition("\n")
    now = time.now()
    message = OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient,
        template=template,
        subject=subject.strip()[:300],
        body=body.strip(),
        complaint=complaint,
        event=event,
        next_attempt_at=now,
        created_at=now,
    )
    _deliver_after_commit(message.pk)
    return message


def notify_reporter(*, complaint, event, template: str, context: dict) -> None:  # noqa: ANN001
    """Tell the reporter by email when they left one, and by SMS/WhatsApp when they left a phone number and
    a gateway is configured; anonymous reporters have no identity row at all."""
    identity = getattr(complaint, "identity", None) if complaint.privacy != "anonymous" else None
    if identity is None:
        return
    channels = []
    if identity.email:
        channels.append((OutboxMessage.Channel.EMAIL, identity.email))
    if identity.phone and getattr(settings, "TUNTAS_SMS_GATEWAY_URL", ""):
        channels.append((OutboxMessage.Channel.SMS, identity.phone))
    for channel, recipient in channels:
        outbox_enqueue(
            channel=channel,
            recipient=recipient,
            template=template,
            context={"complaint": complaint, "event": event, **context},
            complaint=complaint,
            event=event,
        )


def outbox_retry(*, actor: User, message_id: int) -> OutboxMessage:
    """Put a failed or long-pending message back in the queue to go out now (its attempts are kept: a
    failure after the last scheduled attempt fails it again at once). Only staff who may review the
    message's deliveries may; the retry is recorded on the complaint's timeline as an internal note."""
    if not selectors.can_review_deliveries(actor):
        raise NotPermitted(_("Anda tidak berwenang mengirim ulang notifikasi."))
    if not selectors.deliveries_visible_to(actor).filter(pk=message_id).exists():
        raise NotFound(_("Pesan tidak ditemukan."))
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        if message.status == OutboxMessage.Status.SENT:
            raise Conflict(_("Pesan ini sudah terkirim."))
        before = message.status
        message.status = OutboxMessage.Status.PENDING
        message.next_attempt_at = time.now()
        message.save(update_fields=["status", "next_attempt_at"])
        if message.complaint_id:
            with translation.override("id"):
                text = _("Notifikasi %(channel)s kepada pelapor dikirim ulang.") % {
                    "channel": message.get_channel_display()
                }
            event_add(
                complaint=message.complaint,
                kind=Event.Kind.COMMENTED,
                actor=actor,
                visibility=Event.Visibility.INTERNAL,
                message=text,
                payload={
                    "outbox_retry": message.pk,
                    "channel": message.channel,
                    "template": message.template,
                    "from": before,
                    "attempts": message.attempts,
                },
            )
        log.info("outbox retry id=%s by user=%s from=%s", message.pk, actor.pk, before)
        _deliver_after_commit(message.pk)
    return message


def _deliver_after_commit(message_id: int) -> None:
    # robust: the commit has happened; if the queue is unreachable, the periodic pass still sends it.
    transaction.on_commit(partial(_deliver_soon, message_id), robust=True)


def _deliver_soon(message_id: int) -> None:
    from tuntas.notify.tasks import deliver_message  # tasks import sla, which imports the complaint services

    deliver_message(message_id)
