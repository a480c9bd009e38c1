import os

os.environ.setdefault("TUNTAS_TESTING", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _media(request, tmp_path):
    if not request.config.pluginmanager.hasplugin("django"):
        return  # pure tests (engine, calendar) may run with -p no:django
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RATELIMIT_ENABLE = False


@pytest.fixture
def workflows(db):
    from tuntas.workflows.registry import sync_workflow_files

    return {d.slug: d for d in sync_workflow_files()}


@pytest.fixture
def directory(db, workflows):
    from tests.factories import Directory

    return Directory()
