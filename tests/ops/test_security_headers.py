"""Headers and session rules every response carries, checked on a portal page and a console page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/console/masuk/", "/api/v1/categories"])
def test_every_response_switches_off_unused_browser_features(path):
    response = Client().get(path)

    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=(self)" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_staff_session_ends_with_the_browser_and_hours_after_signing_in():
    UserFactory(username="petugas.sesi", password="sandi-rahasia-123")
    client = Client()

    response = client.post("/console/masuk/", {"username": "petugas.sesi", "password": "sandi-rahasia-123"})
    assert response.status_code == 302  # signed in
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]

    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    session = client.session
    assert session.get_expiry_age() == 8 * 3600
    assert session.get_expiry_date() - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=8)
