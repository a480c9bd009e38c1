"""The survey on the citizen portal: the form, the thank-you page, the guards, the QR code and the results."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from tuntas.surveys import services
from tuntas.surveys.models import Response

FORM = "/survei/dinas-pupr/izin-galian-jalan/"


def form_data(value: int = 4, **extra: str) -> dict[str, str]:
    data = {f"u{n}": str(value) for n in range(1, 10)}
    data.update(extra)
    return data


def page(client, url: str, status: int = 200) -> str:  # noqa: ANN001
    response = client.get(url)
    assert response.status_code == status, response.content[:800]
    return response.content.decode()


def test_form_has_nine_labelled_radio_groups_and_an_optional_profile(client, survey):
    html = page(client, FORM)
    assert html.count("<fieldset") >= 10  # nine questions + jenis kelamin
    assert html.count('type="radio"') == 9 * 4 + 2
    assert "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan" in html
    assert "Tidak sesuai" in html and "Sangat sesuai" in html and "Dikelola dengan baik" in html
    assert '<label for="id_u1_0"><input type="radio" name="u1" value="1"' in html
    assert 'name="pendidikan"' in html and "Tidak ingin menyebutkan" in html
    assert 'name="name"' not in html and 'name="phone"' not in html


def test_form_in_english(client, survey):
    client.cookies["django_language"] = "en"
    html = client.get(FORM, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "How well do the requirements fit the kind of service?" in html
    assert "Very appropriate" in html


def test_submitting_records_a_response_and_thanks(client, survey):
    response = client.post(FORM, form_data(3, jenis_kelamin="L", usia="40-49", suggestion="Mantap"))
    assert response.status_code == 302 and response["Location"] == "/survei/terima-kasih/"
    saved = Response.objects.get()
    assert (saved.survey, saved.channel, saved.gender, saved.age, saved.suggestion) == (
        survey,
        "portal",
        "L",
        "40-49",
        "Mantap",
    )
    html = page(client, "/survei/terima-kasih/")
    assert "Terima kasih" in html and "Izin galian jalan" in html
    assert 'href="/survei/hasil/dinas-pupr/izin-galian-jalan/"' in html


def test_qr_channel_is_recorded(client, survey):
    html = page(client, FORM + "?kanal=qr")
    assert 'name="channel" value="qr"' in html
    client.post(FORM, form_data(4, channel="qr"))
    assert Response.objects.get().channel == "qr"


def test_a_missing_answer_shows_the_form_again_with_the_answers_kept(client, survey):
    data = form_data(2)
    del data["u5"]
    response = client.post(FORM, data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Ada isian yang perlu diperbaiki" in html
    assert 'href="#id_u5_0"' in html and "Pilih salah satu jawaban." in html
    assert 'name="u1" value="2" required id="id_u1_1" checked' in html
    assert not Response.objects.exists()


def test_the_same_browser_is_asked_not_to_answer_twice(client, survey):
    client.post(FORM, form_data(4))
    html = page(client, FORM)
    assert "Anda sudah mengisi survei ini dari perangkat ini" in html
    assert 'type="radio"' not in html
    client.post(FORM, form_data(1))
    assert Response.objects.count() == 1


def test_the_guard_lapses(client, survey, settings, frozen):
    settings.TUNTAS_SURVEY_REPEAT_HOURS = 0
    client.post(FORM, form_data(4))
    client.post(FORM, form_data(4))
    assert Response.objects.count() == 2


def test_another_browser_may_answer(client, survey):
    from django.test import Client

    client.post(FORM, form_data(4))
    Client().post(FORM, form_data(3))
    assert Response.objects.count() == 2


def test_submit_is_rate_limited(client, survey, settings):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_SURVEY = "2/m"
    settings.TUNTAS_SURVEY_REPEAT_HOURS = 0
    cache.clear()
    assert client.post(FORM, form_data(4)).status_code == 302
    assert client.post(FORM, form_data(4)).status_code == 302
    assert client.post(FORM, form_data(4)).status_code == 429
    assert client.get(FORM).status_code == 200  # reading the form is not limited
    assert Response.objects.count() == 2


def test_no_running_survey_says_so(client, service):
    html = page(client, FORM)
    assert "sedang tidak dibuka" in html
    assert 'href="/survei/hasil/dinas-pupr/izin-galian-jalan/"' in html


def test_a_survey_closed_while_the_form_was_open_refuses_politely(client, survey, directory):
    page(client, FORM)
    services.survey_close(actor=directory.kadis_pupr, survey_id=survey.pk)
    response = client.post(FORM, form_data(4), follow=True)
    assert "sedang tidak dibuka" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "url", ["/survei/dinas-pupr/tidak-ada/", "/survei/tidak-ada/", "/survei/hasil/tidak-ada/"]
)
def test_unknown_services_and_units_are_404(client, survey, url):
    assert client.get(url).status_code == 404


def test_organisation_level_form(client, org_survey):
    html = page(client, "/survei/dinas-pupr/")
    assert "Dinas PUPR" in html and html.count('type="radio"') == 38
    assert client.post("/survei/dinas-pupr/", form_data(2)).status_code == 302
    assert Response.objects.get().survey == org_survey


def test_qr_code_svg_holds_the_form_address(client, survey):
    response = client.get(FORM + "qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    root = ET.fromstring(response.content)  # noqa: S314 (our own output)
    assert root.tag.endswith("svg")
    import segno

    expected = segno.make("http://testserver/survei/dinas-pupr/izin-galian-jalan/?kanal=qr", error="m")
    assert expected.svg_inline(scale=10, border=4).split("<path")[1][:200] in response.content.decode()


def test_printable_poster_shows_the_service_and_an_inline_qr(client, survey):
    html = page(client, FORM + "poster/")
    assert "Izin galian jalan" in html and "Dinas PUPR" in html
    assert "<svg" in html and "<script" not in html.split("<main")[1].split("</main>")[0]
    assert "http://testserver/survei/dinas-pupr/izin-galian-jalan/" in html
    assert 'href="/static/tuntas/surveys.css"' in html


def test_results_page_lists_units_and_services_with_ikm_grade_and_respondents(client, survey, respond):
    respond(survey, 4)
    respond(survey, 3)
    html = page(client, "/survei/hasil/")
    assert "Tahun 2026" in html
    assert "Dinas PUPR" in html and "Izin galian jalan" in html
    assert "87,50" in html and ">B<" in html and "2 responden" in html
    assert "Kurang dari 30 responden" in html


def test_results_by_quarter(client, survey, respond, frozen):
    respond(survey, 4)
    html = page(client, "/survei/hasil/?tahun=2026&periode=q1")
    assert "Triwulan I 2026" in html and "Belum ada jawaban survei" in html
    html = page(client, "/survei/hasil/?tahun=2026&periode=q2")
    assert "100,00" in html


def test_service_results_show_the_elements(client, survey, respond):
    respond(survey, 4, 4, 4, 4, 4, 4, 4, 4, 1)
    html = page(client, "/survei/hasil/dinas-pupr/izin-galian-jalan/")
    assert "Sarana dan prasarana" in html and "1,000" in html and "25,00" in html
    assert "91,67" in html  # (8 x 4 + 1) / 9 x 25
    assert 'href="/survei/dinas-pupr/izin-galian-jalan/"' in html  # "Isi survei kepuasan"


def test_results_in_english_use_a_decimal_point(client, survey, respond):
    respond(survey, 4, 4, 4, 4, 4, 4, 4, 4, 1)
    client.cookies["django_language"] = "en"
    html = client.get(
        "/survei/hasil/dinas-pupr/izin-galian-jalan/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "91.67" in html and "Very good" in html


def test_many_respondents_drop_the_small_sample_note(client, survey, respond, settings):
    settings.TUNTAS_SURVEY_MIN_RESPONDENTS = 2
    respond(survey, 4)
    respond(survey, 4)
    html = page(client, "/survei/hasil/dinas-pupr/izin-galian-jalan/")
    assert "Kurang dari 2 responden" not in html


def test_standard_page_links_to_the_survey_and_its_results(client, directory, frozen):
    from tests.standards.conftest import full_texts
    from tuntas.standards import services as standards

    svc = standards.service_create(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, name="Izin galian jalan"
    )
    draft = standards.standard_draft_new(actor=directory.petugas_pupr, service_id=svc.pk)
    standards.standard_update(
        actor=directory.petugas_pupr,
        standard_id=draft.pk,
        texts=full_texts(),
        values={"jangka_waktu": 5, "biaya": 0},
    )
    standards.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk)
    url = "/standar-pelayanan/dinas-pupr/izin-galian-jalan/"
    html = page(client, url)
    assert 'href="/survei/hasil/dinas-pupr/izin-galian-jalan/"' in html
    assert "Isi survei kepuasan" not in html
    services.survey_open(actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, service_id=svc.pk)
    html = page(client, url)
    assert 'href="/survei/dinas-pupr/izin-galian-jalan/"' in html and "Isi survei kepuasan" in html
    assert 'href="/standar-pelayanan/dinas-pupr/izin-galian-jalan/"' in page(
        client, "/survei/hasil/dinas-pupr/izin-galian-jalan/"
    )


def test_thanks_without_a_response_goes_to_the_results(client):
    response = client.get("/survei/terima-kasih/")
    assert response.status_code == 302 and response["Location"] == "/survei/hasil/"


def test_a_survey_opening_later_is_not_yet_open(client, directory, service, frozen):
    services.survey_open(
        actor=directory.petugas_pupr,
        organisation_id=directory.pupr.pk,
        service_id=service.pk,
        opens_on=dt.date(2026, 6, 1),
    )
    assert "sedang tidak dibuka" in page(client, FORM)


def test_the_small_sample_note_shows_only_when_a_result_is_small(client, survey, respond, settings):
    settings.TUNTAS_SURVEY_MIN_RESPONDENTS = 2
    respond(survey, 4)
    assert "Kurang dari 2 responden" in page(client, "/survei/hasil/")
    respond(survey, 4)
    assert "Kurang dari 2 responden" not in page(client, "/survei/hasil/")
    assert "Kurang dari 2 responden" not in page(client, "/survei/hasil/dinas-pupr/")
