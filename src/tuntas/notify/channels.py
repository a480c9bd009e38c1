"""Channel adapters: how one outbox message leaves the building. Swappable in ``TUNTAS_NOTIFY_CHANNELS``.

An adapter is a class with ``send(message)``: it returns when the receiver accepted the message and raises
``DeliveryError`` otherwise (``permanent=True`` when trying again cannot help). Any other exception counts as
a temporary failure. Adapters never write to the database (the webhook signer only reads a key);
delivery.py records the outcome.

Email (``EmailChannel``): Django's ``EmailMessage`` with the configured ``EMAIL_BACKEND``; the message's
``reply_to`` (the complaint's reply-token address on the reporter's mail) becomes its Reply-To header.

SMS/WhatsApp gateway (``SmsGatewayChannel``), for any HTTP gateway or a small relay in front of one::

    POST $TUNTAS_SMS_GATEWAY_URL
    Authorization: Bearer $TUNTAS_SMS_GATEWAY_TOKEN
    Content-Type: application/json; charset=utf-8

    {"to": "081251234567", "message": "<subject>\\n\\n<body>", "reference": "tuntas-42"}

``reference`` is the same for every attempt at one message, so a gateway can drop a repeat. 2xx = sent;
408 and 429 = try again later; any other 4xx = permanent failure (bad number, bad token), and so is a
redirect (it is not followed: fix the URL); 5xx, a timeout or a connection error = try again later.

Webhook (``WebhookChannel``): the recipient is the receiver's URL::

    POST <recipient>
    Content-Type: application/json; charset=utf-8
    X-Tuntas-Delivery: 42
    X-Tuntas-Timestamp: 1772413200
    X-Tuntas-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>." + the raw body>

A subscription's payload (``interop.webhooks``, template ``webhook_event``) is the message body as queued,
signed with that subscription's key (the signer hook ``register_webhook_signer``: the adapter reads the key
when it sends, so a rotated key applies to what is still waiting). Any other webhook message is wrapped as
``{"id", "template", "subject", "body", "complaint", "created_at"}`` and signed with
``$TUNTAS_WEBHOOK_SECRET``. The receiver recomputes the HMAC over the timestamp header, a ".", and the bytes it
received, compares in constant time, and refuses a timestamp too far from its clock (a replayed request).
Nothing is ever sent unsigned. Status codes are read as for the SMS gateway.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.module_loading import import_string

from tuntas.notify.models import OutboxMessage

DEFAULT_CHANNELS = {
    OutboxMessage.Channel.EMAIL: "tuntas.notify.channels.EmailChannel",
    OutboxMessage.Channel.SMS: "tuntas.notify.channels.SmsGatewayChannel",
    OutboxMessage.Channel.WEBHOOK: "tuntas.notify.channels.WebhookChannel",
}
RETRYABLE_4XX = frozenset({408, 429})


class DeliveryError(Exception):
    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Channel(Protocol):
    def send(self, message: OutboxMessage) -> None: ...


def channel_for(name: str) -> Channel:
    """The adapter configured for ``name`` (settings first, then the defaults above)."""
    paths = {**DEFAULT_CHANNELS, **getattr(settings, "TUNTAS_NOTIFY_CHANNELS", {})}
    path = paths.get(name)
    if path is None:
        raise DeliveryError(f"no adapter for channel {name!r}", permanent=True)
    return import_string(path)()


def _timeout() -> float:
    return float(getattr(settings, "TUNTAS_NOTIFY_TIMEOUT", 10))


def text_of(message: OutboxMessage) -> str:
    return f"{message.subject}\n\n{message.body}" if message.subject else message.body


class EmailChannel:
    def send(self, message: OutboxMessage) -> None:
        connection = get_connection(fail_silently=False, timeout=_timeout())
        try:
            EmailMessage(
                message.subject,
                message.body,
                settings.DEFAULT_FROM_EMAIL,
                [message.recipient],
                reply_to=[message.reply_to] if message.reply_to else None,
                connection=connection,
            ).send()
        except smtplib.SMTPRecipientsRefused as exc:
            # Every 5xx refusal means the address itself is bad; a 4xx (mailbox busy, greylisting) may pass later.
            codes = [code for code, _text in exc.recipients.values()]
            permanent = bool(codes) and all(code >= 500 for code in codes)
            raise DeliveryError(f"SMTP recipient refused: {codes}", permanent=permanent) from exc


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # urllib would follow a 301/302 answer to a POST with a GET and call that delivered.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def post(url: str, body: bytes, headers: dict[str, str]) -> None:
    """POST a JSON ``body``; return on 2xx, raise DeliveryError (permanent for 3xx/4xx) otherwise."""
    if not url.startswith(("https://", "http://")):
        raise DeliveryError("URL must start with http:// or https://", permanent=True)
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked above
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": "Tuntas", **headers},
    )
    try:
        with _opener.open(request, timeout=_timeout()) as response:
            response.read(1024)
    except urllib.error.HTTPError as exc:
        detail = exc.read(200).decode("utf-8", "replace").strip()
        # A redirect means the configured URL is wrong: like a 4xx, trying again cannot help.
        permanent = exc.code < 500 and exc.code not in RETRYABLE_4XX
        raise DeliveryError(f"HTTP {exc.code}: {detail}", permanent=permanent) from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}") from exc


class SmsGatewayChannel:
    def send(self, message: OutboxMessage) -> None:
        url = getattr(settings, "TUNTAS_SMS_GATEWAY_URL", "")
        if not url:
            # Kept for later rather than dropped: once a gateway is configured, the next pass sends it.
            raise DeliveryError("TUNTAS_SMS_GATEWAY_URL is not set")
        token = getattr(settings, "TUNTAS_SMS_GATEWAY_TOKEN", "")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        payload = {"to": message.recipient, "message": text_of(message), "reference": f"tuntas-{message.pk}"}
        post(url, encode(payload), headers)


def webhook_signature(secret: str, body: bytes, timestamp: str) -> str:
    signed = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


_SIGNERS: list[Callable[[OutboxMessage], str | None]] = []


def register_webhook_signer(signer: Callable[[OutboxMessage], str | None]) -> None:
    """``signer(message)`` -> the key for a message it owns ('' = owned but must not be sent), None = not its."""
    if signer not in _SIGNERS:
        _SIGNERS.append(signer)


def _signed_by_hook(message: OutboxMessage) -> str | None:
    for signer in _SIGNERS:
        secret = signer(message)
        if secret is not None:
            return secret
    return None


class WebhookChannel:
    def send(self, message: OutboxMessage) -> None:
        secret = _signed_by_hook(message)
        if secret is not None:
            if not secret:
                raise DeliveryError("the webhook subscription is switched off", permanent=True)
            body = message.body.encode()
        else:
            secret = getattr(settings, "TUNTAS_WEBHOOK_SECRET", "")
            if not secret:
                raise DeliveryError("TUNTAS_WEBHOOK_SECRET is not set: webhooks are never sent unsigned")
            body = encode(
                {
                    "id": message.pk,
                    "template": message.template,
                    "subject": message.subject,
                    "body": message.body,
                    "complaint": message.complaint.tracking_code if message.complaint_id else None,
                    "created_at": message.created_at.isoformat(),
                }
            )
        timestamp = str(int(time.time()))
        headers = {
            "X-Tuntas-Delivery": str(message.pk),
            "X-Tuntas-Timestamp": timestamp,
            "X-Tuntas-Signature": webhook_signature(secret, body, timestamp),
        }
        post(message.recipient, body, headers)
