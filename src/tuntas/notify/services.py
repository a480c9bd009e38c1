"""Outbox writes: called inside the transaction that writes the event, so a message exists iff its event does."""

from __future__ import annotations

from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from tuntas.core import clock as time
from tuntas.notify.models import OutboxMessage


def outbox_enqueue(
    *, channel: str, recipient: str, template: str, context: dict, complaint=None, event=None
) -> OutboxMessage:  # noqa: ANN001
    """Render ``notify/<template>.txt`` (first line = subject) in Indonesian and queue it for delivery.

    Messages are plain text, so nothing is HTML-escaped: a title with ``"`` or ``&`` arrives as written."""
    with translation.override("id"):
        compiled = get_template(f"notify/{template}.txt").template
        text = compiled.render(Context(context, autoescape=False)).strip()
    subject, _, body = text.partition("\n")
    now = time.now()
    return OutboxMessage.objects.create(
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


def notify_reporter(*, complaint, event, template: str, context: dict) -> None:  # noqa: ANN001
    """Tell the reporter by email when they left one; anonymous reporters have no identity row at all."""
    identity = getattr(complaint, "identity", None) if complaint.privacy != "anonymous" else None
    if identity is None or not identity.email:
        return
    outbox_enqueue(
        channel=OutboxMessage.Channel.EMAIL,
        recipient=identity.email,
        template=template,
        context={"complaint": complaint, "event": event, **context},
        complaint=complaint,
        event=event,
    )
