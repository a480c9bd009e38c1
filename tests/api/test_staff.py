"""Staff endpoints: inbox, complaint detail, transitions, notes, assignment, identity rules, authentication."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import IDENTITY_STRINGS, REPORTER, Api, dispose, open_handling
from tuntas.api.models import ApiToken
from tuntas.api.tokens import token_authenticate, token_create, token_revoke
from tuntas.complaints.models import Event


def _leaks(response) -> list[str]:
    text = response.content.decode()
    return [s for s in IDENTITY_STRINGS if s in text]


# --- inbox ---------------------------------------------------------------------------------------------------
def test_inbox_lists_only_the_callers_organisations(directory, api_as, file_complaint):
    filed = file_complaint()

    coordinator = api_as(directory.koordinator).get("/handlings")
    opd = api_as(directory.petugas_pupr).get("/handlings")

    assert coordinator.status_code == 200
    item = coordinator.json()["items"][0]
    assert item["complaint_id"] == filed.id
    assert item["tracking_code"] == filed.code
    assert item["category"] == {"slug": "jalan", "name": "Jalan dan jembatan"}
    assert item["region"] == {"code": "63.02.06.2005", "name": "Sigam"}
    assert item["organisation"]["slug"] == "koordinator-kotabaru"
    assert item["state_label"] == "Menunggu verifikasi"
    assert item["overdue"] is False
    assert item["assignee"] is None
    assert opd.json() == {"count": 0, "limit": 25, "offset": 0, "items": []}


def test_inbox_filters_and_paginates(directory, api_as, file_complaint):
    codes = [file_complaint(title=f"Jalan rusak nomor {i}").code for i in range(3)]
    coordinator = api_as(directory.koordinator)

    page = coordinator.get("/handlings", {"limit": 2, "offset": 0, "sort": "opened"}).json()
    rest = coordinator.get("/handlings", {"limit": 2, "offset": 2, "sort": "opened"}).json()
    found = coordinator.get("/handlings", {"q": codes[1]}).json()
    closed = coordinator.get("/handlings", {"status": "closed"}).json()
    capped = coordinator.get("/handlings", {"limit": 500}).json()

    assert page["count"] == 3 and [i["tracking_code"] for i in page["items"]] == codes[:2]
    assert [i["tracking_code"] for i in rest["items"]] == codes[2:]
    assert [i["tracking_code"] for i in found["items"]] == [codes[1]]
    assert closed["count"] == 0
    assert capped["limit"] == 100


def test_inbox_query_count_does_not_grow_with_rows(directory, api_as, file_complaint):
    coordinator = api_as(directory.koordinator)
    file_complaint()
    coordinator.get("/handlings")  # token last_used_at is written on first use
    with CaptureQueriesContext(connection) as one:
        coordinator.get("/handlings")
    for _ in range(3):
        file_complaint()
    with CaptureQueriesContext(connection) as four:
        r = coordinator.get("/handlings")

    assert r.json()["count"] == 4
    assert len(four) == len(one)


# --- detail --------------------------------------------------------------------------------------------------
def test_detail_lists_handlings_with_the_callers_transitions(directory, api_as, file_complaint):
    filed = file_complaint()

    r = api_as(directory.koordinator).get(f"/complaints/{filed.id}")

    assert r.status_code == 200
    data = r.json()
    assert data["tracking_code"] == filed.code
    assert data["channel"] == "api"
    assert [a["name"] for a in data["attachments"]] == ["lubang.png"]
    (handling,) = data["handlings"]
    transitions = {t["name"]: t for t in handling["transitions"]}
    assert set(transitions) == {"verifikasi", "tunda", "bukan_wewenang", "arsipkan"}
    target = next(f for f in transitions["verifikasi"]["fields"] if f["name"] == "target")
    assert target["type"] == "organisation" and target["required"] is True
    assert "opd" in target["kinds"]
    reason = transitions["arsipkan"]["fields"][0]
    assert {c["value"] for c in reason["choices"]} == {"tidak_dapat_ditindaklanjuti", "duplikat", "spam"}
    assert [e["kind"] for e in data["timeline"]] == ["submitted", "handling_opened"]


def test_viewer_sees_no_transitions(directory, api_as, file_complaint):
    filed = file_complaint()

    r = api_as(directory.viewer).get(f"/complaints/{filed.id}")

    assert r.status_code == 200
    assert r.json()["handlings"][0]["transitions"] == []


def test_complaint_of_another_organisation_is_not_found(directory, api_as, file_complaint):
    filed = file_complaint()
    disdik = api_as(directory.petugas_disdik)

    assert disdik.get(f"/complaints/{filed.id}").status_code == 404
    handling = open_handling(api_as(directory.koordinator), filed.id, "koordinator-kotabaru")
    r = disdik.post(f"/handlings/{handling['id']}/comments", {"text": "Halo"})
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"
    r = disdik.post(f"/handlings/{handling['id']}/transitions", {"transition": "tunda", "data": {}})
    assert r.status_code == 404


# --- writes --------------------------------------------------------------------------------------------------
def test_transition_returns_updated_handling_and_bumps_version(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")

    r = coordinator.post(
        f"/handlings/{h['id']}/transitions",
        {
            "transition": "tunda",
            "data": {"kekurangan": "Lokasi persisnya di mana?"},
            "expected_version": h["version"],
        },
    )

    assert r.status_code == 200, r.content
    data = r.json()
    assert data["state"] == "ditunda"
    assert data["version"] > h["version"]
    assert {t["name"] for t in data["transitions"]} == {"verifikasi", "bukan_wewenang", "arsipkan"}


def test_disposition_opens_a_handling_at_the_target(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)

    dispose(coordinator, filed.id, target=str(directory.pupr.pk))

    h = open_handling(api_as(directory.petugas_pupr), filed.id, "dinas-pupr")
    assert h["state"] == "diterima"
    assert h["due_date"]


def test_comment_to_reporter_and_internal_note(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")

    note = coordinator.post(f"/handlings/{h['id']}/comments", {"text": "Cek ke lapangan."})
    reply = coordinator.post(f"/handlings/{h['id']}/comments", {"text": "Terima kasih.", "to_reporter": True})

    assert note.status_code == 201 and reply.status_code == 201
    assert note.json()["kind"] == "commented" and note.json()["visibility"] == "internal"
    assert reply.json()["kind"] == "replied" and reply.json()["visibility"] == "reporter"
    assert note.json()["actor"]["id"] == directory.koordinator.pk


def test_assign_and_unassign(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    dispose(coordinator, filed.id)
    kadis = api_as(directory.kadis_pupr)
    h = open_handling(kadis, filed.id, "dinas-pupr")

    r = kadis.post(f"/handlings/{h['id']}/assign", {"assignee_id": directory.petugas_pupr.pk})
    assert r.status_code == 200, r.content
    assert r.json()["assignee"]["id"] == directory.petugas_pupr.pk
    mine = api_as(directory.petugas_pupr).get("/handlings", {"assignee": "me"}).json()
    assert [i["id"] for i in mine["items"]] == [h["id"]]

    r = kadis.post(f"/handlings/{h['id']}/assign", {"assignee_id": None})
    assert r.status_code == 200
    assert r.json()["assignee"] is None


# --- identity ------------------------------------------------------------------------------------------------
def test_confidential_identity_never_reaches_the_terlapor(directory, api_as, file_complaint):
    filed = file_complaint(privacy="confidential")
    dispose(api_as(directory.koordinator), filed.id)
    for user in (directory.petugas_pupr, directory.kadis_pupr):
        opd = api_as(user)
        h = open_handling(opd, filed.id, "dinas-pupr")
        responses = [
            opd.get("/handlings"),
            opd.get("/handlings", {"q": "Siti"}),
            opd.get(f"/complaints/{filed.id}"),
            opd.post(f"/handlings/{h['id']}/comments", {"text": "Kami cek."}),
        ]
        if user == directory.petugas_pupr:
            responses.append(opd.post(f"/handlings/{h['id']}/assign", {"assignee_id": user.pk}))
            responses.append(
                opd.post(f"/handlings/{h['id']}/transitions", {"transition": "proses", "data": {}})
            )
        identity = opd.get(f"/complaints/{filed.id}/identity")

        assert all(r.status_code in (200, 201) for r in responses), [r.content for r in responses]
        assert [_leaks(r) for r in responses] == [[]] * len(responses)
        detail = opd.get(f"/complaints/{filed.id}").json()
        assert detail["reporter"] is None and detail["identity_available"] is False
        assert identity.status_code == 403
        assert identity.json()["code"] == "not_permitted"
        assert _leaks(identity) == []


def test_confidential_identity_is_opened_separately_and_logged(directory, api_as, file_complaint):
    filed = file_complaint(privacy="confidential")
    coordinator = api_as(directory.koordinator)

    detail = coordinator.get(f"/complaints/{filed.id}").json()
    assert detail["reporter"] is None
    assert detail["identity_available"] is True
    assert not Event.objects.filter(complaint_id=filed.id, kind=Event.Kind.IDENTITY_VIEWED).exists()

    r = coordinator.get(f"/complaints/{filed.id}/identity")

    assert r.status_code == 200
    assert r.json()["reporter"] == REPORTER
    viewed = Event.objects.get(complaint_id=filed.id, kind=Event.Kind.IDENTITY_VIEWED)
    assert viewed.actor == directory.koordinator
    timeline = coordinator.get(f"/complaints/{filed.id}").json()["timeline"]
    assert "identity_viewed" in [e["kind"] for e in timeline]


def test_public_identity_is_inline_for_handlers(directory, api_as, file_complaint):
    filed = file_complaint(privacy="public")
    coordinator = api_as(directory.koordinator)

    detail = coordinator.get(f"/complaints/{filed.id}").json()

    assert detail["reporter"] == REPORTER
    assert detail["identity_available"] is False
    assert api_as(directory.viewer).get(f"/complaints/{filed.id}").json()["reporter"] is None


def test_anonymous_identity_reaches_no_one(directory, public_api, api_as, file_complaint):
    filed = file_complaint(privacy="anonymous")
    coordinator = api_as(directory.koordinator)
    dispose(coordinator, filed.id)
    for user in (directory.koordinator, directory.petugas_pupr):
        api = api_as(user)
        detail = api.get(f"/complaints/{filed.id}")
        identity = api.get(f"/complaints/{filed.id}/identity")

        assert detail.json()["reporter"] is None
        assert detail.json()["identity_available"] is False
        assert identity.status_code == 403
        assert _leaks(detail) == [] and _leaks(identity) == [] and _leaks(api.get("/handlings")) == []
    assert _leaks(public_api.post("/track", filed.keys)) == []


# --- authentication ------------------------------------------------------------------------------------------
def test_token_marks_last_used(directory):
    new = token_create(user=directory.koordinator, name="integrasi")
    assert new.token.last_used_at is None
    assert new.raw.startswith(f"tok_{new.token.prefix}_")
    assert new.raw not in new.token.key_hash

    assert Api(new.raw).get("/handlings").status_code == 200

    new.token.refresh_from_db()
    assert new.token.last_used_at is not None


def test_revoked_token_is_refused(directory):
    new = token_create(user=directory.koordinator, name="lama")
    token_revoke(token=new.token)

    r = Api(new.raw).get("/handlings")

    assert r.status_code == 401
    assert r.json()["code"] == "unauthenticated"


def test_token_of_inactive_user_is_refused(directory):
    new = token_create(user=directory.koordinator, name="x")
    directory.koordinator.is_active = False
    directory.koordinator.save()

    assert token_authenticate(new.raw) is None
    assert Api(new.raw).get("/handlings").status_code == 401


def test_create_api_token_command_prints_a_working_token(directory):
    out = io.StringIO()

    call_command("create_api_token", "koordinator", "Sinkron SP4N-LAPOR!", stdout=out, stderr=io.StringIO())

    raw = out.getvalue().strip()
    token = ApiToken.objects.get(name="Sinkron SP4N-LAPOR!")
    assert token.user == directory.koordinator
    assert raw.startswith(f"tok_{token.prefix}_")
    assert Api(raw).get("/handlings").status_code == 200


def test_console_session_works_with_csrf(directory, file_complaint):
    filed = file_complaint()
    client = Client(enforce_csrf_checks=True)
    client.force_login(directory.koordinator)
    client.get("/api/v1/docs")  # sets the CSRF cookie, like the console's pages do
    h = open_handling(Api(client=client), filed.id, "koordinator-kotabaru")
    url = f"/api/v1/handlings/{h['id']}/comments"
    body = json.dumps({"text": "Dari konsol."})

    without = client.post(url, body, content_type="application/json")
    with_token = client.post(
        url, body, content_type="application/json", headers={"X-CSRFToken": client.cookies["csrftoken"].value}
    )

    assert without.status_code == 403
    assert without.json()["code"] == "not_permitted"
    assert with_token.status_code == 201, with_token.content


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer tok_nope_nope", "Token abc", "Bearer tok_0000000_x", "Basic a29vcmRpbmF0b3I6eA=="],
)
def test_bad_credentials_are_401_even_with_csrf_enforced(directory, header):
    client = Client(enforce_csrf_checks=True)
    headers = {"Authorization": header} if header else {}

    r = client.post(
        "/api/v1/handlings/1/comments", {"text": "x"}, content_type="application/json", headers=headers
    )

    assert r.status_code == 401
    assert r.json()["code"] == "unauthenticated"


def test_admin_issues_a_token_shown_once_and_stores_only_its_hash(directory):
    from django.contrib.messages import get_messages

    from tests.factories import UserFactory
    from tuntas.api.tokens import token_hash

    admin_user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin_user)

    r = client.post(
        "/admin/api/apitoken/add/", {"user": directory.koordinator.pk, "name": "Dasbor Bupati"}, follow=True
    )

    assert r.status_code == 200
    (message,) = [str(m) for m in get_messages(r.wsgi_request) if "tok_" in str(m)]
    raw = message.rsplit(" ", 1)[-1]
    token = ApiToken.objects.get(name="Dasbor Bupati")
    assert token.key_hash == token_hash(raw) and raw not in token.key_hash
    assert Api(raw).get("/handlings").status_code == 200
    change = client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert raw not in change
