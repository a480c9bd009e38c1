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
    """Uppercase and keep only letters and digits, so ``h7qk m2xp-9t`` and ``H7QK-M2XP-9T`` are the same."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


# The secret has ~49 bits: a fast unsalted hash of it could be brute-forced from a leaked database in
# hours, so it is stretched with PBKDF2 and salted per complaint (``algorithm$iterations$salt$hash``).
HASH_ALGORITHM = "pbkdf2_sha256"
HASH_ITERATIONS = 20_000


def _derive(secret: str, salt: str, iterations: int) -> str:
    return hashlib.pbkdf2_hmac("sha256", normalise(secret).encode(), salt.encode(), iterations).hex()


def hash_secret(secret: str, *, salt: str | None = None, iterations: int = HASH_ITERATIONS) -> str:
    """The stored form of a secret; a fresh random salt each time unless one is given."""
    salt = salt if salt is not None else secrets.token_hex(16)
    return f"{HASH_ALGORITHM}${iterations}${salt}${_derive(secret, salt, iterations)}"


def secret_matches(secret: str, stored_hash: str) -> bool:
    """Constant-time comparison (``hmac.compare_digest``), so response timing does not reveal how much of a
    guess was right. Also accepts the older unsalted SHA-256 hex form."""
    parts = stored_hash.split("$")
    if len(parts) == 4 and parts[0] == HASH_ALGORITHM and parts[1].isdigit():
        candidate = hash_secret(secret, salt=parts[2], iterations=int(parts[1]))
    else:
        candidate = hashlib.sha256(normalise(secret).encode()).hexdigest()
    return hmac.compare_digest(candidate.encode(), stored_hash.encode())


def format_code(value: str) -> str:
    """Accepts ``ktb7k3mq9`` or ``KTB-7K3M-Q9`` and returns the canonical dashed form."""
    raw = normalise(value)
    if len(raw) < 7:
        return value.strip().upper()
    prefix, body = raw[:-6], raw[-6:]
    return f"{prefix}-{body[:4]}-{body[4:]}"
