"""Optional Sentry: off unless configured; identity data scrubbed before anything would leave.

No network: sentry-sdk's transport is replaced by one that keeps the envelopes it would have sent.
"""

import json
import logging

import pytest
import sentry_sdk
from django.test import Client
from sentry_sdk.transport import Transport

from tuntas.ops.sentry import before_send, sentry_init

SENTINELS = (
    "sentinel.sentry@contoh.id",
    "081377798765",
    "6302068888880001",
    "Sentinelsentry",
    "rahasia-cookie",
)


class KeepingTransport(Transport):
    envelopes: list = []

    def capture_envelope(self, envelope):  # noqa: ANN001
        type(self).envelopes.append(envelope)


def _sent() -> str:
    out = []
    for envelope in KeepingTransport.envelopes:
        for item in envelope.items:
            out.append(item.payload.get_bytes().decode())
    return "\n".join(out)


@pytest.fixture
def sentry(settings):
    settings.ROOT_URLCONF = "tests.ops.urls_failing"
    settings.TUNTAS_SENTRY_DSN = "https://public@sentry.invalid/1"
    KeepingTransport.envelopes = []
    sentry_init(settings.TUNTAS_SENTRY_DSN, transport=KeepingTransport)
    yield
    sentry_sdk.get_client().close()
    sentry_sdk.init()  # no DSN: off again for the rest of the suite


def test_sentry_is_off_unless_configured(settings):
    assert settings.TUNTAS_SENTRY_DSN == ""
    assert sentry_sdk.get_client().dsn is None  # no client that could send anything


def test_an_error_report_carries_no_identity(sentry, directory):
    client = Client(raise_request_exception=False)
    client.force_login(directory.koordinator)
    client.cookies["tuntas_note"] = "rahasia-cookie"
    # A breadcrumb. A name cannot be recognised by its shape: our logs never carry one (tests/ops/test_logs.py).
    logging.getLogger("tuntas.test").warning("pelapor %s %s", "sentinel.sentry@contoh.id", "081377798765")
    response = client.post(
        "/boom/?email=sentinel.sentry@contoh.id",
        {"name": "Sentinelsentry", "nik": "6302068888880001", "phone": "081377798765"},
    )
    assert response.status_code == 500
    sentry_sdk.flush()
    sent = _sent()
    assert "RuntimeError" in sent and "/boom/" in sent  # the report went, and is useful
    [event] = [
        json.loads(line) for line in sent.splitlines() if line.startswith("{") and '"exception"' in line
    ]
    assert event["tags"]["request_id"] == response["X-Request-ID"]  # what the citizen quotes finds the report
    assert event.get("user", {}) == {}
    for sentinel in SENTINELS:
        assert sentinel not in sent
    assert "sentinel.boom" not in sent  # the exception message's e-mail address


def test_before_send_masks_identity_keys_and_patterns():
    event = {
        "user": {"id": 7, "email": "a@b.id", "username": "koordinator", "ip_address": "1.2.3.4"},
        "request": {"url": "https://x/lacak/?rahasia=1", "data": {"name": "Budi"}, "cookies": {"s": "1"},
                    "headers": {"Cookie": "s=1", "User-Agent": "UA", "Authorization": "Bearer t"}},
        "extra": {"reporter": {"name": "Budi"}, "note": "hubungi 0812-3456-7890 atau budi@contoh.id"},
        "server_name": "vm-diskominfo-01",
        "logentry": {"message": "NIK 6302011204880003"},
    }  # fmt: skip
    out = before_send(event, {})
    assert out["user"] == {"id": 7}
    assert out["request"] == {"method": None, "url": "https://x/lacak/", "headers": {"User-Agent": "UA"}}
    assert out["extra"] == {"reporter": "[disaring]", "note": "hubungi [telepon] atau [email]"}
    assert "server_name" not in out
    assert out["logentry"]["message"] == "NIK [nik]"
