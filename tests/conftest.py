import os

os.environ.setdefault("TUNTAS_TESTING", "1")

import pytest  # noqa: E402


def pytest_collection_modifyitems(config, items):  # noqa: ANN001
    """``postgres``-marked tests need row locks and real concurrency: skipped on SQLite."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media(request, tmp_path):
    if not request.config.pluginmanager.hasplugin("django"):
        return  # pure tests (engine, calendar) may run with -p no:django
    settings = request.getfixturevalue("settings")
    from django.core.cache import cache

    cache.clear()  # rate-limit and guess counters of one test never reach the next
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RATELIMIT_ENABLE = False
    # Hashing eight demo passwords per test with PBKDF2 costs seconds; tests don't need slow hashes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def workflows(db):
    from tuntas.workflows.registry import sync_workflow_files

    return {d.slug: d for d in sync_workflow_files()}


@pytest.fixture
def directory(db, workflows):
    from tests.factories import Directory
    from tuntas.directory.kinds import ensure_default_kinds

    # Transactional tests (live server, concurrency) flush every table, data-migration rows included.
    ensure_default_kinds()
    return Directory()


def _hypothesis_profile() -> None:
    # CI runs the suite on two busy cores: wall-clock limits would make property tests flaky, not stricter.
    from hypothesis import HealthCheck, settings

    settings.register_profile("tuntas", deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("tuntas")


_hypothesis_profile()
