"""Service standards on the portal: the registry with a search box, one published standard (and its A4 poster),
and the public consultation on a draft with its comment form."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tuntas.core import clock
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.standards import selectors
from tuntas.standards.models import ServiceStandard
from tuntas.standards.poster import poster_pdf
from tuntas.standards.services import consultation_comment_add, consultation_is_open
from tuntas.web.portal.forms_standards import CommentForm
from tuntas.web.shortcuts import or_404, rate_limited

# Comments per client address; TUNTAS_RATE_CONSULTATION in the settings overrides it.
DEFAULT_COMMENT_RATE = "10/h"


def report_url(standard: ServiceStandard) -> str:
    """The complaint form, pre-filled with this service and its organisation."""
    service = standard.service
    query = urlencode(
        {"layanan": service.name, "layanan_id": service.pk, "instansi": service.organisation.slug}
    )
    return f"{reverse('portal:submit')}?{query}"


@require_GET
def standards_list(request: HttpRequest) -> HttpResponse:
    q = " ".join(request.GET.get("q", "").split())[:100]
    context = {
        "q": q,
        "groups": selectors.published_by_organisation(q),
        "consultations": list(selectors.open_consultations()),
    }
    return render(request, "portal/standards/list.html", context)


@require_GET
def standard_detail(request: HttpRequest, org_slug: str, service_slug: str) -> HttpResponse:
    standard = or_404(selectors.published_standard, org_slug, service_slug)
    revision = selectors.consultation_of(standard)
    context = {
        "view": selectors.standard_view(standard),
        "report_url": report_url(standard),
        "revision": revision if revision and consultation_is_open(revision) else None,
    }
    return render(request, "portal/standards/detail.html", context)


@require_GET
def standard_poster(request: HttpRequest, org_slug: str, service_slug: str) -> HttpResponse:
    standard = or_404(selectors.published_standard, org_slug, service_slug)
    page = reverse("portal:standard_detail", kwargs={"org_slug": org_slug, "service_slug": service_slug})
    pdf = poster_pdf(
        selectors.standard_view(standard),
        page_url=request.build_absolute_uri(page),
        report_url=request.build_absolute_uri(report_url(standard)),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"standar-pelayanan-{org_slug}-{service_slug}-v{standard.version}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@rate_limited("TUNTAS_RATE_CONSULTATION", DEFAULT_COMMENT_RATE)
def consultation(request: HttpRequest, org_slug: str, service_slug: str) -> HttpResponse:
    standard = or_404(selectors.consultation_standard, org_slug, service_slug)
    view = selectors.standard_view(standard)
    is_open = consultation_is_open(standard)
    form = CommentForm(request.POST if request.method == "POST" else None, components=view.components)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                consultation_comment_add(
                    standard_id=standard.pk,
                    text=form.cleaned_data["text"],
                    name=form.cleaned_data["name"],
                    component_code=form.cleaned_data["component"] or None,
                )
            except InvalidInput as exc:
                form.apply_errors(exc)
            except DomainError as exc:  # closed in the meantime
                messages.error(request, exc.message)
                return redirect(request.path)
            else:
                messages.success(request, _("Terima kasih. Masukan Anda sudah kami terima."))
                return redirect(f"{request.path}#masukan")
        status = 422
    published = selectors.published_standards().filter(service_id=standard.service_id).first()
    context = {
        "view": view,
        "form": form,
        "is_open": is_open,
        "not_yet_open": standard.consultation_opens_on and standard.consultation_opens_on > clock.today(),
        "comments": list(selectors.visible_comments(standard)),
        "published": published,
    }
    return render(request, "portal/standards/consultation.html", context, status=status)
