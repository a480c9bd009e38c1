"""The staff API for requests (``tuntas.api.clarifications``). Skipped until the router is mounted in
``api/api.py`` (the lead adds ``api.add_router("", clarifications.router)``)."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from tests.api.conftest import Api
from tests.clarifications.conftest import IDENTITY_MARKERS
from tuntas.api.tokens import token_create
from tuntas.clarifications.models import InfoRequest


@pytest.fixture(autouse=True)
def _mounted():
    try:
        reverse("api:clarification_list")
    except NoReverseMatch:
        pytest.skip("tuntas.api.clarifications is not mounted in api/api.py yet")


def api_as(user) -> Api:  # noqa: ANN001
    return Api(token_create(user=user, name=f"test {user.username}").raw)


def test_whole_exchange_through_the_api(people, complaint):
    omb, focal, pupr = api_as(people.asisten), api_as(people.focal), api_as(people.petugas_pupr)
    sent = omb.post(
        "/clarifications",
        {
            "complaint_id": complaint.pk,
            "receiver_id": people.pemkab.pk,
            "subject": "Klarifikasi",
            "question": "Mohon.",
        },
    )
    assert sent.status_code == 201, sent.content
    rid = sent.json()["id"]
    routed = focal.post(f"/clarifications/{rid}/route", {"organisation_ids": [people.pupr.pk]})
    routing_id = routed.json()["routings"][0]["id"]
    assert pupr.post(f"/clarifications/routings/{routing_id}/answer", {"text": "Sudah."}).status_code == 200
    assert focal.post(f"/clarifications/{rid}/reply", {"text": "Jawaban Pemkab."}).status_code == 200
    done = omb.post(f"/clarifications/{rid}/accept", {"text": "Cukup."})
    assert done.json()["status"] == InfoRequest.Status.ACCEPTED
    assert done.json()["routings"][0]["answer"] == ""  # the unit's own words stay with the Pemkab


def test_outsider_gets_404(send, people):
    request = send()
    assert api_as(people.petugas_disdik).get(f"/clarifications/{request.pk}").status_code == 404


def test_unit_payload_has_no_identity(routed, people):
    request, _row = routed
    body = api_as(people.petugas_pupr).get(f"/clarifications/{request.pk}").content.decode()
    for marker in IDENTITY_MARKERS:
        assert marker not in body


def test_overdue_list(send, people, frozen):
    import datetime as dt

    request = send(days=2)
    frozen(dt.timedelta(days=10))
    rows = api_as(people.asisten).get("/clarifications", {"box": "outgoing", "due": "overdue"}).json()
    assert [r["id"] for r in rows] == [request.pk] and rows[0]["flag"] == "overdue"


def test_wrong_side_is_403(send, people):
    request = send()
    response = api_as(people.asisten).post(
        f"/clarifications/{request.pk}/route", {"organisation_ids": [people.pupr.pk]}
    )
    assert response.status_code == 403
