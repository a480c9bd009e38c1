"""The Inspektorat's oversight list and "Ambil alih": what it shows (no identity), who may take over, and the
take-over itself through the console."""

from __future__ import annotations

import datetime as dt

from tests.web_console.conftest import REPORTER
from tuntas.complaints.models import Handling
from tuntas.core import clock


def page(client, url: str = "/console/pengawasan/", status: int = 200) -> str:  # noqa: ANN001
    r = client.get(url)
    assert r.status_code == status, r.content[:300]
    return r.content.decode()


def test_inspektorat_sees_open_handlings_of_its_units_without_identity(directory, login, submit, dispose):
    complaint = submit()
    dispose(complaint)

    html = page(login(directory.auditor))

    assert complaint.tracking_code in html and complaint.title in html
    assert directory.pupr.name in html
    assert REPORTER.name not in html and REPORTER.email not in html and REPORTER.phone not in html
    assert "Ambil alih ke Inspektorat" not in html  # an auditor sees, only the Inspektur takes over


def test_oversight_is_not_for_other_units(directory, login):
    assert login(directory.petugas_pupr).get("/console/pengawasan/").status_code == 404
    assert "Pengawasan" not in page(login(directory.petugas_pupr), "/console/")


def test_inspektur_takes_a_handling_over_from_the_list(directory, login, submit, dispose):
    complaint = submit()
    opd = dispose(complaint)
    inspektur = login(directory.inspektur)
    assert "Ambil alih ke Inspektorat" in page(inspektur)

    r = inspektur.post(f"/console/penanganan/{opd.pk}/ambil-alih/", {"reason": "Sudah tiga kali diadukan."})

    assert r.status_code == 302 and r["Location"] == f"/console/pengaduan/{complaint.pk}/"
    opd.refresh_from_db()
    assert not opd.is_open and opd.closure_reason == "dilimpahkan"
    taken = Handling.objects.get(complaint=complaint, organisation=directory.inspektorat)
    assert taken.is_open and taken.instruction == "Sudah tiga kali diadukan."
    assert complaint.tracking_code not in page(inspektur)  # the Inspektorat handles it now
    assert page(inspektur, f"/console/pengaduan/{complaint.pk}/")


def test_take_over_needs_a_reason(directory, login, submit, dispose):
    opd = dispose(submit())

    r = login(directory.inspektur).post(f"/console/penanganan/{opd.pk}/ambil-alih/", {"reason": " "})

    assert r.status_code == 302 and r["Location"].endswith(f"#penanganan-{opd.pk}")
    opd.refresh_from_db()
    assert opd.is_open
    assert not Handling.objects.filter(organisation=directory.inspektorat).exists()


def test_auditor_cannot_take_over(directory, login, submit, dispose):
    opd = dispose(submit())

    r = login(directory.auditor).post(f"/console/penanganan/{opd.pk}/ambil-alih/", {"reason": "Coba."})

    assert r.status_code == 302
    opd.refresh_from_db()
    assert opd.is_open


def test_overdue_filter_lists_only_handlings_past_their_deadline(directory, login, submit, dispose):
    opd = dispose(submit())
    inspektur = login(directory.auditor)
    assert "Hanya yang terlambat (0)" in page(inspektur)

    with clock.frozen(clock.now() + dt.timedelta(days=40)):
        html = page(inspektur, "/console/pengawasan/?terlambat=1")
    assert opd.complaint.tracking_code in html
    assert "terlambat" in html


def test_coordinator_verification_is_not_listed_for_take_over(directory, login, submit):
    complaint = submit()  # waiting for the coordinator's verification

    assert complaint.tracking_code not in page(login(directory.inspektur))


def test_codes_link_to_the_complaint_only_where_the_viewer_may_open_it(directory, login, submit, dispose):
    from tests.factories import member

    complaint = submit()
    dispose(complaint)
    link = f'href="/console/pengaduan/{complaint.pk}/"'
    assert link not in page(login(directory.auditor))  # the Inspektorat does not handle it: no dead link

    member(directory.auditor, directory.pupr, "petugas")  # also works at the unit: may open it
    auditor = login(directory.auditor)
    assert link in page(auditor)
    assert auditor.get(f"/console/pengaduan/{complaint.pk}/").status_code == 200


def test_oversight_headers_match_the_cells_of_each_row(directory, login, submit, dispose):
    import re

    dispose(submit())
    for user in (directory.auditor, directory.inspektur):
        html = page(login(user))
        table = html[html.index('<table class="table c-table c-oversight">') :]
        heads = len(re.findall(r"<th\b", table[: table.index("</thead>")]))
        row = table[table.index("<tbody>") : table.index("</tr>", table.index("<tbody>"))]
        assert heads == len(re.findall(r"<td\b", row)) and heads >= 5
