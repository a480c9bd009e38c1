"""Which complaints this browser has proved it may follow, kept in the server-side session.

A proof holds the tracking code and a short-lived reporter token issued by the services in exchange for the
secret, never the secret itself; it lives only in the session store (the cookie carries an opaque id), is
re-checked on every use, and lapses after an hour without use so a shared phone or warnet computer forgets
it. Nothing here ever goes into a URL.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.http import HttpRequest

from tuntas.complaints.models import Complaint
from tuntas.complaints.services import complaint_by_token, reporter_token
from tuntas.core.errors import NotFound

SESSION_KEY = "tuntas_proved"  # {str(complaint id): {"code", "token", "at"}}
SUBMITTED_KEY = "tuntas_submitted"  # the code and secret shown once on the success page
IDLE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Proof:
    complaint: Complaint
    code: str
    token: str


def _proofs(request: HttpRequest) -> dict:
    return dict(request.session.get(SESSION_KEY, {}))


def remember(request: HttpRequest, complaint: Complaint) -> None:
    """Call after the services accepted the code and secret for ``complaint``."""
    proofs = _proofs(request)
    proofs[str(complaint.pk)] = {
        "code": complaint.tracking_code,
        "token": reporter_token(complaint),
        "at": time.time(),
    }
    request.session[SESSION_KEY] = proofs
    if not request.user.is_authenticated:
        request.session.set_expiry(0)  # a citizen's session ends when the browser closes


def forget(request: HttpRequest, code: str) -> None:
    proofs = {k: v for k, v in _proofs(request).items() if v.get("code") != code}
    request.session[SESSION_KEY] = proofs


def proved(request: HttpRequest, code: str) -> Proof | None:
    """The complaint ``code`` if this browser proved it recently and its token is still valid, else None."""
    proofs = _proofs(request)
    key, entry = next(((k, v) for k, v in proofs.items() if v.get("code") == code), (None, None))
    if entry is None:
        return None
    if time.time() - entry.get("at", 0) > IDLE_SECONDS:
        forget(request, code)
        return None
    try:
        complaint = complaint_by_token(entry["code"], entry.get("token", ""))
    except NotFound:
        forget(request, code)
        return None
    proofs[key] = {**entry, "at": time.time()}
    request.session[SESSION_KEY] = proofs
    return Proof(complaint=complaint, code=entry["code"], token=entry["token"])
