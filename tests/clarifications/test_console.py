"""The console pages: list tabs, the create page with its preview, the thread and its actions, files."""

from __future__ import annotations

import pytest

from tests.clarifications.conftest import pdf_with_author, signed_in
from tuntas.clarifications import services
from tuntas.clarifications.models import Document, InfoRequest


def test_complaint_page_offers_minta_klarifikasi_to_the_handler(people, complaint):
    html = signed_in(people.asisten).get(f"/console/pengaduan/{complaint.pk}/").content.decode()
    assert "Minta klarifikasi ke instansi lain" in html
    assert f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/" in html


def test_complaint_page_lists_its_requests(send, people, complaint):
    request = send()
    html = signed_in(people.asisten).get(f"/console/pengaduan/{complaint.pk}/").content.decode()
    assert f"/console/klarifikasi/{request.pk}/" in html


def test_create_page_shows_the_preview_before_the_form(people, complaint):
    c = signed_in(people.asisten)
    first = c.get(f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/").content.decode()
    assert "Kirim permintaan" not in first
    page = c.get(f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/?receiver={people.pupr.pk}")
    html = page.content.decode()
    assert "pihak yang diadukan" in html and "Kirim permintaan" in html
    assert "Siti Aminah" not in html


def test_create_posts_the_request(people, complaint):
    c = signed_in(people.asisten)
    response = c.post(
        f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/",
        {
            "receiver": people.pemkab.pk,
            "sender_organisation": people.ombudsman.pk,
            "kind": "dokumen",
            "subject": "Dokumen kontrak",
            "question": "Mohon kontrak perbaikan jalan.",
            "days": "7",
        },
    )
    request = InfoRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/console/klarifikasi/{request.pk}/"
    assert (request.kind_id, request.days) == ("dokumen", 7)


def test_create_with_a_bad_file_shows_the_error(people, complaint):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = signed_in(people.asisten)
    response = c.post(
        f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/",
        {
            "receiver": people.pemkab.pk,
            "sender_organisation": people.ombudsman.pk,
            "kind": "klarifikasi",
            "subject": "x",
            "question": "y",
            "files": SimpleUploadedFile("surat.pdf", b"bukan pdf"),
        },
    )
    assert response.status_code == 400
    assert "bukan gambar" in response.content.decode()
    assert not InfoRequest.objects.exists()


def test_create_page_is_404_for_someone_not_handling_the_complaint(people, complaint):
    response = signed_in(people.petugas_disdik).get(f"/console/pengaduan/{complaint.pk}/klarifikasi/baru/")
    assert response.status_code == 404


def test_list_tabs(send, people):
    request = send()
    incoming = signed_in(people.focal).get("/console/klarifikasi/").content.decode()
    outgoing = signed_in(people.asisten).get("/console/klarifikasi/?box=outgoing").content.decode()
    assert request.subject in incoming and request.subject in outgoing
    assert (
        request.subject
        not in signed_in(people.asisten).get("/console/klarifikasi/?box=incoming").content.decode()
    )


def test_the_list_opens_on_the_box_that_holds_something_and_names_both(send, people):
    request = send()
    # The assistant only sent a request: the list opens on what was sent, not on an empty "incoming".
    sender = signed_in(people.asisten).get("/console/klarifikasi/").content.decode()
    assert request.subject in sender
    assert 'href="/console/klarifikasi/?box=outgoing" aria-current="page"' in sender
    assert "Permintaan terkirim" in sender and "Permintaan masuk" in sender
    assert '<span class="k-tab__count">(1)</span>' in sender
    # The focal point has work to do: incoming first.
    focal = signed_in(people.focal).get("/console/klarifikasi/").content.decode()
    assert 'href="/console/klarifikasi/?box=incoming" aria-current="page"' in focal
    # Nobody with nothing in either box: incoming.
    empty = signed_in(people.petugas_disdik).get("/console/klarifikasi/").content.decode()
    assert 'href="/console/klarifikasi/?box=incoming" aria-current="page"' in empty


@pytest.mark.parametrize(
    ("incoming", "outgoing", "opens_on"),
    [(2, 3, "incoming"), (0, 3, "outgoing"), (2, 0, "incoming"), (0, 0, "incoming")],
)
def test_the_list_opens_on_incoming_when_both_boxes_hold_requests(incoming, outgoing, opens_on):
    from tuntas.clarifications.selectors import default_box

    assert default_box({"incoming": incoming, "outgoing": outgoing}) == opens_on


def test_overdue_filter_on_the_list(send, people, frozen):
    import datetime as dt

    request = send(days=2)
    frozen(dt.timedelta(days=10))
    html = signed_in(people.focal).get("/console/klarifikasi/?due=overdue").content.decode()
    assert request.subject in html and "terlambat" in html


def test_detail_is_404_for_an_outsider(send, people):
    request = send()
    assert signed_in(people.petugas_disdik).get(f"/console/klarifikasi/{request.pk}/").status_code == 404


def test_focal_point_routes_through_the_page(send, people):
    request = send()
    c = signed_in(people.focal)
    assert "Teruskan ke unit" in c.get(f"/console/klarifikasi/{request.pk}/").content.decode()
    response = c.post(
        f"/console/klarifikasi/{request.pk}/teruskan/", {"units": [people.pupr.pk], "instruction": "Mohon."}
    )
    assert response.status_code == 302
    assert request.routings.get().organisation == people.pupr


def test_route_without_a_unit_rerenders_with_an_error(send, people):
    request = send()
    response = signed_in(people.focal).post(
        f"/console/klarifikasi/{request.pk}/teruskan/", {"instruction": "x"}
    )
    assert response.status_code == 400


def test_sender_cannot_route(send, people):
    request = send()
    response = signed_in(people.asisten).post(
        f"/console/klarifikasi/{request.pk}/teruskan/", {"units": [people.pupr.pk]}
    )
    assert response.status_code == 400
    assert not request.routings.exists()


def test_unit_answers_with_a_document_through_the_page(routed, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request, row = routed
    c = signed_in(people.petugas_pupr)
    response = c.post(
        f"/console/klarifikasi/penerusan/{row.pk}/jawab/",
        {
            f"r{row.pk}-answer": "Terlampir.",
            f"r{row.pk}-files": SimpleUploadedFile("k.pdf", pdf_with_author()),
        },
    )
    assert response.status_code == 302
    assert request.documents.get().stage == Document.Stage.UNIT


def test_unit_sees_only_its_own_routing(send, people):
    request = send()
    services.request_route(
        actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk, people.disdik.pk]
    )
    html = signed_in(people.petugas_disdik).get(f"/console/klarifikasi/{request.pk}/").content.decode()
    assert (
        "Dinas Pendidikan" in html
        and "Dinas PUPR" not in html.split("penerusan-judul")[1].split("</section>")[0]
    )


def test_unit_document_reaches_the_sender_only_when_passed_on(unit_answered, people):
    request, _row = unit_answered
    doc = request.documents.get(stage=Document.Stage.UNIT)
    sender = signed_in(people.asisten)
    assert sender.get(f"/console/klarifikasi/dokumen/{doc.pk}/").status_code == 404
    assert signed_in(people.focal).get(f"/console/klarifikasi/dokumen/{doc.pk}/").status_code == 200
    services.request_reply(
        actor=people.focal, request_id=request.pk, reply="Terlampir.", document_ids=[doc.pk]
    )
    assert sender.get(f"/console/klarifikasi/dokumen/{doc.pk}/").status_code == 200


def test_another_unit_cannot_open_a_unit_document(send, people):
    request = send()
    rows = services.request_route(
        actor=people.focal, request_id=request.pk, organisation_ids=[people.pupr.pk, people.disdik.pk]
    )
    services.routing_answer(
        actor=people.petugas_pupr, routing_id=rows[0].pk, answer="x", files=(("k.pdf", pdf_with_author()),)
    )
    doc = request.documents.get()
    assert signed_in(people.petugas_disdik).get(f"/console/klarifikasi/dokumen/{doc.pk}/").status_code == 404


def test_sender_accepts_through_the_page(answered, people):
    c = signed_in(people.asisten)
    assert "Terima jawaban" in c.get(f"/console/klarifikasi/{answered.pk}/").content.decode()
    assert c.post(f"/console/klarifikasi/{answered.pk}/terima/", {"note": "Cukup."}).status_code == 302
    answered.refresh_from_db()
    assert answered.status == InfoRequest.Status.ACCEPTED


def test_sender_returns_through_the_page(answered, people):
    c = signed_in(people.asisten)
    assert (
        c.post(
            f"/console/klarifikasi/{answered.pk}/kembalikan/", {"note": "Kurang.", "days": "3"}
        ).status_code
        == 302
    )
    answered.refresh_from_db()
    assert answered.status == InfoRequest.Status.RETURNED


def test_sender_withdraws_through_the_page(send, people):
    request = send()
    c = signed_in(people.asisten)
    assert (
        c.post(f"/console/klarifikasi/{request.pk}/tarik/", {"reason": "Tidak perlu lagi."}).status_code
        == 302
    )
    request.refresh_from_db()
    assert request.status == InfoRequest.Status.WITHDRAWN


def test_timeline_describes_the_request(send, people, complaint):
    send()
    html = signed_in(people.asisten).get(f"/console/pengaduan/{complaint.pk}/").content.decode()
    assert "mengirim permintaan klarifikasi kepada Pemerintah Kabupaten Kotabaru" in html


def test_sender_reads_the_reply_not_the_unit_answer(answered, people):
    html = signed_in(people.asisten).get(f"/console/klarifikasi/{answered.pk}/").content.decode()
    assert "Jawaban Pemkab" in html
    assert "Perbaikan dijadwalkan 10 Maret; kontrak terlampir." not in html
    assert html.count("kontrak.pdf") == 1
