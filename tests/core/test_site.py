"""Absolute links in messages: TUNTAS_SITE_URL, else the address of the request being served, else a path;
and the warning a production process logs at start when the address is not configured."""

from __future__ import annotations

import logging

from django.test import RequestFactory

from tuntas.core import site
from tuntas.ops import startup


def _with_request(host: str, secure: bool = False):  # noqa: ANN202
    request = RequestFactory().get("/console/", HTTP_HOST=host, secure=secure)
    return site.current_request.set(request)


def test_the_configured_address_wins(settings):
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id/"
    settings.ALLOWED_HOSTS = ["tuntas.lan"]
    token = _with_request("tuntas.lan")
    try:
        assert site.absolute_url("/lacak/KTB-1/") == "https://lapor.kotabarukab.go.id/lacak/KTB-1/"
    finally:
        site.current_request.reset(token)


def test_without_the_setting_the_request_address_is_used(settings):
    settings.TUNTAS_SITE_URL = ""
    settings.ALLOWED_HOSTS = ["tuntas.lan"]
    token = _with_request("tuntas.lan", secure=True)
    try:
        assert site.absolute_url("/lacak/KTB-1/") == "https://tuntas.lan/lacak/KTB-1/"
    finally:
        site.current_request.reset(token)


def test_a_host_django_refuses_gives_no_address(settings):
    settings.TUNTAS_SITE_URL = ""
    settings.ALLOWED_HOSTS = ["tuntas.lan"]
    token = _with_request("evil.example")
    try:
        assert site.absolute_url("/lacak/KTB-1/") == "/lacak/KTB-1/"
    finally:
        site.current_request.reset(token)


def test_no_request_and_no_setting_leaves_the_path(settings):
    settings.TUNTAS_SITE_URL = ""
    assert site.current_request.get() is None
    assert site.absolute_url("/lacak/KTB-1/") == "/lacak/KTB-1/"


def test_production_start_warns_when_the_address_is_missing(settings, monkeypatch, caplog):
    settings.TUNTAS_SITE_URL = ""
    monkeypatch.setattr(startup, "is_production", lambda: True)
    with caplog.at_level(logging.WARNING, logger="tuntas.ops"):
        startup.warn_at_start()
    assert any("TUNTAS_SITE_URL is not set" in r.getMessage() for r in caplog.records)
    caplog.clear()
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id"
    with caplog.at_level(logging.WARNING, logger="tuntas.ops"):
        startup.warn_at_start()
    assert not caplog.records
