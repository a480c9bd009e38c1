"""Recipients are part of a reporter's identity: pages and logs show them masked, never in full."""

from __future__ import annotations


def mask(recipient: str) -> str:
    """'budi.santoso@example.com' -> 'b***@example.com'; '081234567890' -> '0812******90'."""
    if "@" in recipient:
        local, _at, domain = recipient.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(recipient) > 6:
        return recipient[:4] + "*" * (len(recipient) - 6) + recipient[-2:]
    return "***"


def scrub(text: str, recipient: str) -> str:
    """``text`` (e.g. an SMTP or gateway error) with the recipient masked wherever it appears."""
    if recipient and recipient in text:
        text = text.replace(recipient, mask(recipient))
    return text
