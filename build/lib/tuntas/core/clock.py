"""The current time, injectable so tests and the demo loader can set it."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

from django.utils import timezone

_now: Callable[[], dt.datetime] = timezone.now


def now() -> dt.datetime:
    return _now()


def today() -> dt.date:
    """Today's date in the deployment's time zone (deadlines are local dates)."""
    return timezone.localdate(now())


@contextlib.contextmanager
def frozen(at: dt.datetime) -> Iterator[Callable[[dt.timedelta], None]]:
    """Freeze time at ``at``; yields ``advance(delta)`` to move it forward."""
    global _now
    current = [at]

    def advance(delta: dt.timedelta) -> None:
        current[0] = current[0] + delta

    previous = _now
    _now = lambda: current[0]  # noqa: E731
    try:
        yield advance
    finally:
        _now = previous
