"""The location picker on a phone: with tiles configured, a tap on the map drops the marker and fills the
coordinate boxes; typing coordinates moves the marker. Tiles come from the live server (any image will do),
so the test needs no internet and still goes through the CSP's img-src."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

TILE = "/static/tuntas/vendor/leaflet-1.9.4/images/layers.png?z={z}&x={x}&y={y}"


@pytest.fixture
def map_page(live_server, directory, new_page, settings):  # noqa: ANN001, ANN201
    # The page on localhost, the tiles on 127.0.0.1: another origin, as a real tile server, so they load
    # only if the page names that host in img-src.
    port = live_server.url.rsplit(":", 1)[1]
    settings.TUNTAS_MAP_TILES = f"http://127.0.0.1:{port}{TILE}"
    settings.TUNTAS_MAP_ATTRIBUTION = "Peta uji"
    page = new_page(390, 844)
    page.csp_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and page.csp_errors.append(m.text))
    page.goto(f"http://localhost:{port}/lapor/")
    return page


def test_a_tap_on_the_map_fills_the_coordinates(map_page):
    page = map_page
    leaflet_map = page.locator("[data-map]")
    expect(leaflet_map).to_be_visible()
    expect(page.locator(".leaflet-tile-loaded").first).to_be_attached()
    leaflet_map.scroll_into_view_if_needed()
    leaflet_map.click(position={"x": 120, "y": 90})
    lat, lon = page.locator("#id_latitude"), page.locator("#id_longitude")
    expect(lat).to_have_value(re.compile(r"^-?\d+\.\d{6}$"))
    expect(lon).to_have_value(re.compile(r"^\d+\.\d{6}$"))
    # Zoom 9 around -3.3, 115.0: a tap up and left of the centre is north-west of it.
    assert -3.3 < float(lat.input_value()) < -2.0 and 114.0 < float(lon.input_value()) < 115.0
    marker = page.locator(".leaflet-marker-icon")
    expect(marker).to_be_visible()
    # imagePath found the vendored icon: wait for it to load (a 404 never does, and the wait times out).
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=marker.element_handle(), timeout=10_000
    )
    assert not page.csp_errors, page.csp_errors
    expect(page.get_by_role("button", name="Perbesar")).to_be_visible()  # Leaflet's controls in Indonesian


def test_typed_coordinates_move_the_marker(map_page):
    page = map_page
    expect(page.locator("[data-map]")).to_be_visible()
    page.locator("[data-map]").click(position={"x": 60, "y": 60})
    marker = page.locator(".leaflet-marker-icon")
    expect(marker).to_be_visible()
    page.locator("#id_latitude").fill("-3.300000")
    page.locator("#id_longitude").fill("115.000000")
    page.locator("#id_longitude").press("Tab")
    # The map re-centres on the typed point: the marker ends up at the map's centre.
    page.wait_for_function(
        """() => {
          const m = document.querySelector('.leaflet-marker-icon').getBoundingClientRect();
          const box = document.querySelector('[data-map]').getBoundingClientRect();
          const x = m.left + m.width / 2, y = m.bottom;
          return Math.abs(x - (box.left + box.width / 2)) < 3 && Math.abs(y - (box.top + box.height / 2)) < 3;
        }""",
        timeout=5000,
    )
    assert page.locator("#id_latitude").input_value() == "-3.300000"  # typing is never rewritten


def test_use_my_location_moves_the_marker_there(map_page):
    page = map_page
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"latitude": -3.2391, "longitude": 116.2216})
    expect(page.locator("[data-map]")).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(0)
    page.get_by_role("button", name="Gunakan lokasi saya").click()
    expect(page.locator("#id_latitude")).to_have_value("-3.239100")
    expect(page.locator("#id_longitude")).to_have_value("116.221600")
    expect(page.locator(".leaflet-marker-icon")).to_be_visible()
