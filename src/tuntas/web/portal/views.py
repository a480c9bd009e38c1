"""Citizen portal: the home page, filing a complaint, and the village picker fragment."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tuntas.complaints.models import Complaint
from tuntas.complaints.services import complaint_submit
from tuntas.core.errors import InvalidInput
from tuntas.core.site import absolute_url
from tuntas.web.portal import guard, mapconf, proof, regions
from tuntas.web.portal.forms import SubmitForm, TrackForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"track_form": TrackForm()})


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    """The complaint form. Every refusal (invalid input, the flood guards, the address limit) renders the form
    again with what was typed; only a stored complaint counts toward the address limit (web/portal/guard.py)."""
    refusal = None
    if request.method == "POST":
        form = SubmitForm(request.POST, request.FILES)
        refusal = guard.count_attempt(request)
    else:  # a service standard's "Lapor masalah layanan ini" link names the service and its organisation
        form = SubmitForm(
            initial={
                "service_name": request.GET.get("layanan", "").strip()[:200],
                "service": request.GET.get("layanan_id", "").strip()[:12],
                "unit": request.GET.get("unit", "").strip()[:80],
                "reported_organisation": request.GET.get("instansi", "").strip()[:80],
            }
        )
    if form.is_bound and refusal is None and form.is_valid():
        refusal = guard.check_form(request) or guard.check_accepted(request)
        if refusal is None:
            try:
                done = complaint_submit(data=form.complaint_input(), channel=Complaint.Channel.WEB)
            except InvalidInput as exc:
                form.apply_errors(exc)
            else:
                guard.count_accepted(request)
                proof.remember(request, done.complaint)
                # Post/Redirect/Get: the secret waits in the session for its one display, never in a URL.
                request.session[proof.SUBMITTED_KEY] = {
                    "code": done.complaint.tracking_code,
                    "secret": done.secret,
                }
                return redirect("portal:submitted")
    kecamatans = regions.kecamatan_list()
    map_picker = mapconf.picker()
    response = render(
        request,
        "portal/submit.html",
        {
            "form": form,
            "refusal": refusal,
            "form_token": guard.issue(),
            "token_field": guard.TOKEN_FIELD,
            "honeypot_field": guard.HONEYPOT_FIELD,
            "kecamatans": kecamatans,
            "selected_kecamatan": form.selected_kecamatan(),
            "intake_unit": form.intake_unit(),
            "map_picker": map_picker,
        },
        status=refusal.status if refusal else 200,
    )
    return mapconf.allow_tiles(response) if map_picker else response


@never_cache
@require_GET
def submitted(request: HttpRequest) -> HttpResponse:
    """Shows the tracking code and secret once; a reload no longer has them."""
    shown = request.session.pop(proof.SUBMITTED_KEY, None)
    if not shown:
        return redirect("portal:track")
    code = shown["code"]
    return render(
        request,
        "portal/submitted.html",
        {
            "code": code,
            "secret": shown["secret"],
            # Written out in full for the printout, which is read away from this browser.
            "track_url": absolute_url(reverse("portal:track_detail", args=[code])),
            "submitted_at": Complaint.objects.filter(tracking_code=code)
            .values_list("submitted_at", flat=True)
            .first(),
        },
    )


@require_GET
def region_children(request: HttpRequest, kecamatan_code: str) -> HttpResponse:
    """HTML fragment for the enhanced picker: the villages of one kecamatan of this deployment."""
    kecamatan = regions.kecamatan_in_scope(kecamatan_code)
    if kecamatan is None:
        raise Http404(_("Kecamatan tidak ditemukan."))
    selected = request.GET.get("selected", "")
    return render(
        request,
        "portal/_desa_select.html",
        {"options": regions.village_options(kecamatan), "selected": selected, "kecamatan": kecamatan},
    )
