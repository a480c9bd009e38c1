"""API tokens: ``tok_<prefix>_<secret>``, shown once; only the sha256 of the whole token is stored.

The prefix is public (it tells tokens apart in the admin and finds the row); the secret proves possession.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.db import transaction

from tuntas.api.models import ApiToken
from tuntas.core import clock as time
from tuntas.directory.models import User

SCHEME = "tok"
PREFIX_BYTES = 4  # 8 hex characters; the model allows 12
SECRET_BYTES = 32
# Writing last_used_at on every request would make each read a write; a minute is precise enough to audit.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    raw: str  # the only time the full token exists outside the client


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_generate() -> tuple[str, str, str]:
    """A fresh ``(raw token, prefix, hash)``; hex prefix so the token splits unambiguously on ``_``."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    raw = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    return raw, prefix, token_hash(raw)


def token_create(*, user: User, name: str) -> NewToken:
    """Issue a token acting as ``user``; the returned ``raw`` value is never stored and cannot be recovered."""
    for _attempt in range(5):
        raw, prefix, key_hash = token_generate()
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name.strip()[:100], prefix=prefix, key_hash=key_hash)
    return NewToken(token=token, raw=raw)


def token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke for good: a revoked token never authenticates again (issue a new one instead)."""
    if token.revoked_at is None:
        token.revoked_at = time.now()
        ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=token.revoked_at)
    return token


def token_authenticate(raw: str) -> ApiToken | None:
    """The live token matching ``raw`` (its user active), or None; marks it used."""
    scheme, _, rest = (raw or "").strip().partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != SCHEME or not prefix or not secret:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.key_hash, token_hash(raw.strip())):
        return None
    if token.revoked_at is not None or not token.user.is_active:
        return None
    now = time.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
