"""Staff passwords: a reset link by email (through the outbox, so it leaves with the commit) and changes.

Tokens are Django's (``default_token_generator``): one use, void once the password changes, expiring after
PASSWORD_RESET_TIMEOUT. Every request that reaches an account, every reset and every change is audited."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tuntas.audit.models import AuditEntry
from tuntas.audit.services import audit_record
from tuntas.directory.models import User
from tuntas.notify.models import OutboxMessage
from tuntas.notify.services import outbox_enqueue

A = AuditEntry.Action


def _same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFKC", a).casefold() == unicodedata.normalize("NFKC", b).casefold()


def reset_recipients(email: str) -> list[User]:
    """Active accounts with this email and a usable password (Django's own policy); none for a blank one."""
    email = email.strip()
    if not email:
        return []
    users = User.objects.filter(email__iexact=email, is_active=True).order_by("id")
    return [u for u in users if u.has_usable_password() and _same(email, u.email)]


def password_reset_request(*, email: str, base_url: str, language: str = "id") -> list[OutboxMessage]:
    """Queue a reset link to every account ``email`` belongs to, and audit each. An unknown address, an
    inactive account or one without a usable password gets nothing, and the caller answers the same either
    way (no account enumeration). ``base_url``: the site's address, so the link in the email is absolute."""
    base = base_url.rstrip("/")
    hours = max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)
    messages = []
    with transaction.atomic():
        for user in reset_recipients(email):
            path = reverse(
                "console:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
            messages.append(
                outbox_enqueue(
                    channel=OutboxMessage.Channel.EMAIL,
                    recipient=user.email.strip(),
                    template="password_reset",
                    context={
                        "recipient": user.display_name,
                        "username": user.username,
                        "url": base + path,
                        "hours": hours,
                        "site_name": settings.TUNTAS_SITE_NAME,
                    },
                    language=language,
                )
            )
            audit_record(A.PASSWORD_RESET_REQUESTED, actor=user, target=user.username)
    return messages


def password_set(*, user: User, password: str, reset: bool) -> None:
    """Store ``user``'s new password (the form has checked it against AUTH_PASSWORD_VALIDATORS) and audit
    it. The new hash ends the user's other sessions (Django compares each session's hash on every request)."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit_record(A.PASSWORD_RESET if reset else A.PASSWORD_CHANGED, actor=user, target=user.username)
