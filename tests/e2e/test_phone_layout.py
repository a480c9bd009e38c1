"""On a 390 px phone the public pages of the prevention programmes (Desa Anti-Maladministrasi, compliance
results) fit the screen: no sideways scrolling, with the demo's data and a long unbroken name."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page

from tests.e2e.test_journey import staff_login
from tests.e2e.test_tracking_layout import file_complaint
from tests.web.conftest import Staff
from tuntas.compliance.models import Assessment
from tuntas.demo.compliance import load_compliance_demo
from tuntas.demo.services import directory_load
from tuntas.demo.villages import load_villages_demo
from tuntas.directory.regions import load_regions
from tuntas.villages.registry import ensure_instrument

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 390
LONG_NAME = (
    "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kotabaru (Disdukcapil-Kotabaru-Pulaulaut-Utara)"
)


def assert_fits(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")
    shots = os.environ.get("TUNTAS_SHOTS")  # a folder: full-page screenshots to look at
    if shots:
        name = page.url.rstrip("/").rsplit("/", 1)[-1]
        page.screenshot(path=f"{shots}/{name}-{PHONE}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE, (url, width)
    if shots:
        page.set_viewport_size({"width": 1366, "height": 900})
        page.screenshot(path=f"{shots}/{name}-1366.png", full_page=True)
        page.set_viewport_size({"width": PHONE, "height": 844})


def test_dam_pages_fit_a_phone(live_server, new_page):
    ensure_instrument()
    load_regions(["63.02"])
    directory_load()
    load_villages_demo()
    page = new_page(PHONE, 844)
    assert_fits(page, f"{live_server.url}/desa-anti-maladministrasi/")
    assert_fits(page, f"{live_server.url}/desa-anti-maladministrasi/dam-kotabaru/")


def test_compliance_results_fit_a_phone(live_server, directory, new_page):
    load_compliance_demo()
    final = Assessment.objects.filter(status="final").select_related("organisation").first()
    final.organisation.name = LONG_NAME
    final.organisation.save(update_fields=["name"])
    page = new_page(PHONE, 844)
    assert_fits(page, f"{live_server.url}/hasil-kepatuhan/")
    badge = page.locator(".cz-band").first.bounding_box()
    assert badge and badge["height"] < 40, badge  # the zone reads on one line, not squeezed into a column


def test_oversight_list_fits_a_phone_and_its_headers_sit_over_their_columns(live_server, directory, new_page):
    complaint, _secret = file_complaint()
    complaint.title = "Permohonan penerbitan rekomendasi perizinan pemanfaatan ruang tidak kunjung diproses"
    complaint.save(update_fields=["title"])
    Staff(directory).dispose_to_pupr(complaint)
    wide = new_page(1366, 900)
    staff_login(wide, live_server.url, "inspektur")
    wide.goto(f"{live_server.url}/console/pengawasan/")
    aligned = wide.evaluate(
        """() => { const ths = [...document.querySelectorAll('main table thead th')];
        const tds = [...document.querySelectorAll('main table tbody tr:first-child td')];
        return ths.length > 4 && ths.length === tds.length && ths.every((th, i) =>
          getComputedStyle(th).textAlign === getComputedStyle(tds[i]).textAlign
          && Math.abs(th.getBoundingClientRect().left - tds[i].getBoundingClientRect().left) < 1); }"""
    )
    assert aligned
    page = new_page(PHONE, 844)
    staff_login(page, live_server.url, "inspektur")
    assert_fits(page, f"{live_server.url}/console/pengawasan/")
