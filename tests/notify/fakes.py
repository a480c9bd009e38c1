"""Channel adapters for tests, swapped in through settings.TUNTAS_NOTIFY_CHANNELS."""

from __future__ import annotations

import threading
import time

from tuntas.notify.channels import DeliveryError
from tuntas.notify.models import OutboxMessage


class WorkerCrashed(BaseException):  # noqa: N818 - stands for the process dying, not an error to handle
    """Not an Exception: nothing in the delivery code catches it, as nothing survives a killed process."""


class Crashing:
    def send(self, message: OutboxMessage) -> None:
        raise WorkerCrashed


class Refusing:
    def send(self, message: OutboxMessage) -> None:
        raise DeliveryError("ditolak penerima", permanent=True)


class Recording:
    """Accepts everything, slowly enough for two workers to overlap; remembers what it sent."""

    lock = threading.Lock()
    sent: list[int] = []

    def send(self, message: OutboxMessage) -> None:
        time.sleep(0.02)
        with self.lock:
            Recording.sent.append(message.pk)


class ResendingWhileSending:
    """While it sends, an administrator presses "kirim ulang" and another worker pass runs: the situation in
    which a resend used to make the message due again and the second pass sent it a second time."""

    actor = None
    sent: list[int] = []
    refused: list[str] = []

    def send(self, message: OutboxMessage) -> None:
        from tuntas.complaints.notifications import outbox_retry
        from tuntas.core.errors import Conflict
        from tuntas.notify.delivery import deliver_message

        ResendingWhileSending.sent.append(message.pk)
        if len(ResendingWhileSending.sent) > 1:
            return  # the second pass's send: nothing more happens inside it
        try:
            outbox_retry(actor=ResendingWhileSending.actor, message_id=message.pk)
        except Conflict as exc:
            ResendingWhileSending.refused.append(exc.message)
        deliver_message(message.pk)
