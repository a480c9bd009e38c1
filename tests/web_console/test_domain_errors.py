"""The one mapper from domain errors to page responses (tuntas.web.domain_errors): each kind of error, for a
page request and an htmx request, with and without a way back, and the form that takes the input errors."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from tuntas.core.errors import (
    Conflict,
    DomainError,
    InvalidInput,
    NotFound,
    NotPermitted,
    TransitionNotAllowed,
)
from tuntas.web.domain_errors import ServiceErrors, domain_errors, form_errors

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
REFUSALS = [
    NotPermitted("Anda tidak berhak."),
    Conflict("Sudah diubah orang lain."),
    TransitionNotAllowed("Tidak tersedia pada tahap ini."),
    InvalidInput("Draf belum lengkap.", errors={"tujuan": "Wajib diisi."}),
    DomainError("Ditolak."),
]


def _request(method: str = "post", **headers: str):  # noqa: ANN202
    request = getattr(RequestFactory(), method)("/console/x/", **headers)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def _raising(exc: Exception):  # noqa: ANN202
    def view(request, **kwargs) -> HttpResponse:  # noqa: ANN001, ANN003
        raise exc

    return view


def _flashed(request) -> list[str]:  # noqa: ANN001
    return [str(m) for m in get_messages(request)]


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
@pytest.mark.parametrize("back", [None, "console:standards_version"], ids=["no-back", "back"])
def test_not_found_is_a_404_with_the_service_message(headers, back):
    view = domain_errors(back=back)(_raising(NotFound("Standar tidak ditemukan.")))
    with pytest.raises(Http404, match="Standar tidak ditemukan."):
        view(_request(**headers), standard_id=7)


@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_not_permitted_without_a_way_back_is_a_403(headers, method):
    view = domain_errors()(_raising(NotPermitted("Anda tidak berhak.")))
    with pytest.raises(PermissionDenied, match="Anda tidak berhak."):
        view(_request(method, **headers))


@pytest.mark.parametrize("exc", REFUSALS, ids=lambda e: type(e).__name__)
def test_a_refused_action_is_flashed_and_redirects_back(exc):
    request = _request()
    response = domain_errors(back="console:standards_version")(_raising(exc))(request, standard_id=7)
    assert response.status_code == 302
    assert response["Location"] == "/console/standar/versi/7/"
    assert _flashed(request) == [exc.message]


def test_listed_flashes_the_itemised_problems_after_the_message():
    exc = InvalidInput("Instrumen belum lengkap.", errors={f"i{n}": "Wajib dijawab." for n in range(1, 5)})
    request = _request()
    domain_errors(back="console:standards", listed=2)(_raising(exc))(request)
    assert _flashed(request) == ["Instrumen belum lengkap.", "i1: Wajib dijawab.", "i2: Wajib dijawab."]


@pytest.mark.parametrize("exc", REFUSALS, ids=lambda e: type(e).__name__)
def test_a_refused_htmx_action_loads_the_whole_page_back(exc):
    """An htmx request would swap a followed redirect into its fragment; HX-Redirect loads the page instead."""
    request = _request(**HX)
    response = domain_errors(back="console:standards_version")(_raising(exc))(request, standard_id=7)
    assert response.status_code == 200
    assert response["HX-Redirect"] == "/console/standar/versi/7/"
    assert response.content == b""
    assert _flashed(request) == [exc.message]


def test_back_is_a_list_page_without_the_view_arguments_or_a_function_of_the_request():
    request = _request()
    response = domain_errors(back="console:oversight")(_raising(Conflict("x")))(request, handling_id=3)
    assert response["Location"] == "/console/pengawasan/"

    def back(request, handling_id: int) -> str:  # noqa: ANN001
        return f"/console/somewhere/{handling_id}/#h"

    response = domain_errors(back=back)(_raising(Conflict("x")))(_request(), handling_id=3)
    assert response["Location"] == "/console/somewhere/3/#h"


@pytest.mark.parametrize(
    ("exc", "status"),
    [(Conflict("Sudah diubah."), 409), (InvalidInput("Periksa isian."), 422), (DomainError("Ditolak."), 400)],
    ids=["Conflict", "InvalidInput", "DomainError"],
)
def test_a_page_never_redirects_to_itself_other_errors_show_the_message(exc, status):
    request = _request("get")
    response = domain_errors(back="console:standards")(_raising(exc))(request)
    assert response.status_code == status
    assert exc.message in response.content.decode()
    assert _flashed(request) == []


def test_what_the_view_returns_passes_unchanged():
    view = domain_errors(back="console:standards")(lambda request: HttpResponse("ok", status=201))
    response = view(_request())
    assert (response.status_code, response.content) == (201, b"ok")


# --- form_errors ------------------------------------------------------------------------------------------


class _Form(ServiceErrors, forms.Form):
    name = forms.CharField()
    decree = forms.CharField(required=False)


class _PlainForm(forms.Form):
    name = forms.CharField()


def _bound(cls=_Form):  # noqa: ANN001, ANN202
    form = cls({"name": "Layanan KTP", "decree": ""})
    assert form.is_valid()
    return form


def test_input_errors_go_on_their_fields_and_the_typed_content_stays():
    form = _bound()
    with form_errors(form):
        raise InvalidInput("Periksa isian.", errors={"name": "Nama sudah dipakai.", "other": "Lain."})
    assert form.errors["name"] == ["Nama sudah dipakai."]
    assert form.non_field_errors() == ["Lain."]  # a key the form does not have goes above it
    assert form["name"].value() == "Layanan KTP"


@pytest.mark.parametrize("cls", [_Form, _PlainForm], ids=["ServiceErrors", "plain form"])
def test_an_input_error_without_fields_goes_above_the_form(cls):
    form = _bound(cls)
    with form_errors(form):
        raise InvalidInput("Tanggal tutup sebelum tanggal buka.")
    assert form.non_field_errors() == ["Tanggal tutup sebelum tanggal buka."]


def test_errors_the_form_does_not_show_and_other_refusals_escape_to_the_mapper():
    form = _bound()
    with pytest.raises(InvalidInput), form_errors(form, fields={"decree"}):
        raise InvalidInput("Draf belum lengkap.", errors={"tujuan": "Wajib diisi."})
    with pytest.raises(Conflict), form_errors(form):
        raise Conflict("Sudah diubah.")
    assert not form.errors

    with form_errors(form, fields={"decree"}):
        raise InvalidInput("Periksa nomor.", errors={"decree": "Wajib diisi."})
    assert form.errors["decree"] == ["Wajib diisi."]


# --- through the console ------------------------------------------------------------------------------------


def test_a_refused_identity_reveal_over_htmx_loads_the_complaint_page(directory, login, submit, dispose):
    """The terlapor may not reveal a confidential identity: flashed, and htmx loads the complaint page."""
    c = submit()
    dispose(c, directory.pupr)
    client = login(directory.petugas_pupr)
    response = client.post(f"/console/pengaduan/{c.pk}/identitas/", **HX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/console/pengaduan/{c.pk}/"
    page = client.get(f"/console/pengaduan/{c.pk}/").content.decode()
    assert "Anda tidak berhak melihat identitas pelapor." in page  # the flash, shown on the page loaded
    assert "Identitas dirahasiakan" in page
    assert client.post(f"/console/pengaduan/{c.pk}/identitas/")["Location"] == f"/console/pengaduan/{c.pk}/"
