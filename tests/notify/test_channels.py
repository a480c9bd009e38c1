"""The channel adapters against a fake receiver on 127.0.0.1: request shape, bearer token, HMAC signature."""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import pytest
from django.core import mail

from tests.notify.conftest import SECRET, TOKEN, queue, reload
from tuntas.notify.channels import webhook_signature
from tuntas.notify.delivery import deliver_due
from tuntas.notify.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_sms_gateway_gets_json_with_bearer_token(frozen, gateway):
    m = queue(channel="sms", recipient="081251234567")

    assert deliver_due().sent == 1

    (request,) = gateway.requests
    assert request.method == "POST"
    assert request.path == "/kirim"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"].startswith("application/json")
    assert request.json() == {
        "to": "081251234567",
        "message": f"{m.subject}\n\n{m.body}",
        "reference": f"tuntas-{m.pk}",
    }
    assert reload(m).status == OutboxMessage.Status.SENT


def test_sms_reference_is_the_same_on_every_attempt(frozen, gateway):
    gateway.responses = [(503, "", 0.0), (200, "{}", 0.0)]
    m = queue(channel="sms", recipient="081251234567")
    deliver_due()
    frozen(reload(m).next_attempt_at - m.created_at)
    deliver_due()
    assert [r.json()["reference"] for r in gateway.requests] == [f"tuntas-{m.pk}"] * 2
    assert reload(m).status == OutboxMessage.Status.SENT


def test_sms_gateway_timeout_is_retried(frozen, gateway, settings):
    settings.TUNTAS_NOTIFY_TIMEOUT = 0.2
    gateway.answer(200, "{}", delay=1.0)
    m = queue(channel="sms", recipient="081251234567")

    assert deliver_due().retrying == 1

    attempt = reload(m).attempt_rows.get()
    assert not attempt.ok
    assert "timed out" in attempt.error.lower()


def test_sms_without_a_gateway_waits_for_one(frozen, settings):
    settings.TUNTAS_SMS_GATEWAY_URL = ""
    m = queue(channel="sms", recipient="081251234567")
    assert deliver_due().retrying == 1
    assert "TUNTAS_SMS_GATEWAY_URL" in reload(m).attempt_rows.get().error


def test_a_redirect_is_not_followed_and_fails(frozen, gateway):
    gateway.answer(302)
    m = queue(channel="sms", recipient="081251234567")
    assert deliver_due().failed == 1
    assert "HTTP 302" in reload(m).attempt_rows.get().error


def test_webhook_body_is_signed_with_hmac_sha256(frozen, receiver, webhook_secret):
    m = queue(channel="webhook", recipient=receiver.url + "/tuntas/hook")

    assert deliver_due().sent == 1

    (request,) = receiver.requests
    assert request.path == "/tuntas/hook"
    timestamp = request.headers["x-tuntas-timestamp"]
    assert abs(int(timestamp) - time.time()) < 60  # wall-clock seconds, for the receiver's replay window
    signed = timestamp.encode() + b"." + request.body
    expected = "sha256=" + hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["x-tuntas-signature"], expected)
    assert request.headers["x-tuntas-delivery"] == str(m.pk)
    assert "authorization" not in request.headers
    body = json.loads(request.body)
    assert body == {
        "id": m.pk,
        "template": "complaint_updated",
        "subject": m.subject,
        "body": m.body,
        "complaint": None,
        "created_at": reload(m).created_at.isoformat(),  # UTC, as stored
    }


def test_webhook_signature_changes_with_the_body_the_key_and_the_time():
    assert webhook_signature(SECRET, b"{}", "1") != webhook_signature(SECRET, b'{"a":1}', "1")
    assert webhook_signature(SECRET, b"{}", "1") != webhook_signature("lain", b"{}", "1")
    assert webhook_signature(SECRET, b"{}", "1") != webhook_signature(SECRET, b"{}", "2")


def test_webhook_names_the_complaint_by_tracking_code(frozen, receiver, webhook_secret, submit):
    from tuntas.notify.services import outbox_enqueue

    complaint = submit().complaint
    outbox_enqueue(
        channel="webhook",
        recipient=receiver.url,
        template="complaint_updated",
        context={"complaint": complaint, "status": "Diproses"},
        complaint=complaint,
    )
    deliver_due()
    assert [r.json()["complaint"] for r in receiver.requests] == [complaint.tracking_code]


def test_webhook_is_never_sent_unsigned(frozen, receiver, settings):
    settings.TUNTAS_WEBHOOK_SECRET = ""
    m = queue(channel="webhook", recipient=receiver.url)
    assert deliver_due().retrying == 1
    assert receiver.requests == []
    assert "TUNTAS_WEBHOOK_SECRET" in reload(m).attempt_rows.get().error


def test_email_goes_through_the_configured_backend(frozen, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "lapor@kotabarukab.go.id"
    m = queue(recipient="siti@example.id")
    deliver_due()
    (email,) = mail.outbox
    assert email.from_email == "lapor@kotabarukab.go.id"
    assert email.to == ["siti@example.id"]
    assert (email.subject, email.body) == (m.subject, m.body)


def test_unknown_channel_fails_for_good(frozen, settings):
    m = queue(channel="fax")
    assert deliver_due().failed == 1
    assert "fax" in reload(m).attempt_rows.get().error
