"""The success page after filing: copy and print for the code and secret, never cached."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import form_data
from tuntas.complaints.models import Complaint

pytestmark = pytest.mark.django_db


@pytest.fixture
def success(client, directory, settings):  # noqa: ANN001, ANN201
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id"
    assert client.post("/lapor/", form_data()).status_code == 302
    return client.get("/lapor/terkirim/")


def test_success_page_is_never_stored_by_a_cache(success):
    assert "no-store" in success["Cache-Control"]
    assert "private" in success["Cache-Control"]


def test_success_page_offers_copy_for_each_code_and_both(success):
    html = success.content.decode()
    complaint = Complaint.objects.get()
    code = complaint.tracking_code
    copies = re.findall(r'data-copy="([^"]*)"', html)
    assert copies[0] == code
    assert len(copies[1]) >= 8 and copies[1] != code  # the secret
    assert copies[2] == f"Kode lacak: {code} / Kode rahasia: {copies[1]}"
    assert html.count(">Salin<") == 2 and "Salin keduanya" in html
    # Without JS the copy and print buttons would do nothing, so they start hidden.
    assert re.search(r"data-copy-actions hidden", html)
    assert 'role="status" aria-live="polite"' in html


def test_success_page_print_block_has_the_full_tracking_address_and_date(success):
    html = success.content.decode()
    code = Complaint.objects.get().tracking_code
    assert "Cetak / simpan PDF" in html and "data-print" in html
    block = re.search(r'<dl class="submitted__print">.*?</dl>', html, re.S).group(0)
    assert f"https://lapor.kotabarukab.go.id/lacak/{code}/" in block
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', block)


def test_success_page_has_no_inline_script(success):
    html = success.content.decode()
    scripts = re.findall(r"<script[^>]*>", html)
    assert all('src="/static/' in tag for tag in scripts)
    assert 'src="/static/tuntas/portal.js"' in scripts[-1]
    assert " onclick=" not in html
