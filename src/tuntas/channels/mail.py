"""Reading one inbound email: what it is (a citizen's message, a reply to one of ours, or something to keep
out of the inbox) and what it says. Pure: bytes in, a ``ParsedMail`` out; no database, no settings.

Replies are matched by a token in the address they were sent to (``pengaduan+<token>@...``, from the Reply-To
our notifications carry) or by a tracking code in the subject; the sender's address alone never matches a
complaint."""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

# Auto-Submitted other than "no" (RFC 3834) and these Precedence values mark machine mail.
_BULK_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
_BOUNCE_SENDERS = ("mailer-daemon", "postmaster")
MAX_RECEIVED = 25  # more relays than this is a loop (RFC 5321 §6.3 suggests 100; real mail has < 15)
LOOP_HEADER = "X-Tuntas-Loop"
_TOKEN = re.compile(r"\+(c[0-9]+\.[0-9a-f]{16})@", re.IGNORECASE)
_CODE = re.compile(r"\b([A-Z]{2,6}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2})\b")
MAX_TEXT = 10_000


@dataclass(frozen=True)
class ParsedMail:
    external_id: str
    sender: str = ""
    sender_name: str = ""
    subject: str = ""
    text: str = ""
    files: tuple[tuple[str, bytes], ...] = ()
    reason: str = ""  # why it stays out of the inbox: bounce, auto_reply, loop, oversized, malformed
    reply_token: str = ""
    tracking_code: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def _external_id(msg: EmailMessage | None, raw: bytes) -> str:
    mid = ""
    if msg is not None:
        try:
            mid = str(msg.get("Message-ID", "") or "").strip()
        except Exception:  # a broken header is a malformed message, not a crash
            mid = ""
    return mid[:300] if mid else "sha256:" + hashlib.sha256(raw).hexdigest()


def _header(msg: EmailMessage, name: str) -> str:
    try:
        return str(msg.get(name, "") or "").strip()
    except Exception:
        return ""


def _kept_out(msg: EmailMessage, sender: str, own_address: str) -> str:
    content_type = msg.get_content_type()
    local = sender.split("@", 1)[0].lower()
    if content_type == "multipart/report" or local in _BOUNCE_SENDERS or _header(msg, "Return-Path") == "<>":
        return "bounce"
    if own_address and (sender.lower() == own_address.lower() or msg.get(LOOP_HEADER)):
        return "loop"
    if len(msg.get_all("Received", [])) > MAX_RECEIVED:
        return "loop"
    auto = _header(msg, "Auto-Submitted").lower()
    if (auto and auto != "no") or _header(msg, "Precedence").lower() in _BULK_PRECEDENCE:
        return "auto_reply"
    if msg.get("X-Autoreply") or msg.get("X-Autorespond") or msg.get("List-Id"):
        return "auto_reply"
    return ""


def _text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        html = msg.get_body(preferencelist=("html",))
        if html is None:
            return ""
        body = re.sub(r"<[^>]+>", " ", html.get_content())
    else:
        body = part.get_content()
    lines = []
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.startswith(">") or re.match(r"^On .+ wrote:$|^Pada .+ menulis:$", line.strip()):
            break  # the quoted message we sent: the reply is what comes before it
        lines.append(line.rstrip())
    return "\n".join(lines).strip()[:MAX_TEXT]


def parse(raw: bytes, *, own_address: str = "", max_bytes: int, truncated: bool = False) -> ParsedMail:
    """What ``raw`` is and says. ``truncated``: only the head of an oversized message was read."""
    if truncated or len(raw) > max_bytes:
        msg = _safe_message(raw)
        return ParsedMail(
            external_id=_external_id(msg, raw),
            sender=parseaddr(_header(msg, "From"))[1] if msg is not None else "",
            subject=_header(msg, "Subject")[:300] if msg is not None else "",
            reason="oversized",
        )
    msg = _safe_message(raw)
    if msg is None:
        return ParsedMail(external_id=_external_id(None, raw), reason="malformed")
    name, sender = parseaddr(_header(msg, "From"))
    subject = " ".join(_header(msg, "Subject").split())[:300]
    if "@" not in sender:
        return ParsedMail(external_id=_external_id(msg, raw), subject=subject, reason="malformed")
    base = {
        "external_id": _external_id(msg, raw),
        "sender": sender,
        "sender_name": name[:200],
        "subject": subject,
    }
    reason = _kept_out(msg, sender, own_address)
    if reason:
        return ParsedMail(**base, reason=reason)
    try:
        text = _text(msg)
        files, notes = [], []
        for part in msg.iter_attachments():
            payload = part.get_payload(decode=True) or b""
            files.append((part.get_filename() or "lampiran", payload))
    except Exception:
        return ParsedMail(**base, reason="malformed")
    token = ""
    for _n, address in getaddresses(
        [_header(msg, h) for h in ("To", "Cc", "Delivered-To", "X-Original-To") if _header(msg, h)]
    ):
        m = _TOKEN.search(address + "@") if "@" not in address else _TOKEN.search(address)
        if m:
            token = m.group(1).lower()
            break
    code = _CODE.search(subject.upper())
    return ParsedMail(
        **base,
        text=text,
        files=tuple(files),
        reply_token=token,
        tracking_code=code.group(1) if code else "",
        notes=tuple(notes),
    )


def _safe_message(raw: bytes) -> EmailMessage | None:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:
        return None
    if not msg.keys():  # nothing that parses as a header
        return None
    return msg  # type: ignore[return-value]
