"""Citizen endpoints and the whole journey through the API, submit to rating."""

from __future__ import annotations

import datetime as dt

from tests.api.conftest import complaint_body, dispose, open_handling
from tuntas.complaints.models import Complaint


def test_submit_returns_code_secret_and_next_step(directory, public_api):
    r = public_api.post("/complaints", complaint_body())

    assert r.status_code == 201, r.content
    data = r.json()
    assert data["tracking_code"].startswith("KTB-")
    assert len(data["secret"]) == 12
    assert data["status"] == "open"
    assert data["status_label"] == "Sedang diverifikasi"
    assert data["due_date"]
    due = dt.date.fromisoformat(data["due_date"])
    months = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ]
    assert f"{due.day} {months[due.month - 1]} {due.year}" in data["next_step"]
    complaint = Complaint.objects.get(tracking_code=data["tracking_code"])
    assert complaint.channel == Complaint.Channel.API
    assert complaint.attachments.count() == 1


def test_whole_journey_through_the_api(directory, public_api, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    opd = api_as(directory.petugas_pupr)

    tracked = public_api.post("/track", filed.keys)
    assert tracked.status_code == 200, tracked.content
    assert tracked.json()["status_label"] == "Sedang diverifikasi"

    inbox = coordinator.get("/handlings").json()
    assert [i["tracking_code"] for i in inbox["items"]] == [filed.code]
    assert inbox["items"][0]["state"] == "menunggu_verifikasi"

    disposed = dispose(coordinator, filed.id)
    assert disposed["state"] == "didisposisikan"
    assert disposed["is_open"] is False
    assert disposed["transitions"] == []

    handling = open_handling(opd, filed.id, "dinas-pupr")
    assert handling["state"] == "diterima"
    assert handling["instruction"] == "Mohon ditindaklanjuti."
    assert "jawab" in [t["name"] for t in handling["transitions"]]
    answered = opd.post(
        f"/handlings/{handling['id']}/transitions",
        {
            "transition": "jawab",
            "data": {"jawaban": "Lubang sudah ditambal oleh tim pemeliharaan pada hari Senin."},
            "expected_version": handling["version"],
        },
    )
    assert answered.status_code == 200, answered.content
    assert answered.json()["state"] == "dijawab"

    tracked = public_api.post("/track", filed.keys).json()
    assert tracked["status_label"] == "Sudah dijawab"
    assert tracked["can_accept"] is True
    assert any("ditambal" in e["message"] for e in tracked["timeline"])

    accepted = public_api.post("/track/reply", {**filed.keys, "message": "Terima kasih.", "accept": True})
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["status"] == "closed"
    assert accepted.json()["can_rate"] is True
    assert accepted.json()["status_label"].startswith("Selesai")

    rated = public_api.post("/track/rate", {**filed.keys, "rating": 5, "comment": "Cepat sekali."})
    assert rated.status_code == 200, rated.content
    assert rated.json()["rating"] == 5
    assert rated.json()["can_rate"] is False
    complaint = Complaint.objects.get(pk=filed.id)
    assert (complaint.status, complaint.closure_reason) == (Complaint.Status.CLOSED, "selesai")
    staff_view = opd.get(f"/complaints/{filed.id}").json()
    assert staff_view["status"] == "closed" and staff_view["rating"] == 5
    assert all(h["transitions"] == [] for h in staff_view["handlings"])


def test_track_shows_reporter_view_without_internal_events(directory, public_api, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")
    coordinator.post(f"/handlings/{h['id']}/comments", {"text": "Catatan internal: cek lokasi dulu."})
    coordinator.post(
        f"/handlings/{h['id']}/comments", {"text": "Kami sedang memeriksa.", "to_reporter": True}
    )

    r = public_api.post("/track", filed.keys)

    assert r.status_code == 200
    data = r.json()
    assert data["code"] == filed.code
    assert data["title"] == "Jalan desa berlubang dalam"
    assert data["category"] == "Jalan dan jembatan"
    assert data["privacy"] == "confidential"
    assert data["organisation"] == directory.coordinator.name
    assert data["can_withdraw"] is True and data["can_accept"] is False
    assert data["attachments"] == [
        {"name": "lubang.png", "size": data["attachments"][0]["size"], "content_type": "image/png"}
    ]
    messages = [e["message"] for e in data["timeline"]]
    assert "Kami sedang memeriksa." in messages
    assert not any("Catatan internal" in m for m in messages)
    assert {"submitted", "handling_opened", "replied"} <= {e["kind"] for e in data["timeline"]}
    opened = next(e for e in data["timeline"] if e["kind"] == "handling_opened")
    assert opened["state_label"] == "Sedang diverifikasi"


def test_track_accepts_code_without_dashes_and_lowercase(directory, public_api, file_complaint):
    filed = file_complaint()

    r = public_api.post(
        "/track", {"tracking_code": filed.code.replace("-", "").lower(), "secret": filed.secret}
    )

    assert r.status_code == 200


def test_reporter_answers_clarification_request(directory, public_api, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")
    r = coordinator.post(
        f"/handlings/{h['id']}/transitions",
        {"transition": "tunda", "data": {"kekurangan": "Di RT berapa lokasinya?"}},
    )
    assert r.status_code == 200, r.content
    assert (
        public_api.post("/track", filed.keys).json()["status_label"] == "Perlu informasi tambahan dari Anda"
    )

    r = public_api.post("/track/reply", {**filed.keys, "message": "RT 03, depan masjid."})

    assert r.status_code == 200, r.content
    assert r.json()["status_label"] == "Sedang diverifikasi"
    assert open_handling(coordinator, filed.id, "koordinator-kotabaru")["state"] == "menunggu_verifikasi"


def test_reporter_reply_with_attachment(directory, public_api, file_complaint):
    from tests.api.conftest import png_base64

    filed = file_complaint(attachments=[])

    r = public_api.post(
        "/track/reply",
        {
            **filed.keys,
            "message": "Foto tambahan.",
            "attachments": [{"name": "foto2.png", "content_base64": png_base64()}],
        },
    )

    assert r.status_code == 200, r.content
    assert [a["name"] for a in r.json()["attachments"]] == ["foto2.png"]


def test_withdraw_closes_everything(directory, public_api, file_complaint):
    filed = file_complaint()

    r = public_api.post("/track/withdraw", {**filed.keys, "reason": "Sudah diperbaiki warga."})

    assert r.status_code == 200, r.content
    assert r.json()["status"] == "withdrawn"
    assert r.json()["can_withdraw"] is False
    assert not Complaint.objects.get(pk=filed.id).handlings.filter(is_open=True).exists()


def test_categories_lists_active_categories(directory, public_api):
    r = public_api.get("/categories")

    assert r.status_code == 200
    assert {c["slug"] for c in r.json()} == {"jalan", "air-bersih"}


def test_regions_lists_children_of_a_region(directory, public_api):
    r = public_api.get("/regions", {"parent": "63.02"})

    assert r.status_code == 200
    assert [(x["code"], x["name"]) for x in r.json()] == [
        ("63.02.06", "Pulaulaut Utara"),
        ("63.02.07", "Kelumpang Selatan"),
    ]
    assert [x["code"] for x in public_api.get("/regions").json()] == ["63"]


def test_organisations_directory_filters_by_kind(directory, public_api):
    r = public_api.get("/organisations", {"kind": "opd"})

    assert r.status_code == 200
    assert sorted(r.json(), key=lambda o: o["slug"]) == [
        {
            "id": directory.disdik.pk,
            "slug": "dinas-pendidikan",
            "name": "Dinas Pendidikan",
            "kind": "opd",
            "accepts_complaints": False,
        },
        {
            "id": directory.pupr.pk,
            "slug": "dinas-pupr",
            "name": "Dinas PUPR",
            "kind": "opd",
            "accepts_complaints": True,
        },
    ]
    assert {o["slug"] for o in public_api.get("/organisations", {"accepts_complaints": "true"}).json()} == {
        "koordinator-kotabaru",
        "dinas-pupr",
    }


def test_submit_directly_to_a_unit_that_takes_complaints(directory, public_api, api_as):
    r = public_api.post("/complaints", complaint_body(intake_organisation="dinas-pupr"))

    assert r.status_code == 201, r.content
    inbox = api_as(directory.petugas_pupr).get("/handlings").json()
    assert [i["tracking_code"] for i in inbox["items"]] == [r.json()["tracking_code"]]


def test_english_labels_when_asked(directory, public_api, file_complaint):
    filed = file_complaint()

    r = public_api.client.post(
        "/api/v1/track", filed.keys, content_type="application/json", headers={"Accept-Language": "en"}
    )

    assert r.json()["status_label"] == "Being verified"


def test_track_offers_escalation_once_an_answer_awaits_the_reporter(
    directory, public_api, api_as, file_complaint
):
    filed = file_complaint()
    before = public_api.post("/track", filed.keys).json()
    assert before["can_escalate"] is False and before["escalate_to"] == ""
    coordinator, opd = api_as(directory.koordinator), api_as(directory.petugas_pupr)
    dispose(coordinator, filed.id)
    handling = open_handling(opd, filed.id, "dinas-pupr")
    opd.post(
        f"/handlings/{handling['id']}/transitions",
        {"transition": "jawab", "data": {"jawaban": "Sudah kami tinjau."}, "expected_version": 1},
    )

    answered = public_api.post("/track", filed.keys).json()
    assert answered["can_escalate"] is True
    assert answered["escalate_to"] == directory.inspektorat.name
    assert answered["escalate_kind"] == "inspektorat"
    assert [h["organisation"] for h in answered["handlings"]] == [directory.pupr.name]
    assert answered["handlings"][0]["waiting_for_reporter"] is True

    escalated = public_api.post("/track/escalate", {**filed.keys, "reason": "Lubangnya belum ditambal."})
    assert escalated.status_code == 200, escalated.content
    data = escalated.json()
    assert data["can_escalate"] is False
    assert directory.inspektorat.name in [h["organisation"] for h in data["handlings"]]


def test_each_reporter_request_checks_the_secret_once(
    directory, public_api, api_as, file_complaint, monkeypatch
):
    """The secret's PBKDF2 is deliberately slow (~11 ms): a request pays it once, not once per lookup."""
    from tuntas.core import codes

    checks = []
    real = codes.secret_matches
    monkeypatch.setattr(codes, "secret_matches", lambda *a: checks.append(1) or real(*a))
    filed = file_complaint()
    coordinator, opd = api_as(directory.koordinator), api_as(directory.petugas_pupr)
    dispose(coordinator, filed.id)
    handling = open_handling(opd, filed.id, "dinas-pupr")
    opd.post(
        f"/handlings/{handling['id']}/transitions",
        {"transition": "jawab", "data": {"jawaban": "Sudah kami tinjau."}, "expected_version": 1},
    )
    for path, extra in [
        ("/track", {}),
        ("/track/escalate", {"reason": "Lubangnya belum ditambal."}),
        ("/track/reply", {"message": "Foto terbaru menyusul."}),
    ]:
        checks.clear()
        r = public_api.post(path, {**filed.keys, **extra})
        assert r.status_code == 200, (path, r.content)
        assert len(checks) == 1, path
