"""The prevention hub shows each role only the cards it can act on: every card shown leads to a page that
answers 200 for that user, every card left out is a page that refuses them, and the cards say what waits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from tests.factories import UserFactory, member
from tests.villages.conftest import NOW, Dam, fill_best
from tuntas.core import clock
from tuntas.standards import services as standards
from tuntas.villages import services as villages
from tuntas.villages.registry import ensure_instrument

HUB = "/console/pencegahan/"
TARGETS = {
    "/console/standar/",
    "/console/survei/",
    "/console/kepatuhan/",
    "/console/dam/",
    "/console/kerja-sama/",
    "/console/profil/",
}


@pytest.fixture
def world(directory):
    """The test directory with a DAM programme whose Desa Sigam waits for the Pemkab's verification, and a
    service of Dinas PUPR with a standard being drafted."""
    ensure_instrument()
    with clock.frozen(NOW):
        dam = Dam(directory)
        rnd = villages.round_open(
            actor=dam.auditor,
            programme_id=dam.programme.pk,
            name="Penilaian 2026",
            starts_on=dt.date(2026, 3, 1),
            ends_on=dt.date(2026, 10, 31),
        )
        p = dam.participation(dam.sigam)
        villages.commitment_record(actor=dam.auditor, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))
        assessment = villages.assessment_start(actor=dam.operator, round_id=rnd.pk, participation_id=p.pk)
        fill_best(dam.operator, assessment)
        villages.assessment_submit(actor=dam.operator, assessment_id=assessment.pk)
        service = standards.service_create(
            actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, name="Izin galian jalan"
        )
        standards.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    dam.nobody = UserFactory(username="tanpa.peran")
    dam.viewer_pupr = member(UserFactory(username="pemantau.pupr"), directory.pupr, "viewer")
    return dam


def hub_links(client: Client) -> list[str]:
    html = client.get(HUB).content.decode()
    hub = html.split('class="c-hub"')[1].split("</ul>")[0] if 'class="c-hub"' in html else ""
    return re.findall(r'href="([^"]+)"', hub)


ROLES = [
    "d.koordinator",
    "d.petugas_pupr",
    "d.kadis_pupr",
    "d.petugas_disdik",
    "d.auditor",
    "d.inspektur",
    "d.asisten",
    "d.viewer",
    "operator",
    "kades",
    "dpmd_verifier",
    "kepala",
    "superuser",
    "nobody",
    "viewer_pupr",
]


def user_of(world, path: str):  # noqa: ANN001, ANN201
    obj = world
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("role", ROLES)
def test_every_card_leads_to_a_page_the_role_may_use_and_the_others_refuse(world, role):
    client = Client()
    client.force_login(user_of(world, role))
    shown = hub_links(client)
    assert set(shown) <= TARGETS
    for url in shown:
        assert client.get(url, follow=True).status_code == 200, (role, url)
    for url in TARGETS - set(shown):
        assert client.get(url).status_code == 403, (role, url)


def test_a_role_with_no_prevention_work_gets_a_sentence_not_an_empty_grid(world):
    client = Client()
    client.force_login(world.nobody)
    html = client.get(HUB).content.decode()
    assert hub_links(client) == [] and "Peran Anda belum mencakup program pencegahan" in html


def test_cards_differ_by_role(world):
    def links(user) -> set[str]:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return set(hub_links(client))

    assert "/console/standar/" in links(world.d.petugas_pupr)
    assert "/console/dam/" not in links(world.d.petugas_pupr)
    assert "/console/dam/" in links(world.d.auditor) and "/console/standar/" not in links(world.d.auditor)
    assert links(world.operator) >= {"/console/dam/"}
    # no compliance round exists, and opening one takes a membership: nothing there for a superuser yet
    assert links(world.superuser) == TARGETS - {"/console/kepatuhan/"}


def test_cards_say_what_waits_now(world):
    client = Client()
    client.force_login(world.d.auditor)
    assert "1 desa menunggu verifikasi." in client.get(HUB).content.decode()
    client.force_login(world.operator)
    assert "Pemerintah Desa Sigam: Verifikasi Pemkab." in client.get(HUB).content.decode()
    client.force_login(world.d.petugas_pupr)
    assert "1 standar sedang disusun atau dikonsultasikan." in client.get(HUB).content.decode()


def test_hub_stays_within_a_query_budget(world, django_assert_max_num_queries):
    client = Client()
    client.force_login(world.superuser)
    with django_assert_max_num_queries(40):
        assert client.get(HUB).status_code == 200
