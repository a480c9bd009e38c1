"""/healthz and /readyz: cheap, unauthenticated, and revealing nothing but ok/fail per check."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tuntas.ops import health

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_without_a_database_query(client, db):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert len(queries) == 0


def test_readyz_ok_when_database_migrations_and_cache_answer(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "migrations": "ok", "cache": "ok"}


def test_readyz_is_public_and_not_cached(client, db):
    response = client.get("/readyz")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_readyz_reveals_no_version_or_host(client, db):
    import platform

    import django

    text = client.get("/readyz").content.decode()
    assert django.get_version() not in text
    assert platform.node() not in text
    assert "postgres" not in text.lower() and "sqlite" not in text.lower()


def test_readyz_503_when_cache_fails(client, db, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "fail"


def test_readyz_503_when_migrations_are_pending(client, db, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(health, "_migrations_applied", False)
    real_plan = MigrationExecutor.migration_plan

    def plan_with_one_pending(self, targets, clean_start=False):  # a migration on disk not yet applied
        graph = self.loader.graph
        leaf = graph.leaf_nodes()[0]
        return [(graph.nodes[leaf], False)] + list(real_plan(self, targets, clean_start))

    monkeypatch.setattr(MigrationExecutor, "migration_plan", plan_with_one_pending)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "fail"


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there any more
    return port


SCRIPT = """
import django, json
django.setup()
from django.test import Client
c = Client(HTTP_HOST="10.0.0.5")  # a load balancer asks by address
r1, r2 = c.get("/healthz"), c.get("/readyz")
print(json.dumps([r1.status_code, r2.status_code, r2.json()]))
"""


def test_readyz_503_and_healthz_200_with_the_database_down(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://tuntas@127.0.0.1:{_closed_port()}/tuntas?connect_timeout=2",
        "TUNTAS_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "tuntas.settings",
        "TUNTAS_TESTING": "1",
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    healthz, readyz, body = json.loads(out.stdout.strip().splitlines()[-1])
    assert healthz == 200
    assert readyz == 503
    assert body == {
        "status": "unavailable",
        "checks": {"database": "fail", "migrations": "fail", "cache": "ok"},
    }


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_refuse_writes(client, db, path):
    assert client.post(path).status_code == 405


def test_probes_answer_a_host_outside_allowed_hosts_over_plain_http(client, db, settings):
    settings.ALLOWED_HOSTS = ["lapor.example.go.id"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.5").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.5").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.5").status_code == 400  # everything else is still guarded
