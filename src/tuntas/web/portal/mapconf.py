"""The location picker's map: configured by TUNTAS_MAP_TILES, absent (plain coordinate boxes) when it is empty.

The tiles come from another host, so a page that shows the map must also allow that host in the CSP's
img-src; ``allow_tiles`` adds it to that one response only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse


def picker() -> dict | None:
    """What the map div needs (tile template, attribution, default centre), or None without tiles."""
    tiles = settings.TUNTAS_MAP_TILES.strip()
    if not tiles:
        return None
    return {
        "tiles": tiles,
        "attribution": settings.TUNTAS_MAP_ATTRIBUTION,
        "lat": f"{settings.TUNTAS_MAP_CENTRE[0]:.6f}",
        "lon": f"{settings.TUNTAS_MAP_CENTRE[1]:.6f}",
        "zoom": settings.TUNTAS_MAP_ZOOM,
    }


def tile_origin(tiles: str) -> str | None:
    """The CSP source for a tile URL template: its scheme and host, a ``{s}`` subdomain as a wildcard.
    None for a site-relative template, which 'self' already covers."""
    parts = urlsplit(tiles)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def allow_tiles(response: HttpResponse) -> HttpResponse:
    origin = tile_origin(settings.TUNTAS_MAP_TILES.strip())
    if origin:
        response._csp_update = {"img-src": [origin]}  # read by django-csp's middleware
    return response
