"""The console's 403 and the portal's 404 in a browser, on a 390 px phone and a 1366 px desktop: the page's
own heading and way back show, nothing runs off the side. TUNTAS_SCREENSHOT_DIR keeps a PNG of each."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = [390, 1366]


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("TUNTAS_SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/console/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("rahasia-uji-123")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("navigation", name="Menu konsol")).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_console_403_in_the_console_layout(live_server, directory, new_page, width):
    page = new_page(width, 844)
    sign_in(page, live_server.url, directory.petugas_pupr.username)
    response = page.goto(f"{live_server.url}/console/pengiriman/")
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Akun Anda tidak memiliki peran untuk halaman ini"
    )
    expect(page.get_by_role("navigation", name="Menu konsol")).to_be_visible()
    expect(page.get_by_role("link", name="Ke kotak masuk")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"console-403-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_portal_404_in_the_portal_layout(live_server, db, new_page, width):
    page = new_page(width, 844)
    response = page.goto(f"{live_server.url}/tidak-ada-halaman-ini/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Halaman tidak ditemukan")
    expect(page.get_by_role("navigation", name="Menu utama")).to_be_visible()
    expect(page.get_by_role("link", name="Kembali ke beranda")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"portal-404-{width}")
