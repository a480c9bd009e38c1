"""Fixtures for outbox delivery: a fake HTTP receiver (SMS gateway / webhook endpoint) on 127.0.0.1, fake
channel adapters to swap in through settings, and queuing messages through the service."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.complaints.conftest import (  # noqa: F401 - fixtures
    _fast_passwords,
    _fresh_calendars,
    answered,
    dispose,
    frozen,
    submit,
)
from tuntas.notify.models import OutboxMessage
from tuntas.notify.services import outbox_enqueue

TOKEN = "token-gateway-uji"
SECRET = "rahasia-webhook-uji"


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class FakeReceiver:
    """What it received, in order; it answers with ``responses`` in turn (status, body, delay in seconds),
    then with the last one for ever."""

    url: str
    requests: list[Received] = field(default_factory=list)
    responses: list[tuple[int, str, float]] = field(default_factory=lambda: [(200, '{"ok":true}', 0.0)])

    def answer(self, status: int, body: str = "", delay: float = 0.0) -> None:
        self.responses = [(status, body, delay)]


@pytest.fixture
def receiver() -> Iterator[FakeReceiver]:
    """An HTTP server in a thread on a free local port."""
    fake = FakeReceiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            fake.requests.append(
                Received("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            status, text, delay = fake.responses[0] if len(fake.responses) == 1 else fake.responses.pop(0)
            if delay:
                time.sleep(delay)
            payload = text.encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:  # the client gave up (timeout test)
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def gateway(settings, receiver: FakeReceiver) -> FakeReceiver:
    """The fake receiver configured as the SMS/WhatsApp gateway."""
    settings.TUNTAS_SMS_GATEWAY_URL = receiver.url + "/kirim"
    settings.TUNTAS_SMS_GATEWAY_TOKEN = TOKEN
    return receiver


@pytest.fixture
def webhook_secret(settings) -> str:
    settings.TUNTAS_WEBHOOK_SECRET = SECRET
    return SECRET


@pytest.fixture
def swap_channel(settings) -> Callable[[str, str], None]:
    """``swap_channel("email", "tests.notify.fakes.Crashing")``: the adapter for one channel."""

    def _swap(channel: str, path: str) -> None:
        settings.TUNTAS_NOTIFY_CHANNELS = {**settings.TUNTAS_NOTIFY_CHANNELS, channel: path}

    return _swap


def queue(channel: str = OutboxMessage.Channel.EMAIL, recipient: str = "budi@example.id") -> OutboxMessage:
    """One message written through the service (about no complaint, like a webhook to a partner)."""
    return outbox_enqueue(
        channel=channel,
        recipient=recipient,
        template="complaint_updated",
        context={
            "complaint": {"tracking_code": "TNT-UJI1-23", "title": "Jalan berlubang"},
            "status": "Diproses",
        },
    )


def reload(message: OutboxMessage) -> OutboxMessage:
    message.refresh_from_db()
    return message


@pytest.fixture
def worker_down(monkeypatch) -> None:
    """The after-commit hand-off reaches no worker: messages wait for a delivery pass."""
    from tuntas.jobs import tasks

    monkeypatch.setattr(tasks, "deliver_message", lambda message_id: None)


@pytest.fixture
def staff_emails(directory) -> None:  # noqa: ANN001
    """Every user of the test directory gets an email address (<username>@kotabaru.go.id), so staff
    messages have somewhere to go."""
    from tuntas.directory.models import User

    for user in User.objects.all():
        user.email = f"{user.username}@kotabaru.go.id"
        user.save(update_fields=["email"])


def staff_messages(template: str | None = None):  # noqa: ANN201
    """Staff messages queued so far (any template starting with ``staff_``), or those of ``template``."""
    qs = OutboxMessage.objects.filter(template__startswith="staff_")
    return qs.filter(template=template) if template else qs


def recipients(template: str) -> set[str]:
    return set(staff_messages(template).values_list("recipient", flat=True))
