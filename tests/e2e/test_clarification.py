"""A clarification request in a real browser: the Ombudsman assistant asks the Pemkab focal point about a
confidential complaint against Dinas PUPR (after reading what the Pemkab will see); the focal point forwards
it to PUPR; PUPR answers with a document; the focal point replies with that document; the Ombudsman accepts
the reply and closes its report through the ordinary SOP action. PUPR never sees who the reporter is."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.complaints.conftest import complaint_input, pdf_with_author
from tests.e2e.test_journey import staff_login, take_action
from tests.factories import UserFactory, member
from tuntas.clarifications.kinds import ensure_request_kinds
from tuntas.clarifications.models import InfoRequest
from tuntas.complaints.models import Complaint, Handling
from tuntas.complaints.services_intake import complaint_submit

pytestmark = pytest.mark.django_db(transaction=True)

SUBJECT = "Klarifikasi perbaikan jalan Sigam"


def open_request(page: Page, base: str, box: str = "incoming") -> None:
    page.goto(f"{base}/console/klarifikasi/?box={box}")
    page.get_by_role("link", name=SUBJECT).click()
    expect(page.get_by_role("heading", level=1, name=SUBJECT)).to_be_visible()


def test_ombudsman_clarification_through_the_focal_point(live_server, directory, new_page):
    base = live_server.url
    ensure_request_kinds()
    member(UserFactory(username="focal.kotabaru"), directory.pemkab, "focal_point")
    directory.ombudsman.accepts_complaints = True
    directory.ombudsman.save(update_fields=["accepts_complaints"])
    complaint = complaint_submit(
        data=complaint_input(intake_organisation="ombudsman-kalsel", reported_organisation="dinas-pupr")
    ).complaint

    # 1. The Ombudsman assistant previews what the Pemkab will see, then sends the request.
    ombudsman = new_page(1280, 900)
    staff_login(ombudsman, base, "asisten.ombudsman")
    ombudsman.goto(f"{base}/console/pengaduan/{complaint.pk}/")
    ombudsman.get_by_role("link", name="Minta klarifikasi").click()
    ombudsman.get_by_role("combobox", name=re.compile("^Dikirim kepada")).select_option(
        label="Pemerintah Kabupaten Kotabaru"
    )
    ombudsman.get_by_role("button", name="Pratinjau").click()
    preview = ombudsman.locator("#pratinjau")
    expect(preview).to_contain_text("Tidak terlihat")
    expect(preview).to_contain_text("Jalan desa berlubang dan tergenang")
    ombudsman.get_by_role("textbox", name=re.compile("^Perihal")).fill(SUBJECT)
    ombudsman.get_by_role("textbox", name=re.compile("^Pertanyaan")).fill(
        "Mohon penjelasan jadwal perbaikan jalan poros Sigam beserta dokumen kontraknya."
    )
    ombudsman.get_by_role("spinbutton", name=re.compile("^Tenggat")).fill("10")
    ombudsman.get_by_role("button", name="Kirim permintaan").click()
    expect(ombudsman.locator(".flash").first).to_contain_text("Permintaan dikirim")

    # 2. The focal point forwards it to Dinas PUPR.
    focal = new_page(1280, 900)
    staff_login(focal, base, "focal.kotabaru")
    open_request(focal, base)
    details = focal.locator("details.c-action", has=focal.locator("summary", has_text="Teruskan ke unit"))
    details.locator("summary").click()
    details.get_by_role("checkbox", name="Dinas PUPR").check()
    details.get_by_role("textbox", name=re.compile("^Instruksi")).fill("Mohon jawaban dan kontraknya.")
    details.get_by_role("button", name="Teruskan").click()
    expect(focal.locator(".flash").first).to_contain_text("diteruskan")

    # 3. Dinas PUPR (the terlapor) answers with a document; it never sees the reporter.
    opd = new_page(1280, 900)
    staff_login(opd, base, "petugas.pupr")
    open_request(opd, base)
    html = opd.content()
    assert "Siti Aminah" not in html and "081251234567" not in html
    answer = opd.locator("details.c-action", has=opd.locator("summary", has_text="Jawab"))
    answer.locator("summary").click()
    answer.get_by_role("textbox", name=re.compile("^Jawaban unit")).fill(
        "Perbaikan dimulai 10 Maret; kontrak terlampir."
    )
    answer.locator("input[type=file]").set_input_files(
        files=[{"name": "kontrak.pdf", "mimeType": "application/pdf", "buffer": pdf_with_author()}]
    )
    answer.get_by_role("button", name="Kirim jawaban unit").click()
    expect(opd.locator(".flash").first).to_contain_text("Jawaban unit dikirim")

    # 4. The focal point replies with PUPR's document.
    open_request(focal, base)
    expect(focal.get_by_role("link", name="kontrak.pdf")).to_be_visible()
    take_action(focal, "Jawab kepada", fill={"Jawaban kepada peminta": "Perbaikan dimulai 10 Maret."})
    expect(focal.locator(".flash").first).to_contain_text("Jawaban dikirim")

    # 5. The Ombudsman reads the reply, accepts it and closes its report.
    open_request(ombudsman, base, "outgoing")
    expect(ombudsman.get_by_text("Perbaikan dimulai 10 Maret.")).to_be_visible()
    expect(ombudsman.get_by_role("link", name="kontrak.pdf")).to_be_visible()
    take_action(ombudsman, "Terima jawaban")
    expect(ombudsman.locator(".flash").first).to_contain_text("diterima")
    assert InfoRequest.objects.get().status == InfoRequest.Status.ACCEPTED
    ombudsman.get_by_role("link", name=complaint.tracking_code).first.click()
    take_action(
        ombudsman,
        "Tutup laporan",
        fill={"Penjelasan untuk pelapor": "Pemkab telah menjadwalkan perbaikan; laporan ditutup."},
        select={"Alasan penutupan": "Tidak memenuhi syarat materiil: sudah diselesaikan instansi"},
    )
    expect(ombudsman.locator(".flash").first).to_be_visible()
    handling = Handling.objects.get(complaint=complaint, organisation=directory.ombudsman)
    assert (handling.is_open, handling.state) == (False, "ditutup")
    assert Complaint.objects.get(pk=complaint.pk).status == Complaint.Status.CLOSED
