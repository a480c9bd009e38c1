"""Surveys in the console: the units' survey periods, opening and closing them, the results with the respondent
profile, and who may see and do what."""

from __future__ import annotations

from tests.factories import UserFactory, member
from tuntas.surveys.models import Survey


def test_index_lists_the_units_periods_with_their_respondents(login, directory, survey, respond):
    respond(survey, 4)
    html = login(directory.petugas_pupr).get("/console/survei/").content.decode()
    assert "Dinas PUPR" in html and "Izin galian jalan" in html
    assert f'href="/console/survei/{survey.pk}/"' in html
    assert "Dibuka" in html and ">1</td>" in html
    assert 'action="/console/survei/baru/"' in html


def test_opening_a_period_from_the_console(login, directory, service, frozen):
    client = login(directory.kadis_pupr)
    response = client.post(
        "/console/survei/baru/",
        {"target": f"svc:{service.pk}", "title": "Semester I", "closes_on": "2026-06-30"},
    )
    survey = Survey.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/console/survei/{survey.pk}/"
    assert (survey.service, survey.title, str(survey.closes_on)) == (service, "Semester I", "2026-06-30")


def test_opening_for_the_unit_itself(login, directory, frozen):
    login(directory.petugas_pupr).post("/console/survei/baru/", {"target": f"org:{directory.pupr.pk}"})
    assert Survey.objects.get().service is None


def test_a_second_running_period_is_refused_with_a_message(login, directory, survey, service):
    response = login(directory.petugas_pupr).post(
        "/console/survei/baru/", {"target": f"svc:{service.pk}"}, follow=True
    )
    assert "Masih ada periode survei yang berjalan" in response.content.decode()
    assert Survey.objects.count() == 1


def test_bad_dates_render_the_form_again(login, directory, service, frozen):
    response = login(directory.petugas_pupr).post(
        "/console/survei/baru/", {"target": f"svc:{service.pk}", "opens_on": "2026-01-01"}
    )
    assert response.status_code == 422
    assert "Tanggal mulai tidak boleh sebelum hari ini." in response.content.decode()


def test_another_units_service_is_not_a_choice(login, directory, service, frozen):
    response = login(directory.petugas_disdik).post("/console/survei/baru/", {"target": f"svc:{service.pk}"})
    assert response.status_code == 422
    assert not Survey.objects.exists()


def test_survey_page_shows_ikm_elements_profile_suggestions_and_qr_links(login, directory, survey, respond):
    respond(survey, 4, profile={"jenis_kelamin": "P", "pendidikan": "s1"}, suggestion="Ruang tunggu sempit.")
    respond(survey, 2, profile={"jenis_kelamin": "L"}, channel="qr")
    html = login(directory.petugas_pupr).get(f"/console/survei/{survey.pk}/").content.decode()
    assert "75,00" in html and "Kurang Baik" in html
    assert "Persyaratan" in html and "Sarana dan prasarana" in html
    assert "Perempuan" in html and "1 (50%)" in html and "S1" in html
    assert "Kode QR di loket" in html
    assert "Ruang tunggu sempit." in html
    assert 'href="/survei/dinas-pupr/izin-galian-jalan/poster/"' in html
    assert 'href="/survei/dinas-pupr/izin-galian-jalan/qr.svg"' in html
    assert f'action="/console/survei/{survey.pk}/tutup/"' in html


def test_closing_from_the_console(login, directory, survey):
    client = login(directory.kadis_pupr)
    response = client.post(f"/console/survei/{survey.pk}/tutup/", follow=True)
    assert "Periode survei ditutup" in response.content.decode()
    survey.refresh_from_db()
    assert survey.closed_at is not None and survey.closed_by == directory.kadis_pupr


def test_a_viewer_reads_results_but_cannot_open_or_close(login, directory, survey):
    viewer = member(UserFactory(username="pemantau.pupr"), directory.pupr, "viewer")
    client = login(viewer)
    html = client.get(f"/console/survei/{survey.pk}/").content.decode()
    assert "tutup/" not in html
    assert 'action="/console/survei/baru/"' not in client.get("/console/survei/").content.decode()
    client.post(f"/console/survei/{survey.pk}/tutup/")
    survey.refresh_from_db()
    assert survey.closed_at is None


def test_other_units_surveys_are_404(login, directory, survey):
    client = login(directory.petugas_disdik)
    assert client.get(f"/console/survei/{survey.pk}/").status_code == 404
    assert client.post(f"/console/survei/{survey.pk}/tutup/").status_code == 404
    assert client.get(f"/console/survei/unit/{directory.pupr.pk}/").status_code == 404
    assert "Izin galian jalan" not in client.get("/console/survei/").content.decode()


def test_unit_results_per_period(login, directory, survey, org_survey, respond):
    respond(survey, 4)
    respond(org_survey, 3)
    html = (
        login(directory.petugas_pupr)
        .get(f"/console/survei/unit/{directory.pupr.pk}/?tahun=2026&periode=s1")
        .content.decode()
    )
    assert "Semester I 2026" in html
    assert "87,50" in html and "Izin galian jalan" in html and "Unit secara umum" in html


def test_console_needs_a_login(client, survey):
    response = client.get("/console/survei/")
    assert response.status_code == 302 and "/console/masuk/" in response["Location"]
