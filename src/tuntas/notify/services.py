"""Outbox writes: called inside the transaction that writes the event, so a message exists iff its event does.

Each message written is handed to the worker right after commit (see ``dispatch``), so it leaves within
seconds; the worker's periodic pass sends whatever that missed. What a message says about a complaint is
decided above this app (``complaints/notifications.py``): here a complaint and an event are only the rows a
message is linked to.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping

from django.utils.functional import Promise

from tuntas.core import clock as time
from tuntas.directory.models import Membership, Organisation, Role, User
from tuntas.notify.dispatch import deliver_after_commit
from tuntas.notify.message_templates import render_message
from tuntas.notify.models import OutboxMessage

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
    reply_to: str = "",
) -> OutboxMessage:
    """Render the message template ``template`` in ``language`` and queue it for delivery.

    The template is the admin-editable MessageTemplate row when there is an active one, else the shipped
    file (``notify/<template>.txt``, first line = subject; English in ``notify/en/<template>.txt``); a
    language without its own template falls back to Indonesian. Messages are plain text, so nothing is
    HTML-escaped: a title with ``"`` or ``&`` arrives as written."""
    subject, body = render_message(template, context, language=language)
    return outbox_enqueue_raw(
        channel=channel,
        recipient=recipient,
        template=template,
        subject=subject,
        body=body,
        complaint=complaint,
        event=event,
        reply_to=reply_to,
    )


def outbox_enqueue_raw(
    *,
    channel: str,
    recipient: str,
    template: str,
    subject: str,
    body: str,
    complaint=None,  # noqa: ANN001
    event=None,  # noqa: ANN001
    reply_to: str = "",
) -> OutboxMessage:
    """Queue a message whose body is already made (a rendered template, a webhook's JSON payload)."""
    now = time.now()
    message = OutboxMessage.objects.create(
        channel=channel,
        recipient=recipient,
        template=template,
        subject=subject[:300],
        body=body,
        reply_to=reply_to,
        complaint=complaint,
        event=event,
        next_attempt_at=now,
        created_at=now,
    )
    deliver_after_commit(message.pk)
    return message


def staff_recipients(organisation: Organisation, roles: Iterable[str] | None = None) -> list[User]:
    """Active users with an email holding one of ``roles`` (default STAFF_ROLES) in ``organisation``."""
    wanted = list(roles) if roles is not None else list(STAFF_ROLES)
    ids = Membership.objects.filter(organisation=organisation, role__in=wanted, is_active=True).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=ids, is_active=True).exclude(email="").order_by("id"))


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
    (``complaint.identity.name``). ``complaint`` and ``event`` only link the messages to those rows; what
    the template may read about the complaint comes in ``context`` (the complaints app's
    ``notify_staff_about`` puts its summary there). The template also gets ``organisation`` (its name) and
    ``recipient`` (the staff member's name)."""
    _check_plain(context, "context")
    if users is None:
        people = staff_recipients(organisation, roles)
    else:
        people = [u for u in users if u is not None and u.is_active and u.email]
    seen: set[str] = set()
    messages: list[OutboxMessage] = []
    base = {"organisation": organisation.name}
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
