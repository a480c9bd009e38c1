"""The public statistics page (/statistik/) and the open data (/data/): figures by hand, small-count
suppression, no reporter data anywhere, only public complaints listed, stable schemas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.test import Client

from tests.insights.conftest import (
    SENTINEL_EMAIL,
    SENTINEL_NAME,
    SENTINEL_NIK,
    SENTINEL_PHONE,
    SENTINEL_TEXT,
    START,
    WITA,
    _input,
)
from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.core import clock
from tuntas.insights.figures import FigureFilters
from tuntas.insights.public import HIDDEN, LESS_THAN_3, public_figures, suppress_table

TODAY = dt.datetime(2026, 3, 20, 10, tzinfo=WITA)
YEAR_2026 = FigureFilters(since=dt.date(2026, 1, 1), until=dt.date(2026, 3, 20))
FILES = (
    "/data/pengaduan-agregat.csv",
    "/data/pengaduan-agregat.json",
    "/data/pengaduan-publik.csv",
    "/data/pengaduan-publik.json",
)
AGGREGATE_KEYS = [
    "bulan",
    "unit_kode",
    "unit_nama",
    "kategori_kode",
    "kategori_nama",
    "diterima",
    "selesai",
    "berjalan",
]
PUBLIC_KEYS = [
    "kode_lacak",
    "tanggal_diterima",
    "kategori_kode",
    "kategori_nama",
    "unit_kode",
    "unit_nama",
    "kecamatan_kode",
    "kecamatan_nama",
    "status",
    "tanggal_selesai",
]


@pytest.fixture
def spread(directory):
    """Five public road complaints in Pulaulaut Utara (Desa Sigam) and two confidential water complaints in
    Kelumpang Selatan, all on 2 March 2026, all still open at the coordinator."""
    with clock.frozen(START):
        public = [
            services.complaint_submit(data=_input(privacy=Complaint.Privacy.PUBLIC)).complaint
            for _ in range(5)
        ]
        confidential = [
            services.complaint_submit(data=_input(category="air-bersih", region_code="63.02.07")).complaint
            for _ in range(2)
        ]
    return {"public": public, "confidential": confidential}


def _get(path: str):
    with clock.frozen(TODAY):
        return Client().get(path)


def _by(rows):
    return {r.label: (r.received, r.closed, r.open) for r in rows}


def test_public_figures_computed_by_hand(spread, directory):
    with clock.frozen(TODAY):
        f = public_figures(YEAR_2026)
    assert (f.total.received, f.total.closed, f.total.open) == (7, 0, 7)
    assert [(m.start, m.received, m.closed) for m in f.months] == [
        (dt.date(2026, 1, 1), 0, 0),
        (dt.date(2026, 2, 1), 0, 0),
        (dt.date(2026, 3, 1), 7, 0),
    ]
    # Organisations are published exactly (handlings; all seven are still at the coordinator).
    assert _by(f.by_organisation) == {directory.coordinator.name: (7, 0, 7)}
    # Finer breakdowns: 2 reads "<3", and the 5 beside it "*" so that 7 - 5 does not give the 2 back.
    assert _by(f.by_kecamatan) == {
        "Pulaulaut Utara": (HIDDEN, 0, HIDDEN),
        "Kelumpang Selatan": (LESS_THAN_3, 0, LESS_THAN_3),
    }
    assert _by(f.by_category) == {
        "Jalan dan jembatan": (HIDDEN, 0, HIDDEN),
        "Air bersih": (LESS_THAN_3, 0, LESS_THAN_3),
    }


def test_public_figures_filtered_by_organisation(known, directory):
    with clock.frozen(TODAY):
        f = public_figures(
            FigureFilters(since=YEAR_2026.since, until=YEAR_2026.until, organisation=directory.pupr.pk)
        )
    # A and C were disposed to PUPR; B stayed at the coordinator. Complaints counted once, still open.
    assert (f.total.received, f.total.closed) == (2, 0)
    assert _by(f.by_organisation) == {directory.pupr.name: (2, 0, 2)}


def test_a_small_kecamatan_cannot_be_recovered_from_total_minus_others(spread):
    response = _get("/statistik/?tahun=2026")
    assert response.status_code == 200
    page = response.content.decode()
    assert "&lt;3</abbr>" in page
    with clock.frozen(TODAY):
        rows = public_figures(YEAR_2026).by_kecamatan
    published = [r.received for r in rows]
    assert LESS_THAN_3 in published
    # Total minus every published count never isolates one hidden cell: at least two are hidden.
    assert sum(not isinstance(n, int) for n in published) >= 2
    assert 7 - sum(n for n in published if isinstance(n, int)) != 2 or len(published) > 2


def test_suppression_hides_a_second_cell_in_every_row_and_column_with_one():
    cells = suppress_table([(10, 4, 6), (5, 5, 0), (2, 0, 2)])
    assert cells == [(10, HIDDEN, HIDDEN), (HIDDEN, HIDDEN, 0), (LESS_THAN_3, 0, LESS_THAN_3)]
    lines = [list(r) for r in cells] + [list(c) for c in zip(*cells, strict=True)]
    assert all(sum(not isinstance(v, int) for v in line) != 1 for line in lines)


def test_suppression_leaves_counts_of_three_or_more_alone():
    assert suppress_table([(3, 0, 3), (4, 4, 0)]) == [(3, 0, 3), (4, 4, 0)]


def test_no_reporter_data_or_text_on_the_page_or_in_any_file(known):
    with clock.frozen(START):
        secret_titles = ["Judul-Sentinel-Rahasia-Satu", "Judul-Sentinel-Anonim-Dua"]
        for title, privacy in zip(
            secret_titles, (Complaint.Privacy.CONFIDENTIAL, Complaint.Privacy.ANONYMOUS), strict=True
        ):
            services.complaint_submit(data=_input(title=title, privacy=privacy))
    sentinels = [SENTINEL_NAME, SENTINEL_EMAIL, SENTINEL_PHONE, SENTINEL_NIK, SENTINEL_TEXT, *secret_titles]
    sentinels += [c.title for c in Complaint.objects.all()]  # no title at all, public ones included
    for path in ("/statistik/", "/statistik/?tahun=2026", "/data/", *FILES):
        response = _get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        for s in sentinels:
            assert s not in body, (path, s)


def test_public_list_holds_only_public_complaints(known):
    records = json.loads(_get("/data/pengaduan-publik.json").content)["records"]
    b = known["b"]
    assert [r["kode_lacak"] for r in records] == [b.tracking_code]
    assert records[0] == {
        "kode_lacak": b.tracking_code,
        "tanggal_diterima": "2026-03-02",
        "kategori_kode": "air-bersih",
        "kategori_nama": "Air bersih",
        "unit_kode": "koordinator-kotabaru",
        "unit_nama": "Diskominfo Kotabaru (Koordinator Pengaduan)",
        "kecamatan_kode": "63.02.07",
        "kecamatan_nama": "Kelumpang Selatan",
        "status": "open",
        "tanggal_selesai": None,
    }


def test_json_schema_keys_are_stable(known):
    for path, keys in (
        ("/data/pengaduan-agregat.json", AGGREGATE_KEYS),
        ("/data/pengaduan-publik.json", PUBLIC_KEYS),
    ):
        body = json.loads(_get(path).content)
        assert list(body) == [
            "dataset",
            "title",
            "description",
            "licence",
            "generated_at",
            "suppressed",
            "fields",
            "records",
        ]
        assert body["licence"]["id"] == "CC-BY-4.0"
        assert dt.datetime.fromisoformat(body["generated_at"]) == TODAY
        assert [f["name"] for f in body["fields"]] == keys
        assert body["records"] and all(list(r) == keys for r in body["records"])


def test_aggregate_cells_are_suppressed(known):
    records = json.loads(_get("/data/pengaduan-agregat.json").content)["records"]
    assert {(r["bulan"], r["unit_kode"], r["kategori_kode"]) for r in records} == {
        ("2026-03", "koordinator-kotabaru", "air-bersih"),
        ("2026-03", "koordinator-kotabaru", "jalan"),
        ("2026-03", "dinas-pupr", "jalan"),
    }
    counts = [r[k] for r in records for k in ("diterima", "selesai", "berjalan")]
    assert not any(isinstance(n, int) and 0 < n < 3 for n in counts)
    assert LESS_THAN_3 in counts


def test_csv_parses_back_to_the_json_records(known):
    for name in ("pengaduan-agregat", "pengaduan-publik"):
        response = _get(f"/data/{name}.csv")
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        records = json.loads(_get(f"/data/{name}.json").content)["records"]
        assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]


def test_data_files_are_cacheable_and_dated(known):
    for path in FILES:
        response = _get(path)
        assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
        assert response["Last-Modified"] == "Fri, 20 Mar 2026 02:00:00 GMT"


def test_unknown_format_is_404(known):
    assert _get("/data/pengaduan-publik.xml").status_code == 404


def test_data_downloads_are_rate_limited(known, settings):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_OPEN_DATA = "2/m"
    codes = [_get("/data/pengaduan-agregat.csv").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_catalogue_lists_every_file(known):
    page = _get("/data/").content.decode()
    for path in FILES:
        assert path in page
    assert "CC BY 4.0" in page


def test_statistics_page_is_linked_from_the_portal(directory):
    page = _get("/").content.decode()
    assert 'href="/statistik/"' in page and 'href="/data/"' in page


def test_query_counts_do_not_grow_with_the_data(spread, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        assert _get("/statistik/?tahun=2026").status_code == 200
    for path in FILES:
        with django_assert_max_num_queries(4):
            assert _get(path).status_code == 200
