"""The worker's queue storage from the environment: SQLite under var/ by default (also with PostgreSQL as
the database), Redis with TUNTAS_HUEY_REDIS_URL. Each case imports the settings afresh in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REDIS_URL = "redis://127.0.0.1:6379/15"
CLEARED = ("TUNTAS_TESTING", "DATABASE_URL", "TUNTAS_HUEY_REDIS_URL", "TUNTAS_VAR_DIR", "PYTEST_XDIST_WORKER")


def run_django(code: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environ.update(DJANGO_SETTINGS_MODULE="tuntas.settings", TUNTAS_SECRET_KEY="k" * 50, **env)
    setup = "import django; django.setup()\n"
    done = subprocess.run(
        [sys.executable, "-c", setup + code], env=environ, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


def test_default_queue_is_sqlite_under_var_even_with_postgresql(tmp_path: Path):
    var = tmp_path / "belum-ada"
    out = run_django(
        "from huey.contrib.djhuey import HUEY\n"
        "print(type(HUEY).__name__, HUEY.immediate, HUEY.storage.filename)",
        DATABASE_URL="postgres://tuntas@127.0.0.1:5432/tuntas",
        TUNTAS_VAR_DIR=str(var),
    )
    assert out == f"SqliteHuey False {var / 'huey.sqlite3'}"
    assert (var / "huey.sqlite3").exists()


@pytest.mark.skipif(not redis_running(), reason="no Redis server on 127.0.0.1:6379")
def test_redis_url_puts_the_queue_in_redis(tmp_path: Path):
    out = run_django(
        "from huey.contrib.djhuey import HUEY\n"
        "from tuntas.jobs import tasks\n"
        "queued = tasks.deliver_message(424242)\n"
        "found = [t for t in iter(HUEY.dequeue, None) if t.id == queued.id]\n"
        "print(type(HUEY).__name__, HUEY.immediate, found[0].name, found[0].args)",
        TUNTAS_HUEY_REDIS_URL=REDIS_URL,
        TUNTAS_VAR_DIR=str(tmp_path / "var"),
    )
    assert out == "RedisHuey False deliver_message (424242,)"
    assert not (tmp_path / "var" / "huey.sqlite3").exists()
