"""The error pages: each in the look of the part of the site asked for (console, portal, API, Open311), in the
viewer's language, with its status kept."""

from __future__ import annotations

import json

import pytest
from django.test import Client, RequestFactory

from tuntas.web import errors

CONSOLE_MENU = 'aria-label="Menu konsol"'
PORTAL_MENU = 'aria-label="Menu utama"'


@pytest.fixture
def login():
    def _login(user) -> Client:  # noqa: ANN001
        client = Client()
        client.force_login(user)
        return client

    return _login


def test_console_403_is_a_console_page_naming_the_missing_role(directory, login):
    response = login(directory.petugas_pupr).get("/console/pengiriman/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "403 Forbidden" not in html
    assert CONSOLE_MENU in html and PORTAL_MENU not in html
    assert "Akun Anda tidak memiliki peran untuk halaman ini" in html
    assert "admin unit" in html  # whom to ask
    assert "Petugas (Dinas PUPR)" in html  # the roles the account has now
    assert 'href="/console/"' in html  # back to the inbox


def test_console_403_carries_the_refusals_own_sentence(directory, login, rf):
    from django.core.exceptions import PermissionDenied

    request = rf.get("/console/pengiriman/")
    request.user = directory.petugas_pupr
    response = errors.permission_denied(request, PermissionDenied("Hanya admin yang dapat mengirim ulang."))
    assert response.status_code == 403
    assert "Hanya admin yang dapat mengirim ulang." in response.content.decode()


def test_console_404_has_the_console_layout_not_the_portal_menu(directory, login):
    response = login(directory.petugas_pupr).get("/console/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert CONSOLE_MENU in html and PORTAL_MENU not in html
    assert "Halaman tidak ditemukan" in html
    assert "Kotak masuk" in html  # the console's menu


def test_console_404_for_a_visitor_not_signed_in_offers_sign_in(db):
    response = Client().get("/console/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert CONSOLE_MENU in html and PORTAL_MENU not in html
    assert 'href="/console/masuk/"' in html
    assert "Kotak masuk" not in html


def test_portal_404_has_the_portal_layout_with_home_and_tracking_links(db):
    response = Client().get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert PORTAL_MENU in html and CONSOLE_MENU not in html
    assert "Halaman tidak ditemukan" in html
    assert 'href="/lacak/"' in html


def test_api_404_is_the_apis_json_error(db):
    response = Client().get("/api/tidak-ada/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    body = response.json()  # the API's own catch-all route answers it, in the same shape as our handler
    assert body["code"] == "not_found" and set(body) == {"code", "message", "errors"}


@pytest.mark.parametrize("suffix", [".json", ""])
def test_open311_404_is_an_open311_error_list(db, suffix):
    response = Client().get(f"/open311/v2/tidak-ada{suffix}")
    assert response.status_code == 404
    assert response.json() == [{"code": 404, "description": "Tidak ditemukan."}]


def test_open311_404_in_xml_for_an_xml_path(db):
    response = Client().get("/open311/v2/tidak-ada.xml")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/xml")
    assert b"<errors><error><code>404</code>" in response.content


def test_error_page_is_in_the_viewers_language(directory, login):
    client = login(directory.petugas_pupr)
    response = client.get("/console/pengiriman/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert '<html lang="en">' in response.content.decode()


def test_error_page_follows_the_language_cookie(db):
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()


def test_error_page_defaults_to_indonesian(db):
    assert '<html lang="id">' in Client().get("/tidak-ada-halaman-ini/").content.decode()


def test_csrf_failure_is_a_friendly_form_expired_page(directory):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/console/masuk/",
        {"username": "koordinator", "password": "salah"},
        HTTP_REFERER="http://testserver/console/masuk/",
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulir sudah kedaluwarsa" in html
    assert "Muat ulang halaman formulir" in html
    assert 'href="http://testserver/console/masuk/"' in html  # back to the form
    assert "CSRF" not in html and "Forbidden" not in html


def test_csrf_failure_on_the_portal_has_the_portal_layout(db):
    response = Client(enforce_csrf_checks=True).post("/lacak/", {"code": "X", "secret": "Y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert PORTAL_MENU in html and "Formulir sudah kedaluwarsa" in html


def test_csrf_failure_ignores_a_referer_from_another_site(db):
    response = Client(enforce_csrf_checks=True).post(
        "/lacak/", {"code": "X"}, HTTP_REFERER="https://jahat.example/form"
    )
    assert response.status_code == 403
    assert "jahat.example" not in response.content.decode()


def test_ratelimited_page_keeps_coba_lagi_and_429(db):
    request = RequestFactory().get("/lacak/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = errors.ratelimited(request, Exception())
    assert response.status_code == 429
    assert "Coba lagi beberapa saat lagi" in response.content.decode()


def test_ratelimited_api_is_json(db):
    response = errors.ratelimited(RequestFactory().post("/api/complaints"), Exception())
    assert response.status_code == 429
    assert json.loads(response.content) == {
        "code": "rate_limited",
        "message": "Terlalu banyak permintaan. Coba lagi beberapa saat lagi.",
        "errors": {},
    }


def test_400_is_a_styled_page(db):
    response = Client().get("/", HTTP_HOST="bukan-host-kita.example")  # DisallowedHost
    assert response.status_code == 400
    assert "Permintaan tidak dapat diproses" in response.content.decode()


@pytest.fixture
def failing_urls(settings):
    settings.ROOT_URLCONF = "tests.web.urls_failing"


def test_console_500_has_the_console_layout_and_the_request_id(directory, failing_urls):
    client = Client(raise_request_exception=False)
    client.force_login(directory.koordinator)
    response = client.get("/console/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert CONSOLE_MENU in html and "Terjadi kesalahan di server" in html
    assert "data-request-id" in html


def test_portal_500_has_the_portal_layout(db, failing_urls):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert PORTAL_MENU in html and "Terjadi kesalahan di server" in html


def test_api_500_is_json(db, failing_urls):
    # The API's own views answer their errors themselves (api.api._server_error); this is a view under
    # /api/ that is not the API's.
    response = Client(raise_request_exception=False).get("/api/boom/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"


def test_console_500_falls_back_when_the_console_layout_breaks(directory, failing_urls, monkeypatch):
    from tuntas.web.console import common

    def broken(request):  # noqa: ANN001, ANN202 - the console's menu reading a database that is gone
        raise RuntimeError("database is gone")

    monkeypatch.setattr(common, "console_context", broken)
    client = Client(raise_request_exception=False)
    client.force_login(directory.koordinator)
    response = client.get("/console/boom/")
    assert response.status_code == 500
    assert "Terjadi kesalahan di server" in response.content.decode()
