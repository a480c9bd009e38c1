"""Guessing at one complaint's secret is stopped per tracking code, whatever the address, on every surface
that takes a secret (service, portal, API), and the refusal says nothing about whether a code exists."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from tuntas.complaints import services
from tuntas.core import clock
from tuntas.core.errors import NotFound, TooManyAttempts

AT = dt.datetime(2026, 3, 10, 9, 5, tzinfo=dt.UTC)


@pytest.fixture
def limit(settings):
    settings.TUNTAS_TRACK_GUESSES_PER_CODE = 3
    settings.TUNTAS_TRACK_GUESS_MINUTES = 60
    return 3


def _guess(code: str, times: int) -> None:
    for _ in range(times):
        with pytest.raises(NotFound):
            services.complaint_by_secret(code, "WRNG-WRNG-22")


def test_after_the_limit_even_the_right_secret_is_refused_until_the_window_ends(filed, limit):
    with clock.frozen(AT) as advance:
        _guess(filed.code, limit)
        with pytest.raises(TooManyAttempts) as refused:
            services.complaint_by_secret(filed.code, filed.secret)
        assert "coba lagi setelah pukul" in refused.value.message
        advance(dt.timedelta(hours=1))
        assert services.complaint_by_secret(filed.code, filed.secret) == filed.complaint


def test_fewer_failures_than_the_limit_do_not_stop_the_owner(filed, limit):
    with clock.frozen(AT):
        _guess(filed.code, limit - 1)
        assert services.complaint_by_secret(filed.code, filed.secret) == filed.complaint


def test_a_code_that_does_not_exist_is_refused_the_same_way(filed, limit):
    with clock.frozen(AT):
        _guess("KTB-ZZZZ-ZZ", limit)
        with pytest.raises(TooManyAttempts):
            services.complaint_by_secret("KTB-ZZZZ-ZZ", "WRNG-WRNG-22")
        # another code is untouched
        assert services.complaint_by_secret(filed.code, filed.secret) == filed.complaint


def test_guesses_from_many_addresses_add_up_on_the_portal(filed, limit):
    with clock.frozen(AT):
        for n in range(limit):
            browser = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
            r = browser.post("/lacak/", {"code": filed.code, "secret": "WRNG-WRNG-22"})
            assert r.status_code == 200
        owner = Client(REMOTE_ADDR="10.9.9.9")
        r = owner.post("/lacak/", {"code": filed.code, "secret": filed.secret})
        assert r.status_code == 429
        page = r.content.decode()
        assert "Terlalu banyak percobaan" in page
        assert filed.code in page  # the form keeps what was typed


def test_the_api_answers_429_too_many_attempts(filed, limit):
    api = Client()
    with clock.frozen(AT):
        for _ in range(limit):
            body = {"tracking_code": filed.code, "secret": "WRNG-WRNG-22"}
            assert api.post("/api/v1/track", body, content_type="application/json").status_code == 404
        body = {"tracking_code": filed.code, "secret": filed.secret}
        r = api.post("/api/v1/track", body, content_type="application/json")
    assert r.status_code == 429
    assert r.json()["code"] == "too_many_attempts"


def test_a_browser_that_proved_the_complaint_keeps_following_it(client, filed, limit):
    with clock.frozen(AT):
        assert client.post("/lacak/", {"code": filed.code, "secret": filed.secret}).status_code == 302
        _guess(filed.code, limit)
        assert client.get(f"/lacak/{filed.code}/").status_code == 200
