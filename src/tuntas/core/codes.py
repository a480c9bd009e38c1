"""Tracking codes and secrets a citizen can read aloud and type on a phone.

Crockford-style alphabet without 0/O, 1/I/L and U, so a code read over the phone is not misheard.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

RandomChoice = Callable[[str], str]


def _random(n: int, choice: RandomChoice) -> str:
    return "".join(choice(ALPHABET) for _ in range(n))


def tracking_code(prefix: str, choice: RandomChoice = secrets.choice) -> str:
    """``KTB-7K3M-Q9``: about 30^6 = 729 million codes per prefix; collisions are retried by the caller."""
    body = _random(6, choice)
    return f"{prefix.upper()}-{body[:4]}-{body[4:]}"


def tracking_secret(choice: RandomChoice = secrets.choice) -> str:
    """Ten characters (about 49 bits), grouped for reading: ``H7QK-M2XP-9T``."""
    s = _random(10, choice)
    return f"{s[:4]}-{s[4:8]}-{s[8:]}"


def normalise(value: str) -> str:
    """Uppercase, drop spaces and dashes, map look-alikes (O->0 is not in the alphabet, so O stays invalid)."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


def hash_secret(secret: str) -> str:
    return hashlib.sha256(normalise(secret).encode()).hexdigest()


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Constant-time comparison, so response timing does not reveal how much of a guess was right."""
    return hmac.compare_digest(hash_secret(secret), stored_hash)


def format_code(value: str) -> str:
    """Accepts ``ktb7k3mq9`` or ``KTB-7K3M-Q9`` and returns the canonical dashed form."""
    raw = normalise(value)
    if len(raw) < 7:
        return value.strip().upper()
    prefix, body = raw[:-6], raw[-6:]
    return f"{prefix}-{body[:4]}-{body[4:]}"
