"""Outbox writes: called inside the transaction that writes the event, so a message exists iff its event does.

Each message written is handed to the worker right after commit (``deliver_message``), so it leaves within
seconds; the worker's periodic pass sends whatever that missed.
"""

from __future__ import annotations

import datetime as dt
import decimal
import logging
from collections.abc import Iterable, Mapping
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tuntas.complaints.events import event_add
from tuntas.complaints.models import Event
from tuntas.core import clock as time
from tuntas.core.errors import Conflict, NotFound, NotPermitted
from tuntas.directory.models import Membership, Organisation, Role, User
from tuntas.notify import selectors
from tuntas.notify.message_templates import render_message
from tuntas.notify.models import OutboxMessage

log = logging.getLogger(__name__)

# Who hears about work arriving at an organisation, unless the caller names roles or people: every working
# role but viewers. Auditors are included because the Inspektorat's SOP has them do the work.
STAFF_ROLES = (Role.PETUGAS, Role.KOORDINATOR, Role.PIMPINAN, Role.ADMIN, Role.FOCAL_POINT, Role.AUDITOR)
# What a staff message's context may hold: plain values only, never a model instance (see notify_staff).
_PLAIN = (str, int, float, bool, decimal.Decimal, dt.date, Promise, type(None))


def outbox_enqueue(
    *,
    channel: str,
    recipient: str,
    template: str,
    context: dict,
    complaint=None,  # noqa: ANN001
    event=None,  # noqa: ANN001
    language: str = "id",
) -> OutboxMessage:
    """Render the message template ``template`` in ``language`` and queue it for delivery.

    The template is the admin-editable MessageTemplate row when there is an active one, else the shipped
    file (``notify/<template>.txt``, first line = subject; English in ``notify/en/<template>.txt``); a
    language without its own template falls back to Indonesian. Messages are plain text, so nothing is
    HTML-escaped: a title with ``"`` or ``&`` arrives as written."""
    subject, body = render_message(template, context, language=language)
    now = time.now()
    message = OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient,
        template=template,
        subject=subject[:300],
        body=body,
        complaint=complaint,
        event=event,
        next_attempt_at=now,
        created_at=now,
    )
    _deliver_after_commit(message.pk)
    return message


def staff_recipients(organisation: Organisation, roles: Iterable[str] | None = None) -> list[User]:
    """Active users with an email holding one of ``roles`` (default STAFF_ROLES) in ``organisation``."""
    wanted = list(roles) if roles is not None else list(STAFF_ROLES)
    ids = Membership.objects.filter(organisation=organisation, role__in=wanted, is_active=True).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=ids, is_active=True).exclude(email="").order_by("id"))


def complaint_summary(complaint) -> dict[str, str]:  # noqa: ANN001
    """What any staff member of any organisation handling ``complaint`` may read about it: the tracking
    code, the title and where to open it in the console. Never the reporter, whatever the privacy."""
    base = getattr(settings, "TUNTAS_SITE_URL", "").rstrip("/")
    return {
        "tracking_code": complaint.tracking_code,
        "title": complaint.title,
        "url": base + reverse("console:complaint", args=[complaint.pk]),
    }


def _check_plain(value: object, path: str) -> None:
    if isinstance(value, _PLAIN):
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            _check_plain(v, f"{path}.{k}")
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _check_plain(v, f"{path}[{i}]")
        return
    raise TypeError(f"staff message context {path} is a {type(value).__name__}: pass plain values only")


def notify_staff(
    *,
    organisation: Organisation,
    key: str,
    context: dict,
    roles: Iterable[str] | None = None,
    users: Iterable[User] | None = None,
    complaint=None,  # noqa: ANN001
    event=None,  # noqa: ANN001
    language: str = "id",
) -> list[OutboxMessage]:
    """Queue the email ``key`` to staff of ``organisation``, inside the caller's transaction.

    Recipients: the given ``users``, or else the active members holding one of ``roles`` (default
    STAFF_ROLES); inactive users and users without an email are skipped, and each address gets one
    message however many roles its owner holds.

    Identity rule: staff of the organisation complained about (terlapor) receive these messages too, so a
    message holds only what ANY staff member of ``organisation`` may see. The context is therefore plain
    values only (strings, numbers, dates, lists and dicts of them): a model instance is refused with
    TypeError, because a template (editable by an admin) could walk from it to the reporter's identity
    (``complaint.identity.name``). The complaint itself reaches the template as ``complaint_summary``
    (tracking code, title, console link) under ``complaint``; the template also gets ``organisation``
    (its name) and ``recipient`` (the staff member's name)."""
    _check_plain(context, "context")
    if users is None:
        people = staff_recipients(organisation, roles)
    else:
        people = [u for u in users if u is not None and u.is_active and u.email]
    seen: set[str] = set()
    messages: list[OutboxMessage] = []
    base = {"organisation": organisation.name}
    if complaint is not None:
        base["complaint"] = complaint_summary(complaint)
    for user in people:
        address = user.email.strip().lower()
        if address in seen:
            continue
        seen.add(address)
        messages.append(
            outbox_enqueue(
                channel=OutboxMessage.Channel.EMAIL,
                recipient=user.email.strip(),
                template=key,
                context={**base, "recipient": user.display_name, **context},
                complaint=complaint,
                event=event,
                language=language,
            )
        )
    return messages


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
