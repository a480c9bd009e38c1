"""The whole journey in a real browser: a citizen on a phone files a confidential complaint, the coordinator
verifies and disposes it to Dinas PUPR, PUPR answers, the citizen replies, PUPR answers again, the citizen
accepts (the complaint closes) and rates it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tuntas.complaints.models import Complaint, Event

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Siti Rahmawati Pelapor"
PHONE = "081251234567"


def staff_login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/console/masuk/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("rahasia-uji-123")
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(re.compile(r"/console/$"))


def open_complaint(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}/console/")
    page.get_by_role("link", name=code).first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def take_action(
    page: Page, label: str, fill: dict[str, str] | None = None, select: dict[str, str] | None = None
):
    details = page.locator("details.c-action", has=page.locator("summary", has_text=label)).first
    details.locator("summary").click()
    for field_label, value in (fill or {}).items():
        details.get_by_role("textbox", name=re.compile("^" + field_label)).fill(value)
    for field_label, value in (select or {}).items():
        details.get_by_role("combobox", name=re.compile("^" + field_label)).select_option(label=value)
    details.locator("form button[type=submit]").click()


def test_submit_dispose_answer_reply_accept_rate(live_server, directory, new_page):
    base = live_server.url
    citizen = new_page(390, 844)

    # 1. The citizen files a confidential complaint from a phone.
    citizen.goto(f"{base}/")
    citizen.get_by_role("link", name="Buat pengaduan").first.click()
    citizen.get_by_label("Judul").fill("Jalan berlubang di depan SDN Sigam")
    citizen.get_by_label("Apa yang terjadi", exact=False).fill(
        "Lubang besar di Jalan Sigam sudah tiga minggu, dua pengendara motor jatuh minggu lalu."
    )
    citizen.get_by_label("Kategori").select_option(label="Jalan dan jembatan")
    citizen.locator("[data-kecamatan]").select_option(label="Pulaulaut Utara")
    citizen.locator("[data-desa-slot] select").select_option(label="Desa Sigam")
    expect(citizen.get_by_label("Rahasia", exact=False)).to_be_checked()
    citizen.get_by_label("Nama", exact=True).fill(NAME)
    citizen.get_by_label("Nomor telepon", exact=False).fill(PHONE)
    citizen.get_by_role("button", name="Kirim pengaduan").click()
    codes = citizen.locator("dd.code")
    expect(codes.first).to_be_visible()
    code, secret = codes.nth(0).inner_text().strip(), codes.nth(1).inner_text().strip()
    assert re.fullmatch(r"KTB-[2-9A-Z]{4}-[2-9A-Z]{2}", code)
    assert secret not in citizen.url

    # 2. The coordinator verifies and disposes it to Dinas PUPR.
    staff = new_page(1280, 900)
    staff_login(staff, base, "koordinator")
    open_complaint(staff, base, code)
    take_action(staff, "Verifikasi", select={"Unit tujuan": "Dinas PUPR"})
    expect(staff.locator(".flash").first).to_be_visible()

    # 3. Dinas PUPR answers; the OPD never sees who the reporter is.
    opd = new_page(1280, 900)
    staff_login(opd, base, "petugas.pupr")
    open_complaint(opd, base, code)
    assert NAME not in opd.content() and PHONE not in opd.content()
    take_action(opd, "Kirim jawaban", fill={"Jawaban": "Tim akan menambal lubang pada Kamis ini."})

    # 4. The citizen follows the complaint, sees the answer and replies that it is not fixed yet.
    citizen.goto(f"{base}/lacak/")
    citizen.get_by_label("Kode lacak").fill(code)
    citizen.get_by_label("Kode rahasia").fill(secret)
    citizen.get_by_role("button", name=re.compile("Lihat|Lacak|Ikuti")).first.click()
    expect(citizen.get_by_text("Tim akan menambal lubang pada Kamis ini.")).to_be_visible()
    citizen.locator("form[action$='/balas/'] textarea").fill("Sudah Jumat, lubangnya belum ditambal.")
    citizen.get_by_role("button", name="Kirim tanggapan").click()
    expect(citizen.get_by_text("Sudah Jumat, lubangnya belum ditambal.")).to_be_visible()

    # 5. PUPR answers again; the citizen accepts; the complaint closes; the citizen rates it.
    open_complaint(opd, base, code)
    take_action(opd, "Kirim jawaban", fill={"Jawaban": "Lubang sudah ditambal hari ini, mohon dicek."})
    citizen.reload()
    expect(citizen.get_by_text("Lubang sudah ditambal hari ini, mohon dicek.")).to_be_visible()
    citizen.get_by_role("button", name="Saya puas, terima jawaban").click()
    citizen.get_by_label("5", exact=False).first.check()
    citizen.get_by_role("button", name="Kirim penilaian").click()
    expect(citizen.get_by_text("Terima kasih", exact=False).first).to_be_visible()

    complaint = Complaint.objects.get(tracking_code=code)
    assert complaint.status == Complaint.Status.CLOSED
    assert complaint.rating == 5
    assert complaint.handlings.count() == 2 and not complaint.handlings.filter(is_open=True).exists()
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds.count(Event.Kind.REPORTER_REPLIED) == 2 and Event.Kind.RATED in kinds
    # Nobody at the OPD looked at the confidential identity.
    assert not complaint.events.filter(kind=Event.Kind.IDENTITY_VIEWED).exists()
