"""Schemes as data: shipped by the migration, loaded by a command, edited in the admin as new versions."""

from __future__ import annotations

from django.core.management import call_command

from tests.compliance.conftest import scheme
from tests.factories import UserFactory
from tuntas.compliance.models import Scheme


def admin_client(client):  # noqa: ANN001, ANN201
    boss = UserFactory(username="admin.kepatuhan", is_staff=True, is_superuser=True)
    client.force_login(boss)
    return client


def test_both_shipped_schemes_are_in_the_database(db):
    assert set(Scheme.objects.values_list("code", "version")) == {("kepatuhan-2022", 1), ("opini-2025", 1)}


def test_load_command_never_overwrites_an_existing_scheme(db):
    Scheme.objects.filter(code="opini-2025").update(name="Diubah admin")
    call_command("load_compliance_schemes", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Scheme.objects.get(code="opini-2025").name == "Diubah admin"


def test_editing_a_scheme_used_by_a_round_saves_a_new_version(client, round_):
    old = scheme()
    source = old.source.replace(
        'name: "Kepatuhan Standar Pelayanan Publik 2022–2024"', 'name: "Kepatuhan revisi"'
    )
    response = admin_client(client).post(
        f"/admin/compliance/scheme/{old.pk}/change/", {"source": source, "is_active": "on"}
    )
    assert response.status_code == 302
    assert list(Scheme.objects.filter(code="kepatuhan-2022").values_list("version", "name")) == [
        (2, "Kepatuhan revisi"),
        (1, "Kepatuhan Standar Pelayanan Publik 2022–2024"),
    ]
    round_.refresh_from_db()
    assert round_.scheme_id == old.pk


def test_admin_shows_scheme_errors_with_their_yaml_path(client, db):
    old = scheme()
    source = old.source.replace("weight: 25\n    indicators:", "weight: 26\n    indicators:", 1)
    response = admin_client(client).post(
        f"/admin/compliance/scheme/{old.pk}/change/", {"source": source, "is_active": "on"}
    )
    assert response.status_code == 200 and "dimensions: weights must sum to 100" in response.content.decode()
    assert Scheme.objects.filter(code="kepatuhan-2022").count() == 1
