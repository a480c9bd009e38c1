"""Findings and the runner of the doctor's checks."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable


class Level(enum.IntEnum):
    OK = 0
    WARNING = 1
    ERROR = 2


@dataclasses.dataclass(frozen=True)
class Finding:
    check: str  # stable code, e.g. "secret_key"; tests and alerting match on it
    level: Level
    message: str
    action: str = ""  # what to do about it; empty for OK

    def as_dict(self) -> dict:
        return {
            "check": self.check,
            "level": self.level.name.lower(),
            "message": self.message,
            "action": self.action,
        }


def ok(check: str, message: str) -> Finding:
    return Finding(check, Level.OK, message)


def warning(check: str, message: str, action: str) -> Finding:
    return Finding(check, Level.WARNING, message, action)


def error(check: str, message: str, action: str) -> Finding:
    return Finding(check, Level.ERROR, message, action)


Check = Callable[[], Iterable[Finding]]


def all_checks() -> list[tuple[str, Check]]:
    from tuntas.ops.doctor import config, data, runtime

    return [*config.CHECKS, *data.CHECKS, *runtime.CHECKS]


def run_checks(checks: list[tuple[str, Check]] | None = None) -> list[Finding]:
    from django.db import DatabaseError

    findings: list[Finding] = []
    for name, check in checks if checks is not None else all_checks():
        try:
            findings.extend(check())
        except DatabaseError as exc:  # usually tables not created yet: the migrations finding says so
            findings.append(
                error(
                    name,
                    f"Basis data tidak dapat dibaca: {type(exc).__name__}: {exc}",
                    "Periksa DATABASE_URL dan jalankan tuntas migrate, lalu tuntas doctor lagi.",
                )
            )
        except Exception as exc:  # a broken check is reported, never hides the rest
            findings.append(
                error(
                    name,
                    f"Pemeriksaan gagal dijalankan: {type(exc).__name__}: {exc}",
                    "Laporkan ke pengembang.",
                )
            )
    return findings
