"""The complaint page, the recorded reveal of a confidential identity, and attachment downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuntas.complaints import selectors, services
from tuntas.complaints.models import Attachment, Complaint
from tuntas.core.errors import NotFound, NotPermitted
from tuntas.directory.models import User
from tuntas.web.console.complaint.page import IdentityBlock, complaint_context
from tuntas.web.domain_errors import domain_errors
from tuntas.web.shortcuts import is_htmx, private_download

IDENTITY_ID = "identitas-pelapor"


def complaint_or_404(user: User, complaint_id: int) -> Complaint:
    try:
        return selectors.complaint_for(user, complaint_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


@login_required
@require_GET
def complaint(request: HttpRequest, complaint_id: int) -> HttpResponse:
    c = complaint_or_404(request.user, complaint_id)
    response = render(request, "console/complaint.html", complaint_context(request, c))
    add_never_cache_headers(response)  # may hold a public complaint's reporter identity
    return response


@login_required
@require_POST
@domain_errors(back="console:complaint")
def identity(request: HttpRequest, complaint_id: int) -> HttpResponse:
    """Show a confidential reporter's identity to an allowed role; the service records the view.

    The identity is rendered in the response itself (not behind a redirect) so it is never kept anywhere.
    """
    c = complaint_or_404(request.user, complaint_id)
    revealed = services.identity_view(actor=request.user, complaint_id=c.pk)
    if revealed is None:
        messages.info(request, _("Identitas pelapor tidak tersimpan untuk pengaduan ini."))
        return redirect("console:complaint", complaint_id=c.pk)
    if is_htmx(request, IDENTITY_ID):
        block = IdentityBlock("shown", revealed)
        response = render(request, "console/_identity.html", {"complaint": c, "identity": block})
    else:
        response = render(request, "console/complaint.html", complaint_context(request, c, revealed=revealed))
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    """Download, re-checking that the user may see the complaint and this file; identity files are logged."""
    att = Attachment.objects.filter(pk=attachment_id).first()
    if att is None:
        raise Http404(_("Lampiran tidak ditemukan."))
    c = complaint_or_404(request.user, att.complaint_id)
    if not selectors.staff_attachments(request.user, c).filter(pk=att.pk).exists():
        raise Http404(_("Lampiran tidak ditemukan."))
    if att.identifying and c.privacy == Complaint.Privacy.CONFIDENTIAL:
        try:
            services.identity_view(actor=request.user, complaint_id=c.pk)  # records who opened it
        except (NotPermitted, NotFound) as exc:
            raise Http404(_("Lampiran tidak ditemukan.")) from exc
    return private_download(att, missing=_("Berkas lampiran tidak tersedia."))
