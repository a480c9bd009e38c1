"""Demo data for interoperability: in demo mode only (TUNTAS_DEMO=1), an Open311 client application with the
published key ``demo-open311-key``, so an Open311 client can be tried against /open311/v2/ at once.
Idempotent: the key is made once."""

from __future__ import annotations

from django.conf import settings

from tuntas.interop.models import Open311Client
from tuntas.interop.services import key_hash, open311_client_create

DEMO_OPEN311_KEY = "demo-open311-key"


def load_interop_demo() -> dict[str, int]:
    if not settings.DEMO or Open311Client.objects.filter(key_hash=key_hash(DEMO_OPEN311_KEY)).exists():
        return {"open311_clients": 0}
    open311_client_create(name="Demo Open311", key=DEMO_OPEN311_KEY)
    return {"open311_clients": 1}
