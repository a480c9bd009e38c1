"""/api/v1/... (ninja), /api/docs -> /api/v1/docs, and a JSON 404 for anything else under /api/."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView

from tuntas.api.api import api, error_response
from tuntas.api.docs import ASSETS, docs_asset

app_name = "api"


def _json_405(view: Callable) -> Callable:
    """ninja answers a wrong method with a plain-text 405; give it the API's error body."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            message = _("Metode %(method)s tidak didukung di sini.") % {"method": request.method}
            allow = response.get("Allow", "")
            response = error_response(request, 405, "method_not_allowed", message)
            response["Allow"] = allow
        return response

    return wrapped


@csrf_exempt
def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
    return error_response(request, 404, "not_found", _("Alamat API tidak dikenal."))


# Mounted without a nested namespace: names are "api:<url_name>", as ninja's docs page expects.
v1_patterns, _app, _namespace = api.urls
for pattern in v1_patterns:
    pattern.callback = _json_405(pattern.callback)

_asset_names = "|".join(re.escape(name) for name in ASSETS)

urlpatterns = [
    re_path(rf"^v1/docs/assets/(?P<name>{_asset_names})$", docs_asset, name="docs_asset"),
    path("v1/", include(v1_patterns)),
    path("docs", RedirectView.as_view(pattern_name="api:openapi-view", permanent=False)),
    re_path(r"", not_found, name="not_found"),
]
