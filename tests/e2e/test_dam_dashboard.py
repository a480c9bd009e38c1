"""The console's Desa Anti-Maladministrasi dashboard on a 390 px phone, with the demo's 198 desa of Kotabaru:
no sideways scrolling, and villages grouped per kecamatan and paged rather than one page-long table."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_journey import staff_login
from tuntas.demo.services import directory_load
from tuntas.demo.villages import PROGRAMME_SLUG, load_villages_demo
from tuntas.directory.models import User
from tuntas.directory.regions import load_regions
from tuntas.villages.models import Programme
from tuntas.villages.registry import ensure_instrument

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390


def test_dam_dashboard_fits_a_phone_and_stays_short(live_server, new_page):
    ensure_instrument()
    load_regions(["63.02"])
    directory_load()
    load_villages_demo()
    programme = Programme.objects.get(slug=PROGRAMME_SLUG)
    auditor = User.objects.get(username="auditor")
    auditor.set_password("rahasia-uji-123")
    auditor.save(update_fields=["password"])
    page = new_page(PHONE, 844)
    staff_login(page, live_server.url, "auditor")
    page.goto(f"{live_server.url}/console/dam/program/{programme.pk}/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000, height  # one long table of 198 rows made it over 16,000 px
    groups = page.locator("details.v-group")
    assert groups.count() >= 2 and page.locator("details.v-group[open]").count() == 0
    groups.first.locator("summary").click()
    assert groups.first.get_by_role("link").count() > 0  # the village links of the opened kecamatan
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.get_by_role("link", name="Berikutnya").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.get_by_text("Ditampilkan 51–100.")).to_be_visible()
