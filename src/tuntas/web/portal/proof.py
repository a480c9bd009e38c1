"""Which complaints this browser has proved it may follow, kept in the server-side session.

A proof holds the tracking code and secret because every reporter service asks for them; they live only in
the session store (the cookie carries an opaque id), are re-checked on every use, and lapse after an hour
without use so a shared phone or warnet computer forgets them. Nothing here ever goes into a URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.http import HttpRequest

from tuntas.complaints.models import Complaint
from tuntas.complaints.services import complaint_by_secret
from tuntas.core.errors import NotFound

SESSION_KEY = "tuntas_proved"  # {str(complaint id): {"code", "secret", "at"}}
SUBMITTED_KEY = "tuntas_submitted"  # the code and secret shown once on the success page
IDLE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Proof:
    complaint: Complaint
    code: str
    secret: str


def _proofs(request: HttpRequest) -> dict:
    return dict(request.session.get(SESSION_KEY, {}))


def remember(request: HttpRequest, complaint: Complaint, secret: str) -> None:
    proofs = _proofs(request)
    proofs[str(complaint.pk)] = {"code": complaint.tracking_code, "secret": secret, "at": time.time()}
    request.session[SESSION_KEY] = proofs
    if not request.user.is_authenticated:
        request.session.set_expiry(0)  # a citizen's session ends when the browser closes


def forget(request: HttpRequest, code: str) -> None:
    proofs = {k: v for k, v in _proofs(request).items() if v.get("code") != code}
    request.session[SESSION_KEY] = proofs


def proved(request: HttpRequest, code: str) -> Proof | None:
    """The complaint ``code`` if this browser proved it recently and the secret still matches, else None."""
    proofs = _proofs(request)
    key, entry = next(((k, v) for k, v in proofs.items() if v.get("code") == code), (None, None))
    if entry is None:
        return None
    if time.time() - entry.get("at", 0) > IDLE_SECONDS:
        forget(request, code)
        return None
    try:
        complaint = complaint_by_secret(entry["code"], entry["secret"])
    except NotFound:
        forget(request, code)
        return None
    proofs[key] = {**entry, "at": time.time()}
    request.session[SESSION_KEY] = proofs
    return Proof(complaint=complaint, code=entry["code"], secret=entry["secret"])
