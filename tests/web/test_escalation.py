"""Escalation and transfers over HTTP: the "Ajukan ke Inspektorat / Ombudsman" form on the tracking page,
POST /api/v1/track/escalate, and the console's "Pratinjau" of what a receiving unit will see."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.web.conftest import IDENTITY_STRINGS, REPORTER
from tuntas.complaints import services
from tuntas.complaints.models import Complaint, Handling

pytestmark = pytest.mark.django_db

REASON = "Lubang di depan sekolah belum ditambal."


def page_of(client: Client, code: str) -> str:
    return client.get(f"/lacak/{code}/").content.decode()


def act(directory, complaint: Complaint, org, user, transition: str, **data: object) -> None:  # noqa: ANN001
    h = complaint.handlings.get(organisation=org, is_open=True)
    services.handling_transition(
        actor=services.Actor(user=user), handling_id=h.pk, transition=transition, data=data
    )


def settle_at_inspektorat(directory, complaint: Complaint) -> None:  # noqa: ANN001
    d = directory
    act(
        d,
        complaint,
        d.inspektorat,
        d.auditor,
        "ajukan_telaahan",
        telaahan="Klarifikasi.",
        saran="klarifikasi",
    )
    act(d, complaint, d.inspektorat, d.inspektur, "klarifikasi")
    act(
        d,
        complaint,
        d.inspektorat,
        d.auditor,
        "selesai_klarifikasi",
        hasil_klarifikasi="Ditambal.",
        jawaban="Sudah ditambal.",
    )


# --- portal -------------------------------------------------------------------------------------------------


def test_no_escalation_form_before_an_answer(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    assert "Ajukan ke Inspektorat" not in page_of(reporter, filed.code)


def test_answer_awaiting_the_reporter_offers_the_inspektorat(reporter, filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    page = page_of(reporter, filed.code)
    assert "Ajukan ke Inspektorat" in page and directory.inspektorat.name in page
    assert f'action="/lacak/{filed.code}/ajukan/"' in page


def test_reporter_escalates_from_the_tracking_page(reporter, filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    response = reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": REASON}, follow=True)
    page = response.content.decode()
    assert f"Pengaduan Anda sudah diajukan ke {directory.inspektorat.name}" in page
    assert "Sedang ditelaah Inspektorat" in page
    assert REASON in page  # their own request, in their timeline
    up = Handling.objects.get(complaint=filed.complaint, organisation=directory.inspektorat)
    assert up.instruction == REASON


def test_escalation_without_a_reason_is_refused_with_a_message(reporter, filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    response = reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": "  "})
    assert response.status_code == 302 and response["Location"].endswith("#eskalasi")
    assert "Tulis alasan Anda meminta pemeriksaan." in page_of(reporter, filed.code)
    assert not Handling.objects.filter(organisation=directory.inspektorat).exists()


def test_escalation_when_not_possible_says_why(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    response = reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": REASON}, follow=True)
    assert "tidak dapat diajukan ke lembaga pengawas" in response.content.decode()


def test_escalation_needs_the_proof(client, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    response = client.post(f"/lacak/{filed.code}/ajukan/", {"reason": REASON})
    assert response.status_code == 302 and response["Location"].startswith("/lacak/?")
    assert filed.complaint.handlings.count() == 2


def test_after_the_inspektorat_the_page_offers_the_ombudsman(reporter, filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": REASON})
    settle_at_inspektorat(directory, filed.complaint)
    page = page_of(reporter, filed.code)
    assert "Ajukan ke Ombudsman" in page and "Dapat diajukan sampai" in page
    reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": "Belum beres juga."})
    assert Handling.objects.get(complaint=filed.complaint, organisation=directory.ombudsman).is_open


def test_page_lists_both_bodies_handling_it_at_once(reporter, filed, staff, directory):
    d = directory
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": REASON})
    act(d, filed.complaint, d.inspektorat, d.auditor, "ajukan_telaahan", telaahan="Ke unit.", saran="limpah")
    act(d, filed.complaint, d.inspektorat, d.inspektur, "limpah", target=d.pupr.pk)
    staff.answer(filed.complaint, "Sisa lubang sudah ditambal.")
    reporter.post(f"/lacak/{filed.code}/ajukan/", {"reason": "Masih berlubang."})
    page = page_of(reporter, filed.code)
    assert "Sedang ditangani oleh" in page
    assert f"<strong>{d.pupr.name}</strong>: Sudah dijawab" in page
    assert f"<strong>{d.ombudsman.name}</strong>: Laporan diterima Ombudsman" in page


# --- API ----------------------------------------------------------------------------------------------------


def post(path: str, body: dict):  # noqa: ANN201
    return Client().post(f"/api/v1{path}", json.dumps(body), content_type="application/json")


def test_api_escalates_and_returns_the_tracking_view(filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    r = post("/track/escalate", {"tracking_code": filed.code, "secret": filed.secret, "reason": REASON})
    assert r.status_code == 200, r.content
    assert r.json()["organisation"] == directory.inspektorat.name
    assert r.json()["status"] == "open"


def test_api_escalation_reopens_a_closed_complaint(filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    staff.close(filed.complaint)
    assert post("/track", {"tracking_code": filed.code, "secret": filed.secret}).json()["status"] == "closed"
    r = post("/track/escalate", {"tracking_code": filed.code, "secret": filed.secret, "reason": REASON})
    assert r.status_code == 200 and r.json()["status"] == "open"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"reason": REASON}, 409),  # no answer awaits the reporter yet
        ({"reason": ""}, 422),
        ({"reason": REASON, "secret": "AAAA-AAAA-AA"}, 404),
    ],
)
def test_api_escalation_errors(filed, staff, body, status):
    staff.dispose_to_pupr(filed.complaint)
    r = post("/track/escalate", {"tracking_code": filed.code, "secret": filed.secret, **body})
    assert r.status_code == status, r.content


# --- console: Pratinjau -------------------------------------------------------------------------------------


def login(user) -> Client:  # noqa: ANN001
    client = Client()
    response = client.post("/console/masuk/", {"username": user.username, "password": "rahasia-uji-123"})
    assert response.status_code == 302
    return client


def preview_url(complaint: Complaint, org, transition: str) -> str:  # noqa: ANN001
    h = complaint.handlings.get(organisation=org, is_open=True)
    return f"/console/penanganan/{h.pk}/pratinjau/{transition}/"


def test_preview_first_asks_for_the_receiving_unit(filed, directory):
    page = login(directory.koordinator).get(preview_url(filed.complaint, directory.coordinator, "verifikasi"))
    text = page.content.decode()
    assert page.status_code == 200
    assert "1. Pilih unit tujuan" in text and 'method="get"' in text
    assert "Yang akan dilihat" not in text


def test_preview_for_the_terlapor_warns_that_the_identity_is_hidden(filed, directory):
    url = preview_url(filed.complaint, directory.coordinator, "verifikasi")
    text = login(directory.koordinator).get(url, {"target": directory.pupr.pk}).content.decode()
    assert f"Yang akan dilihat {directory.pupr.name}" in text
    assert "unit ini adalah pihak yang diadukan" in text
    assert filed.complaint.title in text
    assert not [s for s in IDENTITY_STRINGS if s in text]


def test_preview_for_the_inspektorat_names_what_it_will_see(filed, directory):
    url = preview_url(filed.complaint, directory.coordinator, "verifikasi")
    text = login(directory.koordinator).get(url, {"target": directory.inspektorat.pk}).content.decode()
    assert "Terlihat" in text and "nama, email, telepon, NIK, alamat" in text
    assert REPORTER["name"] not in text  # labels only: the preview is not a way to read the identity


def test_confirming_the_preview_disposes(filed, directory):
    coordinator = login(directory.koordinator)
    url = preview_url(filed.complaint, directory.coordinator, "verifikasi")
    text = coordinator.get(url, {"target": directory.disdik.pk}).content.decode()
    h = filed.complaint.handlings.get(organisation=directory.coordinator)
    prefix = f"h{h.pk}-verifikasi"
    assert f'action="/console/penanganan/{h.pk}/aksi/verifikasi/"' in text
    assert f'name="{prefix}-target" value="{directory.disdik.pk}"' in text
    response = coordinator.post(
        f"/console/penanganan/{h.pk}/aksi/verifikasi/",
        {f"{prefix}-expected_version": h.version, f"{prefix}-target": directory.disdik.pk},
    )
    assert response.status_code == 302
    assert Handling.objects.get(complaint=filed.complaint, organisation=directory.disdik).parent_id == h.pk


def test_preview_of_a_return_shows_the_sender(filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    url = preview_url(filed.complaint, directory.pupr, "kembalikan")
    text = login(directory.petugas_pupr).get(url).content.decode()
    assert f"Yang akan dilihat {directory.coordinator.name}" in text
    assert "Alasan dikembalikan" in text


def test_unknown_target_shows_no_preview(filed, directory):
    url = preview_url(filed.complaint, directory.coordinator, "verifikasi")
    text = login(directory.koordinator).get(url, {"target": directory.ombudsman.pk}).content.decode()
    assert "Yang akan dilihat" not in text


@pytest.mark.parametrize("transition", ["tunda", "hapus"])
def test_preview_exists_only_for_moves(filed, directory, transition):
    url = preview_url(filed.complaint, directory.coordinator, transition)
    assert login(directory.koordinator).get(url).status_code == 404


def test_preview_of_another_units_handling_is_not_found(filed, directory):
    url = preview_url(filed.complaint, directory.coordinator, "verifikasi")
    assert login(directory.petugas_disdik).get(url, {"target": directory.pupr.pk}).status_code == 404


def test_preview_of_a_move_not_open_to_the_user_goes_back(filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    url = preview_url(filed.complaint, directory.pupr, "eskalasi")  # pimpinan only
    response = login(directory.petugas_pupr).get(url)
    assert response.status_code == 302 and response["Location"].endswith(f"/pengaduan/{filed.complaint.pk}/")
