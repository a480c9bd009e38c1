"""Reading the deployment's mailbox over IMAP (IMAPS by default): each unseen message is stored and routed by
``services.email_ingest`` in its own transaction, then flagged \\Seen, so a crash between the two re-reads a
message that is then recognised by its Message-ID. An oversized message is read only up to the size kept."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from dataclasses import dataclass

from django.conf import settings

from tuntas.channels import services
from tuntas.channels.models import Channel

_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class PollResult:
    read: int = 0
    new: int = 0
    error: str = ""


def _connect() -> imaplib.IMAP4:
    host, port = settings.TUNTAS_IMAP_HOST, settings.TUNTAS_IMAP_PORT
    timeout = settings.TUNTAS_NOTIFY_TIMEOUT
    if settings.TUNTAS_IMAP_SSL:
        return imaplib.IMAP4_SSL(host, port, ssl_context=ssl.create_default_context(), timeout=timeout)
    return imaplib.IMAP4(host, port, timeout=timeout)


def _fetch(conn: imaplib.IMAP4, uid: bytes) -> tuple[bytes, int, bool]:
    _typ, data = conn.uid("FETCH", uid, "(RFC822.SIZE)")
    m = _SIZE.search(data[0] if data and isinstance(data[0], bytes) else b"")
    size = int(m.group(1)) if m else 0
    truncated = size > settings.TUNTAS_CHANNEL_MAX_MESSAGE_BYTES
    part = f"BODY.PEEK[]<0.{settings.TUNTAS_CHANNEL_RAW_KEEP_BYTES}>" if truncated else "BODY.PEEK[]"
    _typ, data = conn.uid("FETCH", uid, f"({part})")
    raw = next((item[1] for item in data if isinstance(item, tuple)), b"")
    return raw, size or len(raw), truncated


def mailbox_poll(limit: int = 100) -> PollResult:
    """Read up to ``limit`` unseen messages; a connection or login failure is recorded in the channel's
    health (never raised into the worker) and the messages wait for the next pass."""
    if not settings.TUNTAS_IMAP_HOST:
        return PollResult()
    read = new = 0
    try:
        conn = _connect()
        try:
            conn.login(settings.TUNTAS_IMAP_USER, settings.TUNTAS_IMAP_PASSWORD)
            conn.select(settings.TUNTAS_IMAP_FOLDER)
            _typ, data = conn.uid("SEARCH", None, "UNSEEN")
            for uid in (data[0] or b"").split()[:limit]:
                raw, size, truncated = _fetch(conn, uid)
                result = services.email_ingest(raw, size=size, truncated=truncated)
                conn.uid("STORE", uid, "+FLAGS", "(\\Seen)")
                read += 1
                new += int(result.created)
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                conn.logout()
    except (imaplib.IMAP4.error, OSError) as exc:
        error = f"{type(exc).__name__}: {exc}"
        services.health_record(Channel.EMAIL, error=error)
        return PollResult(read=read, new=new, error=error)
    services.health_record(Channel.EMAIL)
    return PollResult(read=read, new=new)
