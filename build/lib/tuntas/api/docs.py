"""Swagger UI served from ninja's own bundled files, so /api/v1/docs works under our strict CSP without a CDN
and without adding ninja to INSTALLED_APPS (its default falls back to jsdelivr when it is not installed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ninja
from django.http import FileResponse, HttpRequest, HttpResponse
from django.template import RequestContext, Template
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import Swagger

ASSET_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
    "favicon.svg": "image/svg+xml",
}

PAGE = Template(
    """<!DOCTYPE html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>{{ title }}</title>
  <link rel="stylesheet" href="{{ assets.css }}">
  <link rel="icon" href="{{ assets.icon }}" type="image/svg+xml">
</head>
<body data-csrf-token="{{ csrf_token }}" data-api-csrf="true">
  <script type="application/json" id="swagger-settings">{{ settings_json|safe }}</script>
  <div id="swagger-ui"></div>
  <script src="{{ assets.bundle }}"></script>
  <script src="{{ assets.init }}"></script>
</body>
</html>"""
)


def _asset(name: str) -> str:
    return reverse("api:docs_asset", args=[name])


class LocalSwagger(Swagger):
    def render_page(self, request: HttpRequest, api: ninja.NinjaAPI, **kwargs: Any) -> HttpResponse:
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}
        context = {
            "title": api.title,
            "settings_json": json.dumps(settings).replace("</", "<\\/"),
            "assets": {
                "css": _asset("swagger-ui.css"),
                "icon": _asset("favicon.svg"),
                "bundle": _asset("swagger-ui-bundle.js"),
                "init": _asset("swagger-ui-init.js"),
            },
        }
        return HttpResponse(PAGE.render(RequestContext(request, context)))


@require_GET
@cache_control(public=True, max_age=86400)
def docs_asset(request: HttpRequest, name: str) -> FileResponse:
    """One of the ASSETS (the URL pattern only matches those names)."""
    return FileResponse((ASSET_DIR / name).open("rb"), content_type=ASSETS[name])
