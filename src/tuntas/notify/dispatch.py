"""Handing a message to the worker right after the commit that wrote it, so it leaves within seconds.

notify sits below the task registry (``tuntas.jobs``), so it cannot import the task that sends one message:
the jobs app installs the hand-off when Django starts (``JobsConfig.ready``). Without one (jobs not
installed, a bare script) nothing is handed over and the worker's periodic pass sends the message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.db import transaction

_hand_off: Callable[[int], None] | None = None


def install_hand_off(hand_off: Callable[[int], None] | None) -> None:
    """``hand_off(message_id)`` queues the send of one message; None removes it."""
    global _hand_off  # noqa: PLW0603 - one process-wide hook, set once at start-up
    _hand_off = hand_off


def deliver_after_commit(message_id: int) -> None:
    # robust: the commit has happened; if the queue is unreachable, the periodic pass still sends it.
    transaction.on_commit(partial(_deliver_soon, message_id), robust=True)


def _deliver_soon(message_id: int) -> None:
    if _hand_off is not None:
        _hand_off(message_id)
