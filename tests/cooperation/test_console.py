"""Console pages: both sides see them, outsiders get 404, forms act through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.cooperation.conftest import TODAY, pdf_bytes, png_bytes
from tuntas.cooperation import services
from tuntas.cooperation.models import Activity, Training


@pytest.fixture
def pages(agreement, activity, training, area):
    return [
        "/console/kerja-sama/",
        f"/console/kerja-sama/{agreement.pk}/",
        f"/console/kerja-sama/bidang/{area.pk}/",
        f"/console/kerja-sama/kegiatan/{activity.pk}/",
        f"/console/kerja-sama/{agreement.pk}/pelatihan/",
        f"/console/kerja-sama/pelatihan/{training.pk}/",
        f"/console/kerja-sama/{agreement.pk}/dampak/",
    ]


@pytest.mark.parametrize("who", ["koordinator", "asisten", "petugas_pupr", "viewer"])
def test_pages_render_for_both_sides(login, directory, pages, who):
    client = login(getattr(directory, who))
    for url in pages:
        assert client.get(url).status_code == 200, url


def test_pages_are_404_for_another_regency(login, pages, outsider):
    client = login(outsider)
    for url in pages[1:]:
        assert client.get(url).status_code == 404, url
    assert "Kerja sama" in client.get(pages[0]).content.decode()


def test_overview_shows_area_progress_bars_without_inline_styles(login, directory, agreement, activity):
    services.activity_report(actor=directory.petugas_pupr, activity_id=activity.pk, progress=42)
    html = login(directory.asisten).get(f"/console/kerja-sama/{agreement.pk}/").content.decode()
    assert "co-bar__fill--40" in html and 'aria-valuenow="42"' in html
    assert "style=" not in html


def test_overdue_activity_is_listed_on_the_overview(login, directory, agreement, area, frozen):
    services.activity_create(
        actor=directory.koordinator,
        area_id=area.pk,
        title="Kajian terlambat",
        owner_id=directory.pupr.pk,
        due_on=TODAY - dt.timedelta(days=1),
    )
    html = login(directory.viewer).get(f"/console/kerja-sama/{agreement.pk}/").content.decode()
    assert "Kajian terlambat" in html and "c-row--overdue" in html


def test_manager_adds_an_activity(login, directory, area, frozen):
    response = login(directory.koordinator).post(
        f"/console/kerja-sama/bidang/{area.pk}/",
        {
            "title": "Maklumat pelayanan",
            "owner": directory.disdik.pk,
            "due_on": "2026-08-01",
            "description": "",
        },
    )
    activity = Activity.objects.get(title="Maklumat pelayanan")
    assert response["Location"] == f"/console/kerja-sama/kegiatan/{activity.pk}/"


def test_viewer_gets_no_activity_form(login, directory, area):
    html = login(directory.viewer).get(f"/console/kerja-sama/bidang/{area.pk}/").content.decode()
    assert "Tambah kegiatan" not in html


def test_owner_reports_progress_with_evidence(login, directory, activity):
    client = login(directory.petugas_pupr)
    response = client.post(
        f"/console/kerja-sama/kegiatan/{activity.pk}/kemajuan/",
        {
            "progress": "60",
            "status": "",
            "note": "Rapat pembahasan selesai.",
            "files": [
                SimpleUploadedFile("foto.png", png_bytes()),
                SimpleUploadedFile("notula.pdf", pdf_bytes()),
            ],
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.progress == 60 and activity.uploads.count() == 2
    html = client.get(response["Location"]).content.decode()
    assert "Rapat pembahasan selesai." in html and "notula.pdf" in html
    upload = activity.uploads.get(original_name="notula.pdf")
    assert client.get(f"/console/kerja-sama/berkas/{upload.pk}/").status_code == 200


def test_bad_evidence_is_shown_as_an_error(login, directory, activity):
    response = login(directory.petugas_pupr).post(
        f"/console/kerja-sama/kegiatan/{activity.pk}/kemajuan/",
        {"progress": "10", "files": [SimpleUploadedFile("virus.exe", b"MZ\x90\x00binary")]},
    )
    assert response.status_code == 422
    assert "bukan gambar" in response.content.decode()


def test_files_are_404_for_outsiders(login, directory, activity, outsider):
    entry = services.activity_report(
        actor=directory.petugas_pupr, activity_id=activity.pk, progress=5, files=[("b.pdf", pdf_bytes())]
    )
    upload = entry.uploads.get()
    assert login(outsider).get(f"/console/kerja-sama/berkas/{upload.pk}/").status_code == 404


def test_another_opd_gets_no_progress_form(login, directory, activity):
    html = (
        login(directory.petugas_disdik).get(f"/console/kerja-sama/kegiatan/{activity.pk}/").content.decode()
    )
    assert "Laporkan kemajuan" not in html


def test_manager_uploads_the_agreement_pdf(login, directory, agreement):
    response = login(directory.asisten).post(
        f"/console/kerja-sama/{agreement.pk}/dokumen/",
        {"document": SimpleUploadedFile("nk.pdf", pdf_bytes())},
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.document.original_name == "nk.pdf"


def test_manager_records_a_training_and_its_attendance(login, directory, agreement, frozen):
    client = login(directory.asisten)
    response = client.post(
        f"/console/kerja-sama/{agreement.pk}/pelatihan/",
        {
            "kind": "sosialisasi",
            "title": "Sosialisasi maladministrasi",
            "starts_on": TODAY.isoformat(),
            "ends_on": "",
            "organiser": directory.ombudsman.pk,
            "place": "Aula",
            "activity": "",
            "description": "",
        },
    )
    training = Training.objects.get(title="Sosialisasi maladministrasi")
    assert response["Location"] == f"/console/kerja-sama/pelatihan/{training.pk}/"
    response = client.post(
        f"/console/kerja-sama/pelatihan/{training.pk}/peserta/",
        {"organisation": directory.pupr.pk, "invited": "3", "users": [directory.petugas_pupr.pk]},
    )
    assert response.status_code == 302
    participation = training.participations.get()
    named = participation.participants.get()
    response = client.post(
        f"/console/kerja-sama/pelatihan/{training.pk}/presensi/",
        {f"count_{participation.pk}": "2", "came": [named.pk]},
    )
    assert response.status_code == 302
    participation.refresh_from_db()
    named.refresh_from_db()
    assert participation.attended == 2 and named.attended is True


def test_report_page_has_the_caveat_and_window_choice(login, directory, agreement):
    html = login(directory.viewer).get(f"/console/kerja-sama/{agreement.pk}/dampak/?hari=30").content.decode()
    assert "Korelasi bukan sebab-akibat" in html and 'href="?hari=30" aria-current="true"' in html


def test_coordinator_records_an_agreement_in_the_console(login, directory, frozen):
    response = login(directory.koordinator).post(
        "/console/kerja-sama/",
        {
            "pemkab": directory.pemkab.pk,
            "ombudsman": directory.ombudsman.pk,
            "title": "Nota kesepakatan pelayanan publik",
            "number_pemkab": "",
            "number_ombudsman": "",
            "signed_on": "2026-01-27",
            "valid_from": "2026-01-27",
            "valid_until": "2030-12-31",
            "summary": "",
            "is_public": "on",
        },
    )
    agreement = directory.pemkab.agreements_as_pemkab.get()
    assert response["Location"] == f"/console/kerja-sama/{agreement.pk}/"
    assert agreement.areas.count() == 4


def test_opd_staff_get_no_form_to_record_an_agreement(login, directory):
    assert (
        "Catat nota kesepakatan"
        not in login(directory.kadis_pupr).get("/console/kerja-sama/").content.decode()
    )


def test_manager_edits_the_agreement(login, directory, agreement):
    data = {
        "title": agreement.title,
        "number_pemkab": "100/02",
        "number_ombudsman": agreement.number_ombudsman,
        "signed_on": "2026-01-27",
        "valid_from": "2026-01-27",
        "valid_until": "2030-12-31",
        "summary": "",
        "expected_revision": agreement.revision,
    }
    response = login(directory.asisten).post(f"/console/kerja-sama/{agreement.pk}/ubah/", data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.number_pemkab == "100/02" and agreement.is_public is False


def test_stale_edit_is_refused(login, directory, agreement):
    data = {
        "title": "Judul baru sekali",
        "signed_on": "2026-01-27",
        "valid_from": "2026-01-27",
        "valid_until": "2030-12-31",
        "expected_revision": agreement.revision - 1,
    }
    response = login(directory.asisten).post(f"/console/kerja-sama/{agreement.pk}/ubah/", data)
    assert response.status_code == 422


def test_overview_query_count_is_pinned(
    login, directory, agreement, area, frozen, django_assert_max_num_queries
):
    for i in range(6):
        services.activity_create(
            actor=directory.koordinator,
            area_id=area.pk,
            title=f"Kegiatan {i}",
            owner_id=directory.pupr.pk,
            due_on=TODAY - dt.timedelta(days=i),
        )
    client = login(directory.viewer)
    with django_assert_max_num_queries(14):
        assert client.get(f"/console/kerja-sama/{agreement.pk}/").status_code == 200
