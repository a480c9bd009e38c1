"""On a 390 px phone the tracking page puts the latest thing the citizen must read (the officer's answer, the
unit's question) directly above the thing they must do (the "is it right?" question, the reply form)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.web.conftest import REPORTER, Staff
from tuntas.complaints import services
from tuntas.complaints.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "Lubang jalan sudah ditambal pada hari Senin oleh regu pemeliharaan."
QUESTION = "Mohon sebutkan nomor RT dan patokan terdekat."


def file_complaint() -> tuple[Complaint, str]:
    done = services.complaint_submit(
        data=services.ComplaintInput(
            title="Jalan desa berlubang besar",
            description="Jalan utama Desa Sigam berlubang besar sejak bulan lalu. " * 60,
            privacy=Complaint.Privacy.CONFIDENTIAL,
            category="jalan",
            region_code="63.02.06.2005",
            reported_organisation="dinas-pupr",
            reporter=services.ReporterInput(**REPORTER),
        )
    )
    return done.complaint, done.secret


def open_tracking(page: Page, base: str, code: str, secret: str) -> None:
    page.goto(f"{base}/lacak/")
    page.get_by_label("Kode lacak").fill(code)
    page.get_by_label("Kode rahasia").fill(secret)
    page.get_by_role("button", name="Lihat pengaduan").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def assert_directly_above(page: Page, text: str, heading: str) -> None:
    message = page.locator("#terbaru").get_by_text(text).bounding_box()
    question = page.get_by_role("heading", name=heading).bounding_box()
    assert message and question
    bottom = message["y"] + message["height"]
    assert bottom <= question["y"], (message, question)
    assert question["y"] - bottom < 120, (message, question)  # nothing in between but the card's edges
    assert question["y"] < 844 * 2.5  # and near the top of the page, not thousands of pixels down


def test_answer_sits_right_above_the_accept_question_on_a_phone(live_server, directory, new_page):
    complaint, secret = file_complaint()
    staff = Staff(directory)
    staff.dispose_to_pupr(complaint)
    staff.answer(complaint, ANSWER)
    page = new_page(390, 844)
    open_tracking(page, live_server.url, complaint.tracking_code, secret)
    assert_directly_above(page, ANSWER, "Apakah jawaban petugas sudah sesuai?")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_question_sits_right_above_the_reply_form_on_a_phone(live_server, directory, new_page):
    complaint, secret = file_complaint()
    Staff(directory).ask_reporter(complaint, QUESTION)
    page = new_page(390, 844)
    open_tracking(page, live_server.url, complaint.tracking_code, secret)
    assert_directly_above(page, QUESTION, "Jawab pertanyaan petugas")
