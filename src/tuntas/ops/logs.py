"""Structured logs: JSON lines in production, plain text in development, both with the request id.

Every record gets ``request_id`` and ``user_id`` from the request (or job) being served. Identity data is
kept out first by what we log (ids, never names or addresses) and second by ``IdentityScrubFilter``, which
masks e-mail addresses, NIK and phone numbers in any message and traceback, e.g. from a library's error.
"""

from __future__ import annotations

import contextvars
import logging
import re

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("tuntas_request_id", default="-")
user_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("tuntas_user_id", default=None)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
# Indonesian mobile numbers: 08..., 628..., +62 8..., with optional spaces or dashes.
_PHONE = re.compile(r"(?<![\w])(?:\+?62|0)[\s-]?8\d(?:[\s-]?\d){6,11}(?!\d)")


def scrub(text: str) -> str:
    text = _EMAIL.sub("[email]", text)
    text = _NIK.sub("[nik]", text)
    return _PHONE.sub("[telepon]", text)


class ContextFilter(logging.Filter):
    """Adds the current request (or job) id and user id to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        if not hasattr(record, "user_id"):
            record.user_id = user_id.get()
        return True


class IdentityScrubFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        # Django attaches the request to error records; its repr carries the query string.
        if hasattr(record, "request"):
            record.request = None
        return True


class JsonFormatter(_JsonFormatter):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("fmt", "%(levelname)s %(name)s %(message)s %(request_id)s %(user_id)s")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")  # ISO 8601 in UTC, whatever the deployment's time zone
        super().__init__(*args, **kwargs)

    def formatException(self, ei) -> str:  # noqa: ANN001, N802 - logging's API
        return scrub(super().formatException(ei))

    def process_log_record(self, log_data: dict) -> dict:
        log_data.pop("request", None)
        return log_data


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(*, json: bool, level: str) -> dict:
    """The LOGGING setting: one console handler (journald under systemd), filtered, JSON or text."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "context": {"()": "tuntas.ops.logs.ContextFilter"},
            "scrub": {"()": "tuntas.ops.logs.IdentityScrubFilter"},
        },
        "formatters": {
            "json": {"()": "tuntas.ops.logs.JsonFormatter"},
            "text": {"format": TEXT_FORMAT},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json else "text",
                "filters": ["context", "scrub"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # One line per request comes from tuntas.request; Django's own 4xx lines would double them.
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "WARNING"},
            # huey adds its own handler; without this every worker line is printed twice.
            "huey": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }
