"""Console and portal pages: the dashboard (counts, schematic map, filtered list paged and grouped per
kecamatan), a village's page showing each side only the step it may take, the forms' round trips, and the
portal's list of designated villages."""

from __future__ import annotations

import pytest

from tests.villages.conftest import png_bytes
from tuntas.villages.models import Stage


@pytest.fixture
def dashboard_url(dam) -> str:
    return f"/console/dam/program/{dam.programme.pk}/"


def test_dashboard_shows_counts_map_and_table(login, dam, designated, dashboard_url):
    html = login(dam.auditor).get(dashboard_url).content.decode()
    assert "Peta skematis" in html and 'class="v-map"' in html
    assert html.count('class="v-cell v-stage--') == 2  # one cell per desa
    assert "v-stage--ditetapkan" in html and "Pulaulaut Utara" in html
    assert 'style="' not in html  # CSP: classes, never style attributes


def test_dashboard_filters_by_stage_and_kecamatan(login, dam, designated, dashboard_url):
    client = login(dam.asisten)
    html = client.get(dashboard_url, {"tahap": Stage.DITETAPKAN}).content.decode()
    table = html.split('id="v-table"')[1]
    assert "Sigam" in table and "Stagen" not in table
    html = client.get(dashboard_url, {"kecamatan": "63.02.07"}).content.decode()
    assert "0 desa." in html.split('id="v-table"')[1]


def add_villages(dam, kecamatan: dict[str, int]) -> None:
    """Enrol ``n`` more desa in each of the given new kecamatan (code -> n)."""
    from tuntas.directory.models import Organisation, Region
    from tuntas.villages import services

    for code, n in kecamatan.items():
        kec = Region.objects.create(
            code=code, name=f"Kecamatan {code[-2:]}", level=3, kind="kecamatan", parent_id="63.02"
        )
        for i in range(1, n + 1):
            region = Region.objects.create(
                code=f"{code}.2{i:03d}", name=f"Desa {code[-2:]}-{i:03d}", level=4, kind="desa", parent=kec
            )
            Organisation.objects.create(
                name=f"Pemerintah Desa {region.name}",
                slug=f"desa-{code[-2:]}-{i:03d}",
                kind_id="desa",
                parent=dam.d.pemkab,
                region=region,
            )
    services.programme_sync_villages(actor=dam.kepala, programme_id=dam.programme.pk)


def groups_of(html: str) -> list[str]:
    """The kecamatan names on the summary lines of the list, in order."""
    table = html.split('id="v-table"')[1]
    return [part.split("</span>")[0] for part in table.split('class="v-group__name">')[1:]]


def test_dashboard_groups_villages_per_kecamatan_with_its_counts(login, dam, designated, dashboard_url):
    add_villages(dam, {"63.02.90": 3})
    html = login(dam.auditor).get(dashboard_url).content.decode()
    assert groups_of(html) == ["Kecamatan 90", "Pulaulaut Utara"]  # by name
    pulaulaut = html.split('class="v-group__name">Pulaulaut Utara')[1].split("</details>")[0]
    assert "2 desa · 1 dinilai · 1 terverifikasi · 1 ditetapkan" in pulaulaut
    assert "Sigam" in pulaulaut and "Stagen" in pulaulaut and "Desa 90-001" not in pulaulaut
    assert "<details" in html and " open>" not in html.split('id="v-table"')[1]  # two groups: closed


def test_dashboard_kecamatan_filter_opens_its_one_group(login, dam, designated, dashboard_url):
    add_villages(dam, {"63.02.90": 3})
    html = login(dam.auditor).get(dashboard_url, {"kecamatan": "63.02.90"}).content.decode()
    assert groups_of(html) == ["Kecamatan 90"]
    assert '<details class="v-group" open>' in html and "Sigam" not in html.split('id="v-table"')[1]


def test_dashboard_pages_fifty_villages_and_its_links_keep_the_filters(login, dam, dashboard_url):
    add_villages(dam, {"63.02.90": 30, "63.02.91": 30})  # 62 desa, all belum komitmen
    client = login(dam.auditor)
    first = client.get(dashboard_url, {"tahap": Stage.BELUM_KOMITMEN}).content.decode()
    table = first.split('id="v-table"')[1]
    assert "62 desa." in table and "Ditampilkan 1–50." in table
    assert table.count("<tr>") == 50 + 2  # 50 rows, one header row per kecamatan group
    assert f'href="?tahap={Stage.BELUM_KOMITMEN}&amp;page=2#v-table"' in table
    assert "20 di halaman ini" in table  # Kecamatan 91 goes on to the next page
    second = client.get(dashboard_url, {"tahap": Stage.BELUM_KOMITMEN, "page": 2}).content.decode()
    assert groups_of(second) == ["Kecamatan 91", "Pulaulaut Utara"]
    assert "Ditampilkan 51–62." in second and "page=1#v-table" in second


def test_dashboard_query_count_does_not_grow_with_the_villages(
    login, dam, designated, dashboard_url, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(dam.kepala)
    client.get(dashboard_url)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(dashboard_url).status_code == 200
    add_villages(dam, {"63.02.90": 40, "63.02.91": 40})
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(dashboard_url).status_code == 200


def test_dashboard_is_404_for_a_unit_outside_the_programme(login, dam, dashboard_url):
    assert login(dam.d.petugas_pupr).get(dashboard_url).status_code == 404
    assert login(dam.operator).get(dashboard_url).status_code == 404


def test_village_page_shows_the_operator_the_instrument_form(login, dam, filled):
    p = dam.participation(dam.sigam)
    html = login(dam.operator).get(f"/console/dam/desa/{p.pk}/").content.decode()
    assert 'name="a_sp_ditetapkan"' in html and "Ajukan untuk verifikasi" in html
    assert "Lulus verifikasi" not in html


def test_operator_cannot_see_another_village_page(login, dam, filled):
    other = dam.participation(dam.stagen)
    assert login(dam.operator).get(f"/console/dam/desa/{other.pk}/").status_code == 404


def test_forms_round_trip_answers_evidence_submit_verify_and_designate(login, dam, round_, frozen):
    p = dam.participation(dam.sigam)
    auditor = login(dam.auditor)
    response = auditor.post(f"/console/dam/desa/{p.pk}/komitmen/", {"signed_on": "2022-10-19"})
    assert response.status_code == 302
    operator = login(dam.operator)
    operator.post(f"/console/dam/desa/{p.pk}/mulai/")
    assessment = p.assessments.get()
    from tuntas.villages import services
    from tuntas.villages.scoring import best_answers

    instrument = services.instrument_for(assessment)
    data = {f"a_{code}": value for code, value in best_answers(instrument).items()}
    for i in instrument.indicators:
        if i.evidence_required:
            from django.core.files.uploadedfile import SimpleUploadedFile

            data[f"f_{i.code}"] = SimpleUploadedFile(f"{i.code}.png", png_bytes(), content_type="image/png")
    operator.post(f"/console/dam/penilaian/{assessment.pk}/jawaban/", data)
    assert services.missing_for_submission(assessment) == {}
    operator.post(f"/console/dam/penilaian/{assessment.pk}/ajukan/")
    auditor.post(
        f"/console/dam/penilaian/{assessment.pk}/verifikasi/1/",
        {"decision": "return", "notes": "Perbaiki foto."},
    )
    assessment.refresh_from_db()
    assert assessment.stage == Stage.DIKEMBALIKAN
    assert "Perbaiki foto." in operator.get(f"/console/dam/desa/{p.pk}/").content.decode()
    operator.post(f"/console/dam/penilaian/{assessment.pk}/ajukan/")
    auditor.post(f"/console/dam/penilaian/{assessment.pk}/verifikasi/1/", {"decision": "pass"})
    login(dam.asisten).post(f"/console/dam/penilaian/{assessment.pk}/verifikasi/2/", {"decision": "pass"})
    login(dam.kepala).post(
        f"/console/dam/penilaian/{assessment.pk}/tetapkan/",
        {"designated_on": "2026-03-04", "decree_number": "Nomor 7/DAM/2026"},
    )
    p.refresh_from_db()
    assert p.stage == Stage.DITETAPKAN and p.decree_number == "Nomor 7/DAM/2026"


def test_a_refused_step_comes_back_as_a_message(login, dam, submitted):
    p = dam.participation(dam.sigam)
    response = login(dam.operator).post(
        f"/console/dam/penilaian/{submitted.pk}/verifikasi/1/", {"decision": "pass"}, follow=True
    )
    assert "tidak berwenang" in response.content.decode()
    assert dam.participation(dam.sigam).stage == p.stage == Stage.VERIFIKASI_PEMKAB


def test_evidence_download_is_404_for_other_villages(login, dam, filled):
    evidence = filled.evidence.first()
    assert login(dam.operator).get(f"/console/dam/bukti/{evidence.pk}/").status_code == 200
    assert login(dam.operator_stagen).get(f"/console/dam/bukti/{evidence.pk}/").status_code == 404


def test_portal_lists_designated_villages_with_counts_and_certificate_links(client, dam, designated):
    response = client.get("/desa-anti-maladministrasi/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Desa yang sudah ditetapkan" in html and "Sigam" in html and "4 Maret 2026" in html
    assert f"/desa-anti-maladministrasi/{dam.programme.slug}/desa-sigam/sertifikat.pdf" in html
    assert "Belum komitmen" in html  # Stagen, counted by stage


def test_portal_hides_a_programme_that_is_not_public(client, dam):
    dam.programme.is_public = False
    dam.programme.save()
    assert client.get(f"/desa-anti-maladministrasi/{dam.programme.slug}/").status_code == 404


def test_dashboard_stays_within_a_query_budget(
    login, dam, designated, dashboard_url, django_assert_max_num_queries
):
    client = login(dam.kepala)
    with django_assert_max_num_queries(20):
        assert client.get(dashboard_url).status_code == 200
