"""The success page in a real browser: the codes are copied to the clipboard (or selected for a manual copy
when the browser refuses), a visible confirmation is announced, and the print button opens the print dialog."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tuntas.complaints.models import Complaint

pytestmark = pytest.mark.django_db(transaction=True)


def file_complaint(page: Page, base: str) -> None:
    page.goto(f"{base}/lapor/")
    page.get_by_label("Judul").fill("Lampu jalan mati di depan pasar")
    page.get_by_label("Apa yang terjadi", exact=False).fill(
        "Lampu jalan di depan Pasar Sigam mati sejak seminggu lalu, jalan gelap pada malam hari."
    )
    page.get_by_label("Kategori").select_option(label="Jalan dan jembatan")
    page.locator("[data-kecamatan]").select_option(label="Pulaulaut Utara")
    page.locator("[data-desa-slot] select").select_option(label="Desa Sigam")
    page.get_by_label("Nama", exact=True).fill("Siti Aminah")
    page.get_by_role("button", name="Kirim pengaduan").click()
    expect(page.get_by_role("heading", name="Pengaduan Anda terkirim")).to_be_visible()


def test_copy_buttons_put_the_codes_on_the_clipboard(live_server, directory, new_page):
    page = new_page(390, 844)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    file_complaint(page, live_server.url)
    code = Complaint.objects.get().tracking_code
    secret = page.locator(".code").nth(1).inner_text()

    page.get_by_role("button", name="Salin kode lacak").click()
    expect(page.locator("[data-copy-status]")).to_have_text("Kode lacak tersalin.")
    assert page.evaluate("navigator.clipboard.readText()") == code

    page.get_by_role("button", name="Salin keduanya").click()
    expect(page.locator("[data-copy-status]")).to_have_text("Kedua kode tersalin.")
    assert page.evaluate("navigator.clipboard.readText()") == f"Kode lacak: {code} / Kode rahasia: {secret}"


def test_without_the_clipboard_api_the_fallback_copies_or_selects_the_code(live_server, directory, new_page):
    page = new_page(390, 844)
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
    file_complaint(page, live_server.url)
    page.get_by_role("button", name="Salin kode rahasia").click()
    status = page.locator("[data-copy-status]")
    expect(status).to_have_text(re.compile("Kode rahasia tersalin|salin secara manual"))
    if "manual" in status.inner_text():  # the browser refused execCommand: the secret is left selected
        assert page.evaluate("window.getSelection().toString()") == page.locator(".code").nth(1).inner_text()


def test_print_button_opens_the_print_dialog(live_server, directory, new_page):
    page = new_page(1366, 900)
    page.add_init_script("window.__printed = 0; window.print = function () { window.__printed += 1; };")
    file_complaint(page, live_server.url)
    page.get_by_role("button", name="Cetak / simpan PDF").click()
    assert page.evaluate("window.__printed") == 1
    # Printed, only the codes card is left: no navigation, footer or buttons.
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Salin keduanya")).to_be_hidden()
    expect(page.locator(".submitted__url")).to_have_text(re.compile(r"^http://[^/]+/lacak/" + code_re()))


def code_re() -> str:
    return re.escape(Complaint.objects.get().tracking_code) + "/$"
