"""Bulk reassignment from the inbox: a pimpinan ticks handlings, chooses a member and presses "Tugaskan"."""

from __future__ import annotations

import re

import pytest

from tests.factories import UserFactory, member
from tuntas.complaints.models import Handling

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(submit, dispose):
    return [dispose(submit()) for _ in range(3)]


@pytest.fixture
def officer(directory):
    return member(UserFactory(username="petugas2.pupr"), directory.pupr, "petugas")


def test_pimpinan_sees_a_tick_per_open_handling_and_the_members_to_choose(login, directory, three, officer):
    page = login(directory.kadis_pupr).get("/console/").content.decode()
    assert 'action="/console/tugaskan/"' in page
    for h in three:
        assert f'name="handling" value="{h.pk}"' in page
    assert f'<option value="{officer.pk}">' in page


def test_petugas_gets_no_bulk_form(login, directory, three):
    page = login(directory.petugas_pupr).get("/console/").content.decode()
    assert "/console/tugaskan/" not in page and 'name="handling"' not in page


def test_assigning_the_ticked_ones_keeps_the_filters_and_says_how_many(login, directory, three, officer):
    client = login(directory.kadis_pupr)
    picked = [three[0].pk, three[2].pk]
    response = client.post(
        "/console/tugaskan/",
        {"handling": picked, "assignee": officer.pk, "next": "status=open&category=jalan&page=2"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/console/?status=open&category=jalan"
    assert set(Handling.objects.filter(assignee=officer).values_list("pk", flat=True)) == set(picked)
    page = client.get(response["Location"]).content.decode()
    assert f"2 penanganan ditugaskan kepada {officer}" in page


def test_a_refused_batch_writes_nothing_names_the_handling_and_keeps_the_ticks(
    login, directory, three, officer
):
    Handling.objects.filter(pk=three[1].pk).update(is_open=False)
    client = login(directory.kadis_pupr)
    picked = [h.pk for h in three]
    response = client.post(
        "/console/tugaskan/", {"handling": picked, "assignee": officer.pk, "next": "q=jalan"}
    )
    assert response.status_code == 302
    assert not Handling.objects.filter(assignee=officer).exists()
    page = client.get(response["Location"]).content.decode()
    assert three[1].complaint.tracking_code in page  # the flash names it
    checked = set(re.findall(r'name="handling" value="(\d+)"[^>]* checked', page))
    assert checked == {str(three[0].pk), str(three[2].pk)}  # the closed one has no tick any more


def test_no_assignee_chosen_is_a_friendly_refusal(login, directory, three):
    client = login(directory.kadis_pupr)
    response = client.post("/console/tugaskan/", {"handling": [three[0].pk], "assignee": ""}, follow=True)
    assert "Pilih petugas yang akan ditugaskan." in response.content.decode()
    assert Handling.objects.get(pk=three[0].pk).assignee_id is None


def test_petugas_posting_the_form_by_hand_is_refused(login, directory, three, officer):
    response = login(directory.petugas_pupr).post(
        "/console/tugaskan/", {"handling": [three[0].pk], "assignee": officer.pk}, follow=True
    )
    assert "Anda tidak dapat menugaskan penanganan ini." in response.content.decode()
    assert Handling.objects.get(pk=three[0].pk).assignee_id is None


def test_clearing_in_bulk(login, directory, three):
    Handling.objects.filter(pk__in=[h.pk for h in three]).update(assignee=directory.petugas_pupr)
    response = login(directory.kadis_pupr).post(
        "/console/tugaskan/", {"handling": [h.pk for h in three], "assignee": "none"}, follow=True
    )
    assert "Penugasan 3 penanganan dilepas." in response.content.decode()
    assert not Handling.objects.filter(pk__in=[h.pk for h in three], assignee__isnull=False).exists()


def test_the_next_parameter_cannot_send_the_user_elsewhere(login, directory, three, officer):
    response = login(directory.kadis_pupr).post(
        "/console/tugaskan/",
        {"handling": [three[0].pk], "assignee": officer.pk, "next": "//evil.example/?x=1"},
    )
    assert response["Location"].startswith("/console/?")
