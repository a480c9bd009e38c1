"""The disposition picker in a real browser (issue 10 item 10): the coordinator finds the unit by typing part
of its name in a long list, and reads what that unit will see inline, before sending."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.complaints.conftest import complaint_input
from tests.e2e.test_journey import staff_login
from tuntas.complaints.services_intake import complaint_submit
from tuntas.directory.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_the_unit_list_and_read_the_preview_inline(live_server, directory, new_page):
    opd = OrganisationKind.objects.get(slug="opd")
    for n in range(40):  # a regency's worth of units to search through
        Organisation.objects.create(
            name=f"UPT Puskesmas {n:02d}", slug=f"upt-{n}", kind=opd, parent=directory.pemkab
        )
    complaint = complaint_submit(data=complaint_input(reported_organisation="dinas-pupr")).complaint

    page = new_page(390, 844)
    staff_login(page, live_server.url, "koordinator")
    page.goto(f"{live_server.url}/console/pengaduan/{complaint.pk}/")
    action = page.locator("details.c-action", has=page.locator("summary", has_text="Verifikasi")).first
    action.locator("summary").click()
    units = action.get_by_role("combobox", name=re.compile("^Unit tujuan"))
    before = units.locator("option").count()
    action.get_by_role("searchbox").fill("pupr")
    assert 1 < units.locator("option").count() < before  # "— pilih —" and PUPR (suggested and in its group)
    expect(units.locator("optgroup").first).to_have_attribute("label", "Disarankan")
    units.select_option(label="Dinas PUPR (unit yang diadukan)")
    preview = action.locator("[data-preview-slot]")
    expect(preview).to_contain_text("Yang akan dilihat Dinas PUPR")
    expect(preview).to_contain_text("Tidak terlihat")
    # no sideways scrolling on a phone with the preview open
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
