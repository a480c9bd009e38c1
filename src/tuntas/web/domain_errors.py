"""The one place where a page view's domain errors become responses, as ``api/api.py`` does for the API.

A view lets the service's error escape and declares, with ``@domain_errors(back=...)``, where a refused
action sends the user:

- ``NotFound`` is a 404 with the service's message (the site's 404 page);
- any other refusal (``NotPermitted``, ``Conflict``, ``TransitionNotAllowed``, an ``InvalidInput`` no form
  took) of an action (not a GET) of a view with ``back`` is flashed and redirects there (post/redirect/get, as every console action
  did by hand); an htmx request gets the same flash and ``HX-Redirect`` so the browser loads the whole page
  rather than swapping it into a fragment;
- without ``back`` (or on a GET), ``NotPermitted`` is a 403 and the others the error page with the message and the
  error's status (409, 422, 400).

Input the user can correct goes back on the form: ``with form_errors(form):`` around the service call puts
``InvalidInput`` on the form's fields (``form.apply_errors`` when the form has it) and the view renders the
form again with what was typed; an error naming something the form does not show is a refusal like any other.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, reverse

from tuntas.core.errors import DomainError, InvalidInput, NotFound, NotPermitted
from tuntas.web import errors
from tuntas.web.shortcuts import is_htmx

Back = str | Callable[..., str]


def _back_url(back: Back, request: HttpRequest, kwargs: dict) -> str:
    """``back`` is a URL name, reversed with the view's URL arguments when it takes them (a list page takes
    none), or ``back(request, **kwargs)``."""
    if callable(back):
        return back(request, **kwargs)
    try:
        return reverse(back, kwargs=kwargs)
    except NoReverseMatch:
        return reverse(back)


def error_response(
    request: HttpRequest, exc: DomainError, back: Back | None = None, *, listed: int = 0, **kwargs: object
) -> HttpResponse:
    """The response for ``exc`` raised while answering ``request`` (see the module's docstring)."""
    if isinstance(exc, NotFound):
        raise Http404(exc.message) from exc
    if back is not None and request.method not in ("GET", "HEAD"):  # a page never redirects to itself
        messages.error(request, exc.message)
        for key, message in list(exc.errors.items())[:listed]:
            messages.error(request, f"{key}: {message}")
        url = _back_url(back, request, kwargs)
        if is_htmx(request):
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)
    if isinstance(exc, NotPermitted):
        raise PermissionDenied(exc.message) from exc
    # The service's sentence says it all; the page has the console's or the portal's look by its path.
    return errors.error_response(request, exc.status, code=exc.code, title=exc.message, message="")


def domain_errors(back: Back | None = None, *, listed: int = 0) -> Callable[[Callable], Callable]:
    """Turn the domain errors escaping the decorated view into responses (see the module's docstring).
    ``listed``: how many of the error's itemised problems (``key: message``) to flash after its message,
    for pages whose form has no field per item (the village instrument)."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
            try:
                return view(request, *args, **kwargs)
            except DomainError as exc:
                return error_response(request, exc, back, listed=listed, **kwargs)

        return wrapper

    return decorator


class ServiceErrors:
    """Put a service's field errors on the form's fields (``field_for`` maps a service key to a field name);
    an error without fields goes above the form."""

    def field_for(self, key: str) -> str:
        return key

    def apply_errors(self, exc: InvalidInput) -> None:
        for key, message in exc.errors.items():
            name = self.field_for(key)
            self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]
        if not exc.errors:
            self.add_error(None, exc.message)  # type: ignore[attr-defined]


@contextmanager
def form_errors(form: forms.Form, *, fields: Collection[str] | None = None) -> Iterator[None]:
    """``InvalidInput`` raised inside goes on ``form`` and the block is left; the view then renders the form
    again. With ``fields``, an error naming any other key (something the form does not show, such as a
    draft's missing sections) is not the form's: it escapes to ``domain_errors``."""
    try:
        yield
    except InvalidInput as exc:
        if fields is not None and set(exc.errors) - set(fields):
            raise
        if hasattr(form, "apply_errors"):
            form.apply_errors(exc)
        else:
            ServiceErrors.apply_errors(form, exc)  # type: ignore[arg-type]
