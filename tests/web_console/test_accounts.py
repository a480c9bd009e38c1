"""Staff passwords in the console: reset by email through the outbox, change, and the sign-in error text."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tuntas.audit.models import AuditEntry
from tuntas.notify.models import OutboxMessage

NEW = "Kayu-Ulin-Kotabaru-2026"
OLD = "rahasia-uji-123"


@pytest.fixture
def staff(directory):
    user = directory.petugas_pupr
    user.email = "petugas.pupr@kotabarukab.go.id"
    user.save(update_fields=["email"])
    return user


def request_reset(client: Client, email: str):  # noqa: ANN201
    return client.post("/console/masuk/lupa-kata-sandi/", {"email": email}, follow=True)


def signs_in(username: str, password: str) -> bool:
    response = Client().post("/console/masuk/", {"username": username, "password": password})
    return response.status_code == 302


def test_reset_by_email_end_to_end(staff, settings, client):
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id"
    page = request_reset(client, "Petugas.PUPR@kotabarukab.go.id").content.decode()
    assert "Jika alamat itu terdaftar" in page
    message = OutboxMessage.objects.get(template="password_reset")
    assert message.recipient == staff.email and message.status == OutboxMessage.Status.PENDING
    link = re.search(r"https://lapor\.kotabarukab\.go\.id(/console/masuk/kata-sandi-baru/\S+/)", message.body)
    assert link, message.body
    form = client.get(link.group(1), follow=True)
    assert 'name="new_password1"' in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert done.redirect_chain[-1][0] == "/console/masuk/"
    assert signs_in("petugas.pupr", NEW) and not signs_in("petugas.pupr", OLD)
    actions = set(AuditEntry.objects.filter(actor=staff).values_list("action", flat=True))
    assert {AuditEntry.Action.PASSWORD_RESET_REQUESTED, AuditEntry.Action.PASSWORD_RESET} <= actions


def test_link_is_absolute_from_the_request_without_site_url(staff, settings, client):
    settings.TUNTAS_SITE_URL = ""
    request_reset(client, staff.email)
    assert "http://testserver/console/masuk/kata-sandi-baru/" in OutboxMessage.objects.get().body


def test_unknown_email_gets_the_same_answer_and_no_message(staff, client):
    known = request_reset(client, staff.email)
    unknown = request_reset(client, "tidak.ada@contoh.id")
    assert unknown.status_code == known.status_code == 200
    assert unknown.redirect_chain == known.redirect_chain
    assert OutboxMessage.objects.filter(recipient="tidak.ada@contoh.id").count() == 0
    assert OutboxMessage.objects.count() == 1


def test_inactive_account_gets_nothing(staff, client):
    staff.is_active = False
    staff.save(update_fields=["is_active"])
    assert "Jika alamat itu terdaftar" in request_reset(client, staff.email).content.decode()
    assert not OutboxMessage.objects.exists()


def test_used_or_bad_link_is_refused_with_a_friendly_page(staff, client):
    request_reset(client, staff.email)
    path = re.search(r"(/console/masuk/kata-sandi-baru/\S+/)", OutboxMessage.objects.get().body).group(1)
    form = client.get(path, follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    for url in (path, "/console/masuk/kata-sandi-baru/MQ/bukan-token/"):
        page = Client().get(url, follow=True)
        assert page.status_code == 200
        assert 'id="invalid-link"' in page.content.decode()
        assert 'name="new_password1"' not in page.content.decode()


def test_reset_form_is_rate_limited(staff, settings, client):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_PASSWORD_RESET = "2/h"
    cache.clear()
    assert request_reset(client, staff.email).status_code == 200
    assert request_reset(client, staff.email).status_code == 200
    assert client.post("/console/masuk/lupa-kata-sandi/", {"email": staff.email}).status_code == 429
    assert OutboxMessage.objects.count() == 2


def test_change_password_keeps_this_session_and_ends_the_others(staff, login):
    here, elsewhere = login(staff), login(staff)
    assert "Ubah kata sandi" in here.get("/console/").content.decode()
    response = here.post(
        "/console/kata-sandi/", {"old_password": OLD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert here.get("/console/").status_code == 200
    assert elsewhere.get("/console/").status_code == 302  # signed out by the new hash
    assert signs_in("petugas.pupr", NEW)
    assert AuditEntry.objects.filter(actor=staff, action=AuditEntry.Action.PASSWORD_CHANGED).exists()


def test_change_password_refuses_a_wrong_current_password(staff, login):
    client = login(staff)
    response = client.post(
        "/console/kata-sandi/", {"old_password": "salah", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 200
    assert "Kata sandi saat ini salah" in response.content.decode()
    assert signs_in("petugas.pupr", OLD)


def test_login_error_does_not_repeat_the_field_name(directory):
    page = (
        Client().post("/console/masuk/", {"username": "petugas.pupr", "password": "salah"}).content.decode()
    )
    assert "Nama pengguna atau kata sandi salah" in page
    assert "nama pengguna nama pengguna" not in page.lower()
    assert 'href="/console/masuk/lupa-kata-sandi/"' in page
