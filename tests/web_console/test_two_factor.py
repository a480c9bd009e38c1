"""Two-step sign-in (issue 16, access): who must set up an authenticator, that the console and the admin wait
for the code, that a wrong code is refused, throttled and recorded, and that the others are not held."""

from __future__ import annotations

import time

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuntas.audit.models import AuditEntry
from tuntas.directory.models import Organisation

pytestmark = pytest.mark.django_db

SETUP = "/console/masuk/pasang-dua-langkah/"
VERIFY = "/console/masuk/dua-langkah/"


@pytest.fixture
def required(settings):
    settings.TUNTAS_TWO_FACTOR = "required"


def code(device: TOTPDevice, *, ahead: int = 0) -> str:
    """The code the phone shows now (``ahead`` steps later, to make a second one)."""
    return f"{totp(device.bin_key, device.step, device.t0 - ahead * device.step, device.digits):06d}"


def enrol(client) -> TOTPDevice:  # noqa: ANN001
    client.get(SETUP)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SETUP, {"code": code(device), "next": "/console/"})
    assert response.status_code == 302 and response["Location"] == "/console/"
    return TOTPDevice.objects.get(pk=device.pk)


def test_a_coordinator_must_set_it_up_before_the_console_opens(directory, login, required):
    client = login(directory.koordinator)  # may open a confidential reporter's identity
    response = client.get("/console/?q=jalan")
    assert response.status_code == 302 and response["Location"] == f"{SETUP}?next=/console/%3Fq%3Djalan"
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "data-totp-key" in page
    device = TOTPDevice.objects.get(user=directory.koordinator, confirmed=False)
    assert device.config_url.startswith("otpauth://totp/Tuntas%3A") or "issuer=Tuntas" in device.config_url

    wrong = client.post(SETUP, {"code": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 422 and "Kode salah" in wrong.content.decode()
    assert AuditEntry.objects.filter(action="two_factor_failed", actor=directory.koordinator).exists()
    assert client.get("/console/").status_code == 302
    time.sleep(1.1)  # django-otp's wait after one wrong code

    device = enrol(client)
    assert device.confirmed
    assert client.get("/console/").status_code == 200
    assert AuditEntry.objects.filter(action="two_factor_enrolled", actor=directory.koordinator).exists()


def test_the_next_sign_in_asks_for_the_code_and_a_wrong_one_locks_it_for_a_while(directory, login, required):
    device = enrol(login(directory.koordinator))
    client = login(directory.koordinator)
    assert client.get("/console/pengiriman/")["Location"] == f"{VERIFY}?next=/console/pengiriman/"
    bad = client.post(VERIFY, {"code": "12345a"})
    assert bad.status_code == 422 and "6 angka" in bad.content.decode()
    client.post(VERIFY, {"code": code(device, ahead=5)})  # a wrong code
    refused = client.post(VERIFY, {"code": code(device, ahead=1), "next": "/console/"})
    assert refused.status_code == 422 and "Terlalu banyak kode salah" in refused.content.decode()
    time.sleep(1.1)
    ok = client.post(VERIFY, {"code": code(device, ahead=1), "next": "/console/pengiriman/"})
    assert ok.status_code == 302 and ok["Location"] == "/console/pengiriman/"
    assert client.get("/console/").status_code == 200
    again = client.post(VERIFY, {"code": code(device, ahead=1)})  # a used code is not taken twice
    assert again.status_code == 422


def test_a_next_address_elsewhere_is_not_followed(directory, login, required):
    client = login(directory.koordinator)
    client.get(SETUP)
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(SETUP, {"code": code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/console/"


def test_an_opd_officer_is_not_held_unless_the_organisation_asks(directory, login, required):
    client = login(directory.petugas_pupr)  # an OPD's petugas never opens a confidential identity
    assert client.get("/console/").status_code == 200
    Organisation.objects.filter(pk=directory.pupr.pk).update(requires_two_factor=True)
    again = login(directory.petugas_pupr)
    assert again.get("/console/")["Location"].startswith(SETUP)


def test_the_admin_site_waits_for_the_code_too(directory, login, required):
    directory.koordinator.is_staff = True
    directory.koordinator.save(update_fields=["is_staff"])
    client = login(directory.koordinator)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_sign_out_stays_open_while_the_step_is_owed(directory, login, required):
    client = login(directory.koordinator)
    assert client.post("/console/keluar/")["Location"] == "/console/masuk/"
    assert client.get("/console/")["Location"].startswith("/console/masuk/")  # signed out, not held


def test_optional_forces_nobody_but_asks_who_set_it_up(directory, login, settings):
    settings.TUNTAS_TWO_FACTOR = "optional"
    client = login(directory.koordinator)
    assert client.get("/console/").status_code == 200
    assert "pasang-dua-langkah" in client.get("/console/kata-sandi/").content.decode()
    enrol(client)
    assert login(directory.koordinator).get("/console/")["Location"].startswith(VERIFY)
    settings.TUNTAS_TWO_FACTOR = "off"
    assert login(directory.koordinator).get("/console/").status_code == 200
