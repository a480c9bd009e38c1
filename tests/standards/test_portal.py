"""The standards on the citizen portal: the registry and its search, one standard, the consultation page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tests.standards.conftest import NOW
from tuntas.standards import services
from tuntas.standards.models import Component

TODAY = NOW.date()


def page(client: Client, url: str, status: int = 200, **headers) -> str:  # noqa: ANN003
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def test_registry_lists_published_services_by_organisation(
    client, directory, published, make_service, make_draft
):
    make_draft(make_service("Layanan yang masih draf"))
    html = page(client, "/standar-pelayanan/")
    assert "Dinas PUPR" in html
    assert 'href="/standar-pelayanan/dinas-pupr/izin-galian-jalan/"' in html
    assert "5 hari kerja" in html and "Gratis" in html
    assert "Layanan yang masih draf" not in html


@pytest.mark.parametrize("q", ["galian", "GALIAN jalan", "pupr", "Dinas PUPR galian"])
def test_search_by_service_or_organisation_name(client, published, q):
    html = page(client, f"/standar-pelayanan/?q={q}")
    assert "Izin galian jalan" in html


def test_search_without_results_says_so(client, published):
    html = page(client, "/standar-pelayanan/?q=akta+kelahiran")
    assert "Izin galian jalan" not in html
    assert "Tidak ada standar pelayanan yang cocok dengan “akta kelahiran”." in html


def test_standard_page_shows_the_14_components_and_the_facts(client, published):
    html = page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/")
    for component in Component.objects.all():
        assert f'id="komponen-{component.code}"' in html
        assert component.name in html
    assert (
        html.index("Penyampaian pelayanan") < html.index("Persyaratan") < html.index("Pengelolaan pelayanan")
    )
    assert html.index("Pengelolaan pelayanan") < html.index("Dasar hukum")
    assert "<dd>5 hari kerja</dd>" in html and "<dd>Gratis</dd>" in html
    assert "<li>Persyaratan: baris pertama</li>" in html  # a text of several lines reads as a list
    service_id = published.service_id
    assert (
        f'href="/lapor/?layanan=Izin+galian+jalan&amp;layanan_id={service_id}&amp;instansi=dinas-pupr"'
        in html
    )
    assert "Lapor masalah layanan ini" in html
    assert 'href="/standar-pelayanan/dinas-pupr/izin-galian-jalan/poster.pdf"' in html


def test_report_link_prefills_the_complaint_form(client, published):
    html = page(client, "/lapor/?layanan=Izin+galian+jalan&instansi=dinas-pupr")
    assert 'name="service_name" value="Izin galian jalan"' in html
    assert '<option value="dinas-pupr" selected>' in html


def test_standard_page_shows_the_version_in_force(directory, client, published, make_draft):
    v2 = make_draft(published.service, texts={"produk": "Surat izin versi dua"})
    assert "Surat izin versi dua" not in page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/")
    services.standard_publish(actor=directory.kadis_pupr, standard_id=v2.pk)
    html = page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/")
    assert "Surat izin versi dua" in html
    assert "Versi 2" in html


@pytest.mark.parametrize(
    "url",
    [
        "/standar-pelayanan/dinas-pupr/layanan-draf/",
        "/standar-pelayanan/dinas-pupr/layanan-draf/poster.pdf",
        "/standar-pelayanan/dinas-pupr/tidak-ada/",
        "/standar-pelayanan/dinas-pendidikan/izin-galian-jalan/",
        "/standar-pelayanan/dinas-pupr/izin-galian-jalan/konsultasi/",
    ],
)
def test_unpublished_or_unknown_standards_are_404(client, published, make_service, make_draft, url):
    make_draft(make_service("Layanan draf"))
    page(client, url, status=404)


def test_inactive_service_is_hidden(client, published):
    published.service.is_active = False
    published.service.save()
    page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/", status=404)
    assert "Izin galian jalan" not in page(client, "/standar-pelayanan/")


def test_component_names_in_english(client, published):
    html = page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Requirements" in html and "Complaints, suggestions and feedback" in html


def test_registry_and_standard_pages_use_few_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        page(client, "/standar-pelayanan/")
    with django_assert_max_num_queries(8):
        page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/")


# --- consultation ---------------------------------------------------------------------------------------------


@pytest.fixture
def revision(directory, published, make_draft, frozen):
    """Version 2 under consultation until TODAY + 7."""
    v2 = make_draft(published.service, texts={"jangka_waktu": "3 hari kerja"}, days=3)
    return services.standard_open_consultation(
        actor=directory.petugas_pupr, standard_id=v2.pk, closes_on=TODAY + dt.timedelta(days=7)
    )


CONSULTATION = "/standar-pelayanan/dinas-pupr/izin-galian-jalan/konsultasi/"


def test_consultation_is_announced_on_the_registry_and_the_standard(client, revision):
    assert CONSULTATION in page(client, "/standar-pelayanan/")
    html = page(client, "/standar-pelayanan/dinas-pupr/izin-galian-jalan/")
    assert "Perubahan standar ini sedang dikonsultasikan." in html
    assert "<dd>5 hari kerja</dd>" in html  # the page still shows the version in force


def test_consultation_page_shows_the_draft_and_takes_comments(client, revision):
    html = page(client, CONSULTATION)
    assert "<dd>3 hari kerja</dd>" in html
    assert "Konsultasi publik dibuka sampai 11 Maret 2026." in html
    response = client.post(
        CONSULTATION, {"component": "jangka_waktu", "text": "Tiga hari sudah bagus.", "name": ""}
    )
    assert response.status_code == 302 and response["Location"].endswith("#masukan")
    html = page(client, CONSULTATION)
    assert "Tiga hari sudah bagus." in html and "Tanpa nama" in html


def test_consultation_form_errors_keep_the_text(client, revision):
    response = client.post(CONSULTATION, {"component": "", "text": "", "name": "Budi"})
    assert response.status_code == 422
    assert 'value="Budi"' in response.content.decode()
    assert revision.comments.count() == 0


def test_closed_consultation_takes_no_comments(client, revision, frozen):
    frozen(dt.timedelta(days=8))
    html = page(client, CONSULTATION)
    assert "Konsultasi publik sudah ditutup." in html
    assert 'name="text"' not in html
    response = client.post(CONSULTATION, {"text": "Terlambat tapi tetap mencoba."}, follow=True)
    assert "tidak sedang dibuka" in response.content.decode()
    assert revision.comments.count() == 0


def test_hidden_comments_stay_off_the_portal(directory, client, revision):
    comment = services.consultation_comment_add(
        standard_id=revision.pk, text="Komentar kasar yang disembunyikan."
    )
    services.consultation_comment_hide(actor=directory.petugas_pupr, comment_id=comment.pk)
    assert "Komentar kasar" not in page(client, CONSULTATION)


def test_comments_are_rate_limited(client, revision, settings):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_CONSULTATION = "2/h"
    codes = [
        client.post(
            CONSULTATION, {"text": f"Masukan nomor {n} dari warga."}, REMOTE_ADDR="10.9.8.7"
        ).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
    assert revision.comments.count() == 2
