import os

os.environ.setdefault("TUNTAS_TESTING", "1")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
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
