"""A unit's public page, kept by its own admin and pimpinan ("Profil unit"): one form, one service call."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tuntas.core.errors import DomainError, InvalidInput
from tuntas.directory.profile import ProfileInput, editable_organisations, profile_update
from tuntas.web.console.common import console_context
from tuntas.web.console.profile.forms import ProfileForm


def _organisation(request: HttpRequest, organisation_id: int):  # noqa: ANN202
    org = editable_organisations(request.user).filter(pk=organisation_id).first()
    if org is None:
        raise Http404(_("Unit tidak ditemukan."))
    return org


@login_required
@require_GET
def profiles(request: HttpRequest) -> HttpResponse:
    orgs = list(editable_organisations(request.user).order_by("name")[:200])
    if not orgs:
        raise PermissionDenied(_("Halaman ini untuk pimpinan atau admin unit."))
    if len(orgs) == 1:
        return redirect("console:profile", organisation_id=orgs[0].pk)
    return render(request, "console/profile_list.html", {**console_context(request), "orgs": orgs})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, organisation_id: int) -> HttpResponse:
    org = _organisation(request, organisation_id)
    fields = list(ProfileForm.base_fields)
    form = ProfileForm(request.POST or None, initial={f: getattr(org, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(actor=request.user, organisation_id=org.pk, data=ProfileInput(**form.cleaned_data))
        except InvalidInput as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Profil unit disimpan dan tampil di portal."))
            return redirect("console:profile", organisation_id=org.pk)
    return render(request, "console/profile.html", {**console_context(request), "org": org, "form": form})
