"""One log line per background job (huey signals): task name, outcome, timing; the job's id is the log
records' ``request_id`` while it runs, so its lines can be found together. Arguments are not logged."""

from __future__ import annotations

import contextlib
import logging
import time

from huey.signals import SIGNAL_COMPLETE, SIGNAL_ERROR, SIGNAL_EXECUTING, SIGNAL_RETRYING

from tuntas.ops import logs

logger = logging.getLogger("tuntas.job")
_running: dict[str, tuple[float, object]] = {}


def _executing(signal: str, task, *args) -> None:  # noqa: ANN001, ANN002
    token = logs.request_id.set(f"job-{task.id}")
    _running[task.id] = (time.perf_counter(), token)


def _finished(signal: str, task, exc=None) -> None:  # noqa: ANN001
    started, token = _running.pop(task.id, (time.perf_counter(), None))
    ms = round((time.perf_counter() - started) * 1000, 1)
    outcome = {SIGNAL_COMPLETE: "ok", SIGNAL_ERROR: "error", SIGNAL_RETRYING: "retrying"}[signal]
    logger.log(
        logging.INFO if outcome == "ok" else logging.WARNING,
        "job %s %s %sms",
        task.name,
        outcome,
        ms,
        extra={
            "task": task.name,
            "outcome": outcome,
            "duration_ms": ms,
            "error": type(exc).__name__ if exc else "",
        },
    )
    if token is not None:
        with contextlib.suppress(ValueError):  # set in another context (should not happen): leave it
            logs.request_id.reset(token)


def connect(huey) -> None:  # noqa: ANN001
    huey.signal(SIGNAL_EXECUTING)(_executing)
    huey.signal(SIGNAL_COMPLETE, SIGNAL_ERROR, SIGNAL_RETRYING)(_finished)
