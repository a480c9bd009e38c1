"""The complaint form in a real browser: long text gets a counter and a visible refusal instead of a silent
cut, and a file over the size limit is refused before the upload starts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_counter_refuses_long_text_and_large_files_before_sending(live_server, directory, new_page, settings):
    settings.TUNTAS_MAX_ATTACHMENT_BYTES = 1024
    page = new_page(390, 844)
    page.goto(f"{live_server.url}/lapor/")
    title = page.locator("#id_title")
    title.fill("Jalan " * 50)  # 300 characters, the limit is 200: kept, not cut
    assert len(title.input_value()) == 300
    counter = page.locator("#id_title + .char-count")
    expect(counter).to_contain_text("Terlalu panjang: paling banyak 200 karakter")
    assert title.evaluate("el => el.validity.customError")
    title.fill("Jalan berlubang")
    expect(counter).to_have_text("15 dari 200 karakter")

    files = page.locator("#id_files")
    files.set_input_files(files=[{"name": "besar.jpg", "mimeType": "image/jpeg", "buffer": b"x" * 4096}])
    # The check runs in the change handler; on a loaded machine it may land a moment after set_input_files.
    page.wait_for_function("() => document.querySelector('#id_files').validationMessage !== ''", timeout=5000)
    assert "besar.jpg terlalu besar" in files.evaluate("el => el.validationMessage")
