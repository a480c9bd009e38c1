"""``/healthz`` and ``/readyz`` for the load balancer and the service manager.

Both are unauthenticated and say only "ok" or which check failed: no versions, host names or errors, which
would tell an attacker what runs here. ``/healthz`` touches nothing (the process answers); ``/readyz`` checks
what a request needs: the database answers, every migration is applied, the cache answers.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

# Once every migration is applied it stays so for the life of the process (an upgrade restarts it), so
# the migration graph, which is read from disk, is loaded only until the first success.
_migrations_applied = False


def database_ok() -> bool:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not ready"
        return False


def migrations_applied() -> bool:
    global _migrations_applied
    if _migrations_applied:
        return True
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return False
    _migrations_applied = not plan
    return _migrations_applied


def cache_ok() -> bool:
    key = "tuntas:readyz"
    token = uuid.uuid4().hex
    try:
        cache.set(key, token, 10)
        return cache.get(key) == token
    except Exception:
        return False


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> JsonResponse:
    db = database_ok()
    checks = {
        "database": db,
        # Without a database the migration state cannot be known; report it failed rather than wait.
        "migrations": db and migrations_applied(),
        "cache": cache_ok(),
    }
    ready = all(checks.values())
    body: dict = {"status": "ok" if ready else "unavailable"}
    body["checks"] = {name: "ok" if ok else "fail" for name, ok in checks.items()}
    if db and checks["migrations"]:
        body["worker"] = _worker_info()
    return JsonResponse(body, status=200 if ready else 503)


def _worker_info() -> dict:
    """For the administrator, not the load balancer: a silent worker does not make the web unready (it
    serves pages fine), so it is reported here and alerted on by the doctor and metrics."""
    from tuntas.ops.heartbeat import worker_status

    status = worker_status()
    return {
        "last_seen_seconds_ago": None if status.age_seconds is None else round(status.age_seconds),
        "silent": status.silent,
        "outbox_backlog": status.outbox_backlog,
        "oldest_pending_seconds_ago": (
            None if status.oldest_pending is None else round(status.oldest_pending_age_seconds)
        ),
    }


PROBES = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Answers the probes first in the chain: a load balancer or systemd asks by IP address over plain HTTP,
    which ALLOWED_HOSTS and the HTTPS redirect would turn away, and a probe every few seconds should not
    fill the request log or touch the session."""

    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = probe(request)
        add_never_cache_headers(response)
        return response
