"""The console dashboard: figures per viewer, drill-down links that list exactly those handlings."""

from __future__ import annotations

import re
from html import unescape

from django.test import Client

from tests.insights.conftest import SENTINEL_EMAIL, SENTINEL_NAME, SENTINEL_NIK, SENTINEL_TEXT

PERIOD = {"dari": "2026-03-01", "sampai": "2026-03-31"}


def _client(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def _links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="(/console/\?[^"]+)"', html)]


def _listed(client: Client, url: str) -> int:
    return client.get(url).context["page"].paginator.count


def test_dashboard_shows_the_opd_its_own_figures_and_links_to_its_inbox(known, directory):
    client = _client(directory.petugas_pupr)
    response = client.get("/console/statistik/", PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Penanganan masuk" in html
    links = _links(html)
    assert links, "every number of the OPD's own handlings is a drill-down link"
    for sentinel in (SENTINEL_NAME, SENTINEL_EMAIL, SENTINEL_NIK, SENTINEL_TEXT):
        assert sentinel not in html
    # The total "masuk" link lists exactly the two PUPR handlings in the inbox.
    total = next(h for h in links if "status=all" in h and "category" not in h and "channel" not in h)
    assert _listed(client, total) == 2


def test_drill_down_by_category_matches_the_figure(known, directory):
    client = _client(directory.koordinator)
    html = client.get(
        "/console/statistik/", {**PERIOD, "organisation": directory.coordinator.pk}
    ).content.decode()
    link = next(h for h in _links(html) if "category=air-bersih" in h and "status=all" in h)
    assert _listed(client, link) == 1


def test_regency_figures_of_other_units_have_no_link(known, directory):
    client = _client(directory.koordinator)
    html = client.get("/console/statistik/", PERIOD).content.decode()
    assert (
        f"organisation={directory.pupr.pk}" not in html
    )  # PUPR's handlings are not in the coordinator's inbox
    assert f"organisation={directory.coordinator.pk}" in html
    assert directory.pupr.name in html or "Dinas PUPR" in html


def test_dashboard_needs_login(db):
    response = Client().get("/console/statistik/")
    assert response.status_code == 302


def test_every_drill_down_lists_as_many_handlings_as_its_number(known, directory):
    client = _client(directory.koordinator)
    html = client.get(
        "/console/statistik/", {**PERIOD, "organisation": directory.coordinator.pk}
    ).content.decode()
    pairs = [(unescape(h), int(n)) for h, n in re.findall(r'<a href="(/console/\?[^"]+)">(\d+)</a>', html)]
    assert len(pairs) > 10
    for url, number in pairs:
        assert _listed(client, url) == number, url
