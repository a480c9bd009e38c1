"""Staff pages: the units' services, the draft editor, consultation, comments and publication."""

from __future__ import annotations

import datetime as dt

from tests.factories import UserFactory
from tests.standards.conftest import NOW, full_texts
from tuntas.standards import services
from tuntas.standards.models import Service, ServiceStandard

Status = ServiceStandard.Status
TODAY = NOW.date()


def editor_data(standard: ServiceStandard, **overrides) -> dict:  # noqa: ANN003
    data = {f"c_{code}": text for code, text in full_texts().items()}
    data.update(expected_revision=standard.revision, time_limit_days="5", cost_rupiah="0")
    data.update(overrides)
    return data


def test_nav_reaches_the_standards_through_the_prevention_page(login, directory):
    client = login(directory.petugas_pupr)
    assert 'href="/console/pencegahan/"' in client.get("/console/").content.decode()
    assert 'href="/console/standar/"' in client.get("/console/pencegahan/").content.decode()


def test_index_lists_only_the_users_units(login, directory, published):
    html = login(directory.petugas_pupr).get("/console/standar/").content.decode()
    assert "Izin galian jalan" in html and "Tambah layanan" in html
    html = login(directory.petugas_disdik).get("/console/standar/").content.decode()
    assert "Izin galian jalan" not in html


def test_viewer_gets_no_form_to_add_a_service(login, directory):
    html = login(directory.viewer).get("/console/standar/").content.decode()
    assert "Tambah layanan" not in html


def test_petugas_drafts_a_standard_from_scratch(login, directory, frozen):
    client = login(directory.petugas_pupr)
    response = client.post(
        "/console/standar/layanan/baru/",
        {
            "organisation": directory.pupr.pk,
            "name": "Rekomendasi teknis jalan",
            "slug": "",
            "description": "",
        },
    )
    service = Service.objects.get(slug="rekomendasi-teknis-jalan")
    assert response["Location"] == f"/console/standar/layanan/{service.pk}/"
    response = client.post(f"/console/standar/layanan/{service.pk}/draf-baru/")
    draft = service.standards.get()
    assert response["Location"] == f"/console/standar/versi/{draft.pk}/"
    html = client.get(response["Location"]).content.decode()
    assert html.count("<textarea") == 14 and 'name="time_limit_days"' in html and 'name="cost_rupiah"' in html
    response = client.post(f"/console/standar/versi/{draft.pk}/", editor_data(draft))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.time_limit_days, draft.cost_rupiah) == (5, 0)
    assert (
        draft.components.get(component__code="produk").text == "Produk pelayanan: baris pertama\nbaris kedua"
    )
    response = client.post(
        f"/console/standar/versi/{draft.pk}/konsultasi/",
        {"konsultasi-opens_on": "", "konsultasi-closes_on": (TODAY + dt.timedelta(days=10)).isoformat()},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.KONSULTASI


def test_editor_errors_are_shown_next_to_the_field(login, directory, make_service):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    response = login(directory.petugas_pupr).post(
        f"/console/standar/versi/{draft.pk}/", editor_data(draft, cost_rupiah="-5")
    )
    assert response.status_code == 422
    assert "Periksa isian yang ditandai." in response.content.decode()
    assert draft.components.exclude(text="").count() == 0


def test_an_edit_over_a_newer_one_is_refused(login, directory, make_service):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    stale = editor_data(draft)
    services.standard_update_component(
        actor=directory.kadis_pupr, standard_id=draft.pk, code="produk", text="Baru"
    )
    response = login(directory.petugas_pupr).post(f"/console/standar/versi/{draft.pk}/", stale, follow=True)
    assert "sudah diubah orang lain" in response.content.decode()
    assert draft.components.get(component__code="produk").text == "Baru"


def test_published_version_is_read_only(login, directory, published):
    client = login(directory.kadis_pupr)
    html = client.get(f"/console/standar/versi/{published.pk}/").content.decode()
    assert "<textarea" not in html and "Berlaku sejak" in html
    response = client.post(f"/console/standar/versi/{published.pk}/", editor_data(published), follow=True)
    assert "tidak dapat diubah" in response.content.decode()


def test_other_units_drafts_are_404(login, directory, make_service, make_draft):
    draft = make_draft(make_service())
    client = login(directory.petugas_disdik)
    assert client.get(f"/console/standar/versi/{draft.pk}/").status_code == 404
    assert client.get(f"/console/standar/layanan/{draft.service_id}/").status_code == 404
    assert client.post(f"/console/standar/versi/{draft.pk}/terbitkan/", {}).status_code == 404


def test_only_pimpinan_sees_and_uses_publish(login, directory, make_service, make_draft):
    draft = make_draft(make_service())
    petugas = login(directory.petugas_pupr)
    assert "Terbitkan standar" not in petugas.get(f"/console/standar/versi/{draft.pk}/").content.decode()
    response = petugas.post(
        f"/console/standar/versi/{draft.pk}/terbitkan/", {"terbit-decree": ""}, follow=True
    )
    assert "Hanya pimpinan atau admin" in response.content.decode()
    kadis = login(directory.kadis_pupr)
    html = kadis.get(f"/console/standar/versi/{draft.pk}/").content.decode()
    assert "Terbitkan standar" in html and "belum melalui konsultasi publik" in html
    response = kadis.post(f"/console/standar/versi/{draft.pk}/terbitkan/", {"terbit-decree": "SK 7/2026"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.decree) == (Status.PUBLISHED, "SK 7/2026")


def test_incomplete_draft_lists_what_is_missing(login, directory, make_service, make_draft):
    draft = make_draft(make_service(), texts={"persyaratan": "KTP-el"}, days=None)
    html = login(directory.kadis_pupr).get(f"/console/standar/versi/{draft.pk}/").content.decode()
    assert "Lengkapi dulu:" in html and "<li>Jangka waktu penyelesaian: angka</li>" in html
    assert "Terbitkan standar" not in html


def test_staff_read_and_hide_comments(login, directory, make_service, make_draft, frozen):
    draft = make_draft(make_service())
    services.standard_open_consultation(
        actor=directory.petugas_pupr, standard_id=draft.pk, closes_on=TODAY + dt.timedelta(days=3)
    )
    comment = services.consultation_comment_add(standard_id=draft.pk, text="Tolong tambahkan jam layanan.")
    client = login(directory.petugas_pupr)
    html = client.get(f"/console/standar/versi/{draft.pk}/").content.decode()
    assert (
        "Tolong tambahkan jam layanan." in html
        and "Dapat diterbitkan setelah konsultasi publik ditutup" not in html
    )
    response = client.post(f"/console/standar/masukan/{comment.pk}/sembunyikan/", {"hidden": "1"})
    assert response["Location"] == f"/console/standar/versi/{draft.pk}/#masukan"
    comment.refresh_from_db()
    assert comment.is_hidden
    kadis_html = login(directory.kadis_pupr).get(f"/console/standar/versi/{draft.pk}/").content.decode()
    assert "Dapat diterbitkan setelah konsultasi publik ditutup" in kadis_html


def test_superuser_sees_units_with_services_not_every_village(login, directory, published):
    admin = UserFactory(username="superadmin", is_superuser=True, is_staff=True)
    html = login(admin).get("/console/standar/").content.decode()
    assert "Izin galian jalan" in html
    assert directory.desa.name not in html.split("Tambah layanan")[0]  # not a card of its own
