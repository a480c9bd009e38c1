"""A corrected SOP is a new version; a handling opened under the old one keeps following it."""

from __future__ import annotations

from tests.complaints.conftest import (  # noqa: F401 - fixtures
    _fast_passwords,
    _fresh_calendars,
    act,
    frozen,
    handling_at,
    submit,
)
from tuntas.complaints.models import Handling
from tuntas.complaints.selectors import public_status
from tuntas.workflows.loader import default_definitions_dir
from tuntas.workflows.registry import definition_save, workflow_for

SHIPPED = (default_definitions_dir() / "lapor-admin.yaml").read_text(encoding="utf-8")
# An older version of the SOP: a different verification time.
OLD = SHIPPED.replace("    duration: 3\n", "    duration: 4\n", 1)


def test_open_handling_keeps_its_version_and_a_new_one_gets_the_correction(submit, directory, workflows):  # noqa: F811
    assert OLD != SHIPPED
    old = definition_save(source=OLD, origin="old.yaml")
    before = handling_at(submit().complaint, directory.coordinator)
    assert before.workflow_id == old.pk
    new = definition_save(source=SHIPPED, origin="lapor-admin.yaml")
    assert new.version == old.version + 1
    after = handling_at(submit().complaint, directory.coordinator)
    assert after.workflow_id == new.pk

    assert workflow_for(before).clocks["verifikasi"].duration == 4
    assert workflow_for(after).clocks["verifikasi"].duration == 3
    assert before.clocks.get(name="verifikasi").duration == 4
    assert after.clocks.get(name="verifikasi").duration == 3

    act(directory.koordinator, after, "bukan_wewenang", penjelasan="Jalan nasional.")
    after = Handling.objects.get(pk=after.pk)
    assert after.state == "dikembalikan"
    assert not after.closure_reason and after.closed_at is None
    assert workflow_for(Handling.objects.get(pk=before.pk)).clocks["verifikasi"].duration == 4
    assert public_status(after.complaint).label == "Dialihkan ke instansi yang berwenang"
