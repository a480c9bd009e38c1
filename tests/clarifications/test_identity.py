"""Identity rule on every surface a request adds: the preview, the request page, complaint attachments
opened through it, documents, notifications and the timeline. The terlapor (Dinas PUPR) and the focal point
see the substance of a confidential complaint, never who filed it."""

from __future__ import annotations

import pytest

from tests.clarifications.conftest import IDENTITY_MARKERS, REPORTER_NAME, signed_in
from tuntas.clarifications import selectors
from tuntas.complaints.models import Complaint
from tuntas.notify.models import OutboxMessage


def assert_no_identity(text: str) -> None:
    for marker in IDENTITY_MARKERS:
        assert marker not in text


def test_preview_for_the_focal_point_hides_a_confidential_identity(people, complaint):
    preview = selectors.request_preview(people.asisten, complaint, people.pemkab)
    assert (preview["identity_visible"], preview["identity_fields"]) == (False, [])
    assert preview["attachments_hidden"] == 1
    assert [a["name"] for a in preview["attachments"]] == ["foto-jalan.png"]


def test_preview_for_the_terlapor_says_so(people, complaint):
    preview = selectors.request_preview(people.asisten, complaint, people.pupr)
    assert (preview["identity_visible"], preview["identity_reason"]) == (False, "terlapor")


def test_preview_to_an_oversight_body_still_leaves_a_confidential_identity_out(people, complaint):
    """The Inspektorat would see it on its own handling, but a request never carries it."""
    preview = selectors.request_preview(people.asisten, complaint, people.inspektorat)
    assert not preview["identity_visible"] and preview["identity_reason"] == "request"
    assert all(not a["identifying"] for a in preview["attachments"])


def test_preview_of_a_public_complaint_shows_the_identity(people, file_with_ombudsman):
    complaint = file_with_ombudsman(privacy=Complaint.Privacy.PUBLIC)
    preview = selectors.request_preview(people.asisten, complaint, people.pemkab)
    assert preview["identity_visible"] and "nama" in [f.lower() for f in preview["identity_fields"]]


@pytest.mark.parametrize("who", ["focal", "petugas_pupr"])
def test_request_page_never_shows_a_confidential_identity(unit_answered, people, who):
    request, _row = unit_answered
    page = signed_in(getattr(people, who)).get(f"/console/klarifikasi/{request.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Jalan desa berlubang" in html  # the substance is there
    assert_no_identity(html)
    assert "ktp.pdf" not in html


def test_public_complaint_identity_shows_on_the_request_page(people, file_with_ombudsman, send):
    complaint = file_with_ombudsman(privacy=Complaint.Privacy.PUBLIC)
    request = send(complaint_id=complaint.pk)
    html = signed_in(people.focal).get(f"/console/klarifikasi/{request.pk}/").content.decode()
    assert REPORTER_NAME in html


def test_identity_document_cannot_be_opened_through_a_request(routed, people, complaint):
    request, _row = routed
    ktp = complaint.attachments.get(identifying=True)
    photo = complaint.attachments.get(identifying=False)
    unit = signed_in(people.petugas_pupr)
    assert unit.get(f"/console/klarifikasi/{request.pk}/lampiran/{ktp.pk}/").status_code == 404
    assert unit.get(f"/console/klarifikasi/{request.pk}/lampiran/{photo.pk}/").status_code == 200


def test_complaint_attachment_of_another_request_is_404(routed, people, file_with_ombudsman, send):
    request, _row = routed
    other = file_with_ombudsman(title="Pengaduan lain")
    photo = other.attachments.get(identifying=False)
    unit = signed_in(people.petugas_pupr)
    assert unit.get(f"/console/klarifikasi/{request.pk}/lampiran/{photo.pk}/").status_code == 404


def test_staff_notifications_never_carry_the_identity(answered, people):
    messages = OutboxMessage.objects.filter(template__startswith="clarification_")
    assert messages.filter(recipient=people.petugas_pupr.email).exists()
    for m in messages:
        assert_no_identity(m.subject + m.body)


def test_notifications_do_not_carry_the_question_text(send, people):
    send(question="Pertanyaan rahasia untuk focal point saja.")
    for m in OutboxMessage.objects.filter(template="clarification_requested"):
        assert "Pertanyaan rahasia" not in m.body


def test_timeline_events_hold_no_texts(answered, complaint):
    for e in complaint.events.filter(kind__startswith="clarification_"):
        assert e.message == ""
        assert answered.question not in str(e.payload) and answered.reply not in str(e.payload)


def test_terlapor_unit_cannot_open_the_complaint_page_through_a_request(routed, people, complaint):
    assert signed_in(people.petugas_pupr).get(f"/console/pengaduan/{complaint.pk}/").status_code == 404
