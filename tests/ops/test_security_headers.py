"""Headers and session rules every response carries, checked on a portal page and a console page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/console/login/", "/api/v1/categories"])
def test_every_response_switches_off_unused_browser_features(path):
    response = Client().get(path)

    policy = response["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy and "geolocation=(self)" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_staff_session_ends_with_the_browser_and_after_hours_without_a_request():
    user = UserFactory(username="petugas.sesi")
    client = Client()
    client.force_login(user)

    response = client.get("/console/")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]  # saved on every request: the end moves on

    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    session = client.session
    assert session.get_expiry_age() == 8 * 3600
    assert session.get_expiry_date() - dt.datetime.now(dt.UTC) <= dt.timedelta(hours=8)
