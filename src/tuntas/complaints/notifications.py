"""Messages about complaints, written to the outbox inside the service's transaction: what the reporter is
told, what staff may read about a complaint, and the review of deliveries about complaints.

The outbox machinery (rendering, queuing, delivery) is ``tuntas.notify``; this module decides what a message
about a complaint says and who may look at it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tuntas.complaints import access
from tuntas.complaints.events import event_add
from tuntas.complaints.hooks import reporter_reply_to
from tuntas.complaints.models import Complaint, Event
from tuntas.core import clock as time
from tuntas.core.errors import Conflict, NotFound, NotPermitted
from tuntas.core.site import absolute_url, base_url
from tuntas.directory.models import Organisation, User
from tuntas.notify.dispatch import deliver_after_commit
from tuntas.notify.models import OutboxMessage
from tuntas.notify.selectors import can_review_deliveries, needing_review
from tuntas.notify.services import notify_staff, outbox_enqueue

log = logging.getLogger(__name__)


def complaint_summary(complaint: Complaint) -> dict[str, str]:
    """What any staff member of any organisation handling ``complaint`` may read about it: the tracking
    code, the title and where to open it in the console. Never the reporter, whatever the privacy."""
    # The link is part of what the message says, so it is decided here; reversed by its URL name, which
    # needs no import of the web layer (the console keeps the name "console:complaint").
    return {
        "tracking_code": complaint.tracking_code,
        "title": complaint.title,
        "url": absolute_url(reverse("console:complaint", args=[complaint.pk])),
    }


def notify_staff_about(
    *,
    complaint: Complaint,
    organisation: Organisation,
    key: str,
    context: dict,
    roles: Iterable[str] | None = None,
    users: Iterable[User] | None = None,
    event: Event | None = None,
    language: str = "id",
) -> list[OutboxMessage]:
    """``notify_staff`` about ``complaint``: the template reads its ``complaint_summary`` as ``complaint``
    (tracking code, title, console link) and nothing else of it, because the receivers may include the
    staff of the organisation complained about."""
    return notify_staff(
        organisation=organisation,
        key=key,
        context={"complaint": complaint_summary(complaint), **context},
        roles=roles,
        users=users,
        complaint=complaint,
        event=event,
        language=language,
    )


def tracking_url(complaint: Complaint) -> str:
    """The complaint's tracking page, absolute when the site's address is known (``core.site``). It opens
    the page that asks for the secret code; the secret itself never travels in a message."""
    return absolute_url(reverse("portal:track_detail", args=[complaint.tracking_code]))


def notify_reporter(*, complaint: Complaint, event: Event, template: str, context: dict) -> None:
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
            context={
                "complaint": complaint,
                "event": event,
                "tracking_url": tracking_url(complaint),
                "site_url": base_url(),  # for templates an admin wrote before tracking_url existed
                **context,
            },
            complaint=complaint,
            event=event,
            # A reply to the email threads into the complaint (channels reads the mailbox).
            reply_to=reporter_reply_to(complaint) if channel == OutboxMessage.Channel.EMAIL else "",
        )


def deliveries_visible_to(user: User) -> QuerySet[OutboxMessage]:
    """Messages about complaints the user may see; a superuser sees all, those about no complaint too."""
    if not can_review_deliveries(user):
        return OutboxMessage.objects.none()
    if user.is_superuser:
        return OutboxMessage.objects.all()
    return OutboxMessage.objects.filter(complaint__in=access.visible_complaints(user))


def deliveries_for_review(user: User, *, now: dt.datetime | None = None) -> QuerySet[OutboxMessage]:
    """Failed messages and long-pending ones the user may see, newest first, each annotated with its
    ``last_error``."""
    return needing_review(deliveries_visible_to(user), now=now).select_related("complaint")


def outbox_retry(*, actor: User, message_id: int) -> OutboxMessage:
    """Put a failed or long-pending message back in the queue to go out now (its attempts are kept: a
    failure after the last scheduled attempt fails it again at once). Only staff who may review the
    message's deliveries may; the retry is recorded on the complaint's timeline as an internal note."""
    if not can_review_deliveries(actor):
        raise NotPermitted(_("Anda tidak berwenang mengirim ulang notifikasi."))
    if not deliveries_visible_to(actor).filter(pk=message_id).exists():
        raise NotFound(_("Pesan tidak ditemukan."))
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id)
        if message.status == OutboxMessage.Status.SENT:
            raise Conflict(_("Pesan ini sudah terkirim."))
        if message.sending_until is not None and message.sending_until > time.now():
            raise Conflict(_("Pesan ini sedang dikirim; tunggu hasilnya sebelum mengirim ulang."))
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
        deliver_after_commit(message.pk)
    return message
