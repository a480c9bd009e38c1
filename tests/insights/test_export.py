"""The inbox download: the rows of the filtered list (every page), typed cells, the identity rule of the page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.insights.conftest import (
    SENTINEL_EMAIL,
    SENTINEL_NAME,
    SENTINEL_NIK,
    SENTINEL_PHONE,
    START,
    WITA,
    _input,
)
from tuntas.audit.models import AuditEntry
from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.core import clock
from tuntas.insights import export
from tuntas.web.console.inbox import views as inbox_views

CSV_URL = "/console/kotak-masuk/ekspor.csv"
XLSX_URL = "/console/kotak-masuk/ekspor.xlsx"
TODAY = dt.datetime(2026, 3, 20, 10, tzinfo=WITA)
HEADERS = [
    "Kode lacak",
    "Judul",
    "Kategori",
    "Unit",
    "Status",
    "Diterima",
    "Tenggat",
    "Terlambat (hari)",
    "Petugas",
    "Pelapor",
    "Kanal",
    "Kecamatan",
    "Desa",
]
CODE, TITLE, UNIT, RECEIVED, DUE, LATE, REPORTER, CHANNEL, KECAMATAN, DESA = 0, 1, 3, 5, 6, 7, 9, 10, 11, 12


def _client(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def _get(client: Client, url: str, query: dict | None = None):  # noqa: ANN202
    with clock.frozen(TODAY):
        return client.get(url, query or {})


def _xlsx(content: bytes):  # noqa: ANN202
    return load_workbook(io.BytesIO(content)).active


def _xlsx_rows(content: bytes) -> list[tuple]:
    return list(_xlsx(content).iter_rows(min_row=2, values_only=True))


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "a byte order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _all_text(content: bytes) -> bytes:
    """Every byte of a CSV, or of every part inside an XLSX (a zip: its XML is compressed)."""
    if not content.startswith(b"PK"):
        return content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _page_codes(client: Client, query: dict) -> list[str]:
    """The tracking codes of every page of the inbox list, in order."""
    codes, number = [], 1
    while True:
        page = _get(client, "/console/", {**query, "page": number}).context["page"]
        codes += [h.complaint.tracking_code for h in page.object_list]
        if not page.has_next():
            return codes
        number += 1


@pytest.mark.parametrize("query", [{"status": "all"}, {"status": "all", "category": "jalan"}, {}])
def test_export_lists_every_page_of_the_filtered_inbox(known, directory, monkeypatch, query):
    monkeypatch.setattr(inbox_views, "PAGE_SIZE", 1)  # one row a page: the export must not stop at page 1
    client = _client(directory.koordinator)
    expected = _page_codes(client, query)
    assert expected, "the fixture lists something for every query"
    assert [r[CODE] for r in _xlsx_rows(_get(client, XLSX_URL, query).content)] == expected
    assert [r[CODE] for r in _csv_rows(_get(client, CSV_URL, query).content)[1:]] == expected


def test_xlsx_has_typed_cells_indonesian_headers_and_a_frozen_header_row(known, directory):
    response = _get(_client(directory.koordinator), XLSX_URL, {"status": "all", "sort": "-opened"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="tuntas-kotak-masuk-2026-03-20.xlsx"'
    sheet = _xlsx(response.content)
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    rows = _xlsx_rows(response.content)
    assert len(rows) == 3
    for row in rows:
        # Received in local time (WITA), written without a zone; the fixture files everything at START.
        assert row[RECEIVED] == START.replace(tzinfo=None)
    dated = [r for r in rows if r[DUE] is not None]
    assert dated, "the open handling has a deadline"
    for row in dated:
        assert isinstance(row[DUE], dt.datetime)  # openpyxl reads an Excel date back as a datetime
        assert row[DUE].time() == dt.time.min
        assert isinstance(row[LATE], int)
    assert sheet.cell(row=2, column=RECEIVED + 1).number_format == export.DATETIME_FORMAT
    due_cell = next(c for c in sheet["G"][1:] if c.value is not None)
    assert due_cell.number_format == export.DATE_FORMAT
    public = next(r for r in rows if r[TITLE] == "Air PDAM keruh")
    assert public[CHANNEL] == str(Complaint.Channel.PHONE.label)
    assert (public[KECAMATAN], public[DESA]) == (directory.regions["63.02.07"].name, None)
    desa = next(r for r in rows if r[TITLE] != "Air PDAM keruh")
    region = directory.regions["63.02.06.2005"]
    assert (desa[KECAMATAN], desa[DESA]) == (region.parent.name, region.name)


def test_late_days_count_from_the_deadline_of_an_open_handling(known, directory):
    rows = _xlsx_rows(_get(_client(directory.koordinator), XLSX_URL).content)  # open: B only
    handling = known["b"].handlings.get(organisation=directory.coordinator)
    assert [r[CODE] for r in rows] == [known["b"].tracking_code]
    assert rows[0][DUE].date() == handling.due_date
    assert rows[0][LATE] == (TODAY.date() - handling.due_date).days > 0


def test_csv_parses_back_with_headers_local_times_and_attachment_name(known, directory):
    response = _get(_client(directory.petugas_pupr), CSV_URL)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tuntas-kotak-masuk-2026-03-20.csv"'
    header, *rows = _csv_rows(response.content)
    assert header == HEADERS
    assert sorted(r[CODE] for r in rows) == sorted([known["a"].tracking_code, known["c"].tracking_code])
    for row in rows:
        assert row[UNIT] == directory.pupr.name
        assert row[RECEIVED] == "2026-03-03 09:00"  # disposed to PUPR a day after filing, WITA
        dt.date.fromisoformat(row[DUE])
        int(row[LATE])


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_confidential_identity_hidden_from_viewer_role_as_on_the_page(known, directory, url):
    client = _client(directory.viewer)
    page = client.get(f"/console/pengaduan/{known['a'].pk}/").content
    content = _all_text(_get(client, url, {"status": "all"}).content)
    assert known["a"].tracking_code.encode() in content
    assert SENTINEL_NAME.encode() not in page
    assert SENTINEL_NAME.encode() not in content
    assert b"Identitas dirahasiakan" in content


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_confidential_identity_not_exported_to_a_role_that_may_reveal_it(known, directory, url):
    """The page shows the koordinator a reveal button, not the name: a confidential identity is opened one
    complaint at a time and recorded (IDENTITY_VIEWED), so a download never carries it."""
    client = _client(directory.koordinator)
    page = client.get(f"/console/pengaduan/{known['a'].pk}/").content.decode()
    assert "Tampilkan identitas" in page and SENTINEL_NAME not in page
    content = _all_text(_get(client, url, {"status": "all", "category": "jalan"}).content)
    assert known["a"].tracking_code.encode() in content
    assert SENTINEL_NAME.encode() not in content
    assert not known["a"].events.filter(kind="identity_viewed").exists()


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_public_reporter_named_to_a_working_role_as_on_the_page(known, directory, url):
    client = _client(directory.koordinator)
    page = client.get(f"/console/pengaduan/{known['b'].pk}/").content.decode()
    assert SENTINEL_NAME in page
    content = _all_text(_get(client, url, {"category": "air-bersih"}).content)
    assert SENTINEL_NAME.encode() in content


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_public_reporter_not_named_to_a_viewer_as_on_the_page(known, directory, url):
    client = _client(directory.viewer)
    page = client.get(f"/console/pengaduan/{known['b'].pk}/").content.decode()
    assert SENTINEL_NAME not in page
    content = _all_text(_get(client, url, {"category": "air-bersih"}).content)
    assert known["b"].tracking_code.encode() in content
    assert SENTINEL_NAME.encode() not in content


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_reporter_contact_details_never_exported(known, directory, url):
    content = _all_text(_get(_client(directory.koordinator), url, {"status": "all"}).content)
    for sentinel in (SENTINEL_EMAIL, SENTINEL_PHONE, SENTINEL_NIK):
        assert sentinel.encode() not in content


def test_anonymous_reporter_exported_as_anonymous(known, directory):
    rows = _xlsx_rows(_get(_client(directory.petugas_pupr), XLSX_URL).content)
    row = next(r for r in rows if r[CODE] == known["c"].tracking_code)
    assert row[REPORTER] == str(Complaint.Privacy.ANONYMOUS.label)


def test_other_organisations_handlings_are_not_exported(known, directory):
    codes = [r[CODE] for r in _xlsx_rows(_get(_client(directory.petugas_pupr), XLSX_URL).content)]
    assert known["b"].tracking_code not in codes  # only at the coordinator
    assert _xlsx_rows(_get(_client(directory.petugas_disdik), XLSX_URL, {"status": "all"}).content) == []


def test_text_is_never_written_as_a_formula(directory):
    with clock.frozen(START):
        complaint = services.complaint_submit(
            data=_input(title='=HYPERLINK("http://contoh.id","klik")', privacy=Complaint.Privacy.PUBLIC)
        ).complaint
    client = _client(directory.koordinator)
    sheet = _xlsx(_get(client, XLSX_URL).content)
    cell = sheet.cell(row=2, column=TITLE + 1)
    assert (cell.data_type, cell.value) == ("s", complaint.title)
    assert _csv_rows(_get(client, CSV_URL).content)[1][TITLE] == "'" + complaint.title


def test_download_is_recorded_in_the_audit_log(known, directory):
    _get(_client(directory.koordinator), XLSX_URL, {"status": "all"})
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.actor == directory.koordinator
    assert entry.organisation == directory.coordinator
    assert entry.target == "tuntas-kotak-masuk-2026-03-20.xlsx"
    assert entry.detail == {"list": "inbox", "format": "xlsx", "rows": 3, "query": "status=all"}


def test_over_the_limit_asks_to_narrow_the_filters(known, directory, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_LIMIT", 2)
    client = _client(directory.koordinator)
    response = _get(client, XLSX_URL, {"status": "all"})
    assert response.status_code == 302
    assert response["Location"] == "/console/?status=all"
    page = client.get(response["Location"]).content.decode()
    assert "terlalu panjang untuk diunduh" in page and "Persempit saringan" in page
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()
    assert _get(client, XLSX_URL, {"status": "open"}).status_code == 200  # one row: under the limit


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_signed_out_visitor_is_sent_to_sign_in(url, db):
    response = Client().get(url, {"status": "all"})
    assert response.status_code == 302
    assert response["Location"].startswith("/console/masuk/")


def test_rows_take_the_same_queries_whatever_their_number(known, directory, django_assert_num_queries):
    from tuntas.complaints import selectors
    from tuntas.complaints.selectors import InboxFilters

    user = directory.koordinator
    with django_assert_num_queries(4):
        table = export.inbox_rows(user, selectors.inbox(user, InboxFilters(status="all")))
    assert len(table) == 3
    with clock.frozen(START):
        for _ in range(3):
            services.complaint_submit(data=_input(privacy=Complaint.Privacy.PUBLIC))
    with django_assert_num_queries(4):
        table = export.inbox_rows(user, selectors.inbox(user, InboxFilters(status="all")))
    assert len(table) == 6


def test_inbox_links_to_the_downloads_with_the_current_filters(known, directory):
    client = _client(directory.koordinator)
    html = client.get("/console/", {"status": "all", "category": "jalan"}).content.decode()
    assert f'href="{CSV_URL}?status=all&amp;category=jalan"' in html
    assert f'href="{XLSX_URL}?status=all&amp;category=jalan"' in html
    partial = client.get(
        "/console/", {"status": "closed"}, headers={"HX-Request": "true", "HX-Target": "inbox-results"}
    )
    assert 'hx-swap-oob="true"' in partial.content.decode()
    assert f"{XLSX_URL}?status=closed" in partial.content.decode()


def test_bulk_identity_rule_agrees_with_the_complaint_page_rule(known, directory):
    """``public_identity_complaint_ids`` is ``can_see_identity`` for the public complaints, for every viewer."""
    from tuntas.complaints import access

    with clock.frozen(START):
        disposed = services.complaint_submit(data=_input(privacy=Complaint.Privacy.PUBLIC)).complaint
        services.handling_transition(
            actor=services.Actor(user=directory.koordinator),
            handling_id=disposed.handlings.get(organisation=directory.coordinator).pk,
            transition="verifikasi",
            data={"target": directory.pupr.pk},
        )
    complaints = [*known.values(), disposed]
    users = [
        directory.koordinator,
        directory.viewer,
        directory.petugas_pupr,
        directory.kadis_pupr,
        directory.petugas_disdik,
        directory.auditor,
    ]
    for user in users:
        expected = {
            c.pk
            for c in complaints
            if c.privacy == Complaint.Privacy.PUBLIC and access.can_see_identity(user, c)
        }
        assert access.public_identity_complaint_ids(user, [c.pk for c in complaints]) == expected, user
    assert disposed.pk in access.public_identity_complaint_ids(directory.petugas_pupr, [disposed.pk])
