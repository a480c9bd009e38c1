"""Two digest runs at once on PostgreSQL: the second waits on the first's DigestRun row, then sends nothing."""

from __future__ import annotations

import threading

import pytest
from django.db import connections, transaction

from tests.notify.conftest import staff_messages
from tuntas.complaints.digest import digest_send
from tuntas.directory.models import Organisation

# serialized_rollback like every other transactional test: a flush without it re-creates the content types,
# and the next serialized test's restore would then insert them twice.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_two_digest_runs_at_once_send_once(submit, dispose, directory, frozen, staff_emails, worker_down):
    dispose(submit().complaint)
    outcomes: list[tuple[str, int]] = []

    def second_run() -> None:
        try:
            outcomes.append(digest_send(Organisation.objects.get(pk=directory.pupr.pk)))
        finally:
            connections.close_all()

    with transaction.atomic():
        outcomes.append(digest_send(directory.pupr))
        thread = threading.Thread(target=second_run)
        thread.start()
        thread.join(timeout=1)
        assert thread.is_alive(), "the second run should wait for the first one's row"
    thread.join(timeout=10)
    assert outcomes == [("sent", 2), ("already", 0)]
    assert staff_messages("staff_digest").count() == 2
