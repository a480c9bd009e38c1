"""The complaint form's map picker: Leaflet and the map only when tiles are configured, the tile host then
allowed in the CSP's img-src, and the plain coordinate boxes always there."""

from __future__ import annotations

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

OSM = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"


def img_src(response) -> str:  # noqa: ANN001
    policy = response["Content-Security-Policy"]
    return next(d for d in policy.split(";") if d.strip().startswith("img-src"))


@override_settings(TUNTAS_MAP_TILES="")
def test_without_tiles_no_leaflet_and_the_boxes_as_before(client, directory):
    response = client.get("/lapor/")
    html = response.content.decode()
    assert "leaflet" not in html and "data-map-picker" not in html
    assert 'name="latitude"' in html and 'name="longitude"' in html
    assert "tile.openstreetmap.org" not in img_src(response)


@override_settings(TUNTAS_MAP_TILES=OSM, TUNTAS_MAP_ATTRIBUTION="&copy; OpenStreetMap")
def test_with_tiles_the_map_comes_with_leaflet_and_the_boxes_stay(client, directory):
    html = client.get("/lapor/").content.decode()
    assert 'href="/static/tuntas/vendor/leaflet-1.9.4/leaflet.css"' in html
    assert 'src="/static/tuntas/vendor/leaflet-1.9.4/leaflet.js"' in html
    assert html.index("leaflet.js") < html.index("portal.js")  # both deferred: Leaflet runs first
    assert f'data-tiles="{OSM}"' in html
    assert 'data-attribution="&amp;copy; OpenStreetMap"' in html
    assert 'data-icon-path="/static/tuntas/vendor/leaflet-1.9.4/images/"' in html
    assert 'data-lat="-3.300000" data-lon="115.000000" data-zoom="9"' in html
    assert 'name="latitude"' in html and 'name="longitude"' in html


@override_settings(
    TUNTAS_MAP_TILES="https://tiles.example.id/{z}/{x}/{y}.png", TUNTAS_MAP_CENTRE=(-3.2391, 116.2216)
)
def test_the_map_opens_on_the_configured_centre(client, directory):
    assert 'data-lat="-3.239100" data-lon="116.221600"' in client.get("/lapor/").content.decode()


@override_settings(TUNTAS_MAP_TILES=OSM)
def test_with_tiles_the_tile_host_is_allowed_for_images_on_the_form_only(client, directory):
    assert "https://*.tile.openstreetmap.org" in img_src(client.get("/lapor/"))
    assert "'self'" in img_src(client.get("/lapor/"))
    assert "openstreetmap" not in img_src(client.get("/"))


@override_settings(TUNTAS_MAP_TILES="/static/tiles/{z}/{x}/{y}.png")
def test_site_relative_tiles_need_no_extra_source(client, directory):
    response = client.get("/lapor/")
    assert "data-map-picker" in response.content.decode()
    assert img_src(response).split() == ["img-src", "'self'", "data:"]
