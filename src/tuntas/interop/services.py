"""Writes of the interop app: Open311 client keys."""

from __future__ import annotations

import hashlib
import secrets

from django.utils.translation import gettext as _

from tuntas.core import clock as time
from tuntas.core.errors import InvalidInput
from tuntas.interop.models import Open311Client


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def open311_client_create(*, name: str, key: str | None = None) -> tuple[Open311Client, str]:
    """Register a client application; returns it and its API key (shown once, only the hash is kept)."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Nama aplikasi wajib diisi."), errors={"name": _("Nama aplikasi wajib diisi.")})
    key = key or secrets.token_urlsafe(24)
    client = Open311Client.objects.create(
        name=name[:120], key_hash=key_hash(key), key_prefix=key[:8], created_at=time.now()
    )
    return client, key


def open311_client_for_key(key: str) -> Open311Client | None:
    if not key:
        return None
    client = Open311Client.objects.filter(key_hash=key_hash(key), is_active=True).first()
    if client is not None:
        Open311Client.objects.filter(pk=client.pk).update(last_used_at=time.now())
    return client
