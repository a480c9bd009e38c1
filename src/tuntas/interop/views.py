"""The Open311 GeoReport v2 endpoints under /open311/v2/. Every answer is JSON or XML by the URL's extension;
errors are a list of {code, description} with the matching HTTP status. Parameters are read from the query
string and, for POST, the form body. These views take no cookies and change nothing but through the intake
service, so they are exempt from CSRF (clients are apps with an API key, not browsers); they are rate
limited per client address."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree as ET  # noqa: S405 - we only build XML, never parse it

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited

from tuntas.core.errors import InvalidInput
from tuntas.interop import open311
from tuntas.interop.open311 import Open311Error
from tuntas.interop.services import open311_client_for_key

# The XML element that holds each item of a list, per list element name (as in the spec's examples).
ITEM = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def _xml_value(parent: ET.Element, name: str, value: object) -> None:
    el = ET.SubElement(parent, name)
    if isinstance(value, dict):
        for k, v in value.items():
            _xml_value(el, k, v)
    elif isinstance(value, list):
        for item in value:
            _xml_value(el, ITEM.get(name, "item"), item)
    elif isinstance(value, bool):
        el.text = "true" if value else "false"
    elif value is not None:
        el.text = str(value)


def render(data: object, fmt: str, root: str, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        top = ET.Element(root)
        if isinstance(data, list):
            for item in data:
                _xml_value(top, ITEM.get(root, "item"), item)
        else:
            for k, v in data.items():
                _xml_value(top, k, v)
        body = b'<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(top, encoding="unicode").encode()
        return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def errors(fmt: str, items: list[tuple[int, str]], status: int) -> HttpResponse:
    return render([{"code": c, "description": d} for c, d in items], fmt, "errors", status)


def _params(request: HttpRequest) -> dict[str, str]:
    """Query string and form body as one dict (the spec allows either). A NUL character anywhere is refused
    by name: no field of ours may hold one, and PostgreSQL cannot store it (it would be a 500). The path's
    id, code and token patterns (urls.py) admit no NUL."""
    params = dict(request.GET.items())
    if request.method == "POST":
        params.update(dict(request.POST.items()))
    for name, value in params.items():
        if "\x00" in name or "\x00" in value:
            shown = name.replace("\x00", "\\0")
            raise Open311Error(400, _("%(name)s berisi karakter NUL.") % {"name": shown})
    return params


def endpoint(methods: tuple[str, ...] = ("GET",)) -> Callable:
    def wrap(view: Callable) -> Callable:
        @csrf_exempt
        def inner(request: HttpRequest, fmt: str, **kwargs: str) -> HttpResponse:
            if request.method not in methods:
                response = errors(fmt, [(405, _("Metode tidak diizinkan."))], 405)
                response["Allow"] = ", ".join(methods)
                return response
            group = "open311_post" if request.method == "POST" else "open311"
            rate = (
                settings.TUNTAS_RATE_OPEN311_POST
                if request.method == "POST"
                else settings.TUNTAS_RATE_OPEN311
            )
            if is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
                return errors(fmt, [(429, _("Terlalu banyak permintaan. Coba lagi nanti."))], 429)
            try:
                return view(request, fmt, _params(request), **kwargs)
            except Open311Error as exc:
                return errors(fmt, [(exc.status, exc.description)], exc.status)
            except InvalidInput as exc:
                return errors(fmt, open311.invalid_input_errors(exc), 400)

        return inner

    return wrap


@endpoint()
def discovery(request: HttpRequest, fmt: str, params: dict) -> HttpResponse:
    base = request.build_absolute_uri("/open311/v2/")
    return render(open311.discovery(base), fmt, "discovery")


@endpoint()
def services(request: HttpRequest, fmt: str, params: dict) -> HttpResponse:
    open311.check_jurisdiction(params.get("jurisdiction_id", ""))
    return render(open311.services(), fmt, "services")


@endpoint()
def service_definition(request: HttpRequest, fmt: str, params: dict, code: str) -> HttpResponse:
    open311.check_jurisdiction(params.get("jurisdiction_id", ""))
    return render(open311.service_definition(code), fmt, "service_definition")


@endpoint(methods=("GET", "POST"))
def requests(request: HttpRequest, fmt: str, params: dict) -> HttpResponse:
    if request.method == "GET":
        open311.check_jurisdiction(params.get("jurisdiction_id", ""))
        return render(open311.requests_list(params), fmt, "service_requests")
    key = params.get("api_key", "")
    client = open311_client_for_key(key)
    if client is None:
        return errors(fmt, [(403, _("api_key tidak ada atau tidak berlaku."))], 403)
    posted = open311.request_create(client=client, params=params)
    body = [
        {
            "service_request_id": posted.complaint.tracking_code,
            "token": posted.token,
            "service_notice": _("Pengaduan diterima dengan kode lacak %(code)s.")
            % {"code": posted.complaint.tracking_code},
            "account_id": None,
        }
    ]
    return render(body, fmt, "service_requests", 201)


@endpoint()
def request_detail(request: HttpRequest, fmt: str, params: dict, request_id: str) -> HttpResponse:
    open311.check_jurisdiction(params.get("jurisdiction_id", ""))
    return render(open311.request_get(request_id), fmt, "service_requests")


@endpoint()
def token(request: HttpRequest, fmt: str, params: dict, token: str) -> HttpResponse:
    open311.check_jurisdiction(params.get("jurisdiction_id", ""))
    return render(open311.token_get(token), fmt, "service_requests")
