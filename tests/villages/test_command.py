"""create_dam_programme: how a deployment starts its programme without code."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import UserFactory
from tuntas.villages.models import Participation, Programme


def run(*args: str) -> str:
    out = StringIO()
    call_command("create_dam_programme", *args, stdout=out)
    return out.getvalue()


def test_creates_the_programme_and_enrols_the_regency_villages(directory):
    admin = UserFactory(username="admin.dam", is_superuser=True)

    out = run(
        "--pemkab",
        "pemkab-kotabaru",
        "--ombudsman",
        "ombudsman-kalsel",
        "--year",
        "2026",
        "--actor",
        admin.username,
    )

    programme = Programme.objects.get()
    assert programme.year == 2026 and programme.pemkab == directory.pemkab
    assert list(programme.verifiers.all()) == [directory.inspektorat]  # the default level-1 verifier
    enrolled = set(Participation.objects.values_list("village__slug", flat=True))
    assert enrolled == {"desa-sigam"}
    assert f"{len(enrolled)} desa terdaftar" in out


def test_refuses_an_actor_without_the_right_role(directory):
    with pytest.raises(CommandError):
        run(
            "--pemkab",
            "pemkab-kotabaru",
            "--ombudsman",
            "ombudsman-kalsel",
            "--year",
            "2026",
            "--actor",
            "petugas.pupr",
        )
    assert not Programme.objects.exists()


def test_unknown_organisation_is_named(directory):
    with pytest.raises(CommandError, match="tidak-ada"):
        run(
            "--pemkab",
            "tidak-ada",
            "--ombudsman",
            "ombudsman-kalsel",
            "--year",
            "2026",
            "--actor",
            "koordinator",
        )
