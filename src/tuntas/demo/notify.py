"""Demo data for notifications: the demo accounts get an email address, so staff messages (new work,
assignments, deadlines, the daily digest) are written to the outbox and shown by the console mail backend.
Runs after the Kotabaru demo; idempotent (an address already set is kept)."""

from __future__ import annotations

from django.db import transaction

from tuntas.demo import kotabaru
from tuntas.directory.models import User
from tuntas.notify.message_templates import sync_message_templates

# A reserved top-level domain (RFC 2606): nothing is ever delivered there, even with a real mail server.
DEMO_DOMAIN = "kotabaru.example"


def load_notify_demo() -> dict[str, int]:
    usernames = {a.username for a in kotabaru.ACCOUNTS}
    with transaction.atomic():
        given = 0
        for user in User.objects.filter(username__in=usernames, email=""):
            user.email = f"{user.username}@{DEMO_DOMAIN}"
            user.save(update_fields=["email"])
            given += 1
        templates = sync_message_templates()
    return {"staff_emails": given, "message_templates": templates.created}
