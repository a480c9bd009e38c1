"""Staff actions on a handling: SOP transitions, assignment, internal notes and messages to the reporter.

Every action goes through a service and ends in a redirect (PRG); only a transition form with input errors
is rendered again, with the errors next to its fields.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tuntas.complaints import selectors, services
from tuntas.complaints.models import Handling
from tuntas.complaints.services_handling import workflow_for
from tuntas.core.errors import Conflict, DomainError, InvalidInput, NotFound
from tuntas.directory import access
from tuntas.directory.models import User
from tuntas.web.console.complaint_page import complaint_context
from tuntas.web.console.forms import AssignForm, NoteForm, TransitionForm

CONFLICT_MESSAGE = gettext_lazy(
    "Penanganan ini sudah diubah orang lain. Muat ulang halaman lalu periksa lagi."
)


def _handling_or_404(user: User, handling_id: int) -> Handling:
    try:
        return selectors.handling_for(user, handling_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _back(handling: Handling, anchor: str = "") -> HttpResponse:
    response = redirect("console:complaint", complaint_id=handling.complaint_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
@require_POST
def transition(request: HttpRequest, handling_id: int, transition: str) -> HttpResponse:
    user = request.user
    h = _handling_or_404(user, handling_id)
    wf = workflow_for(h)
    spec = wf.transitions.get(transition)
    if spec is None:
        raise Http404(_("Aksi tidak dikenal."))
    form = TransitionForm(request.POST, transition=spec, workflow=wf, handling=h)
    seen = form["expected_version"].value()
    if str(seen) != str(h.version):
        messages.error(request, CONFLICT_MESSAGE)
        return _back(h, f"penanganan-{h.pk}")
    if spec not in wf.transitions_from(h.state, access.roles_in(user, h.organisation_id)):
        messages.error(
            request, _("Aksi “%(action)s” tidak tersedia untuk Anda pada tahap ini.") % {"action": form.label}
        )
        return _back(h, f"penanganan-{h.pk}")
    if form.is_valid():
        try:
            services.handling_transition(
                actor=services.Actor(user=user),
                handling_id=h.pk,
                transition=spec.name,
                data=form.service_data(),
                expected_version=form.cleaned_data["expected_version"],
            )
        except InvalidInput as exc:
            form.add_service_errors(exc.message, exc.errors)
        except Conflict as exc:
            messages.error(request, exc.message or CONFLICT_MESSAGE)
            return _back(h, f"penanganan-{h.pk}")
        except DomainError as exc:  # TransitionNotAllowed, NotPermitted, NotFound: said, nothing changed
            messages.error(request, exc.message)
            return _back(h, f"penanganan-{h.pk}")
        else:
            messages.success(request, _("Aksi “%(action)s” berhasil dijalankan.") % {"action": form.label})
            return _back(h, f"penanganan-{h.pk}")
    complaint = selectors.complaint_for(user, h.complaint_id)
    context = complaint_context(request, complaint, bound=form)
    messages.error(
        request, _("Periksa isian yang ditandai pada formulir “%(action)s”.") % {"action": form.label}
    )
    return render(request, "console/complaint.html", context, status=422)


@login_required
@require_POST
def assign(request: HttpRequest, handling_id: int) -> HttpResponse:
    h = _handling_or_404(request.user, handling_id)
    form = AssignForm(request.POST, handling=h)
    if not form.is_valid():
        messages.error(request, _("Pilih petugas dari daftar."))
        return _back(h, f"penanganan-{h.pk}")
    chosen = form.cleaned_data["assignee"]
    try:
        services.handling_assign(
            actor=request.user, handling_id=h.pk, assignee_id=int(chosen) if chosen else None
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if not chosen:
            messages.success(request, _("Penugasan dihapus."))
        elif int(chosen) == request.user.pk:
            messages.success(request, _("Penanganan ini sekarang tugas Anda."))
        else:
            messages.success(request, _("Petugas ditugaskan."))
    return _back(h, f"penanganan-{h.pk}")


@login_required
@require_POST
def take(request: HttpRequest, handling_id: int) -> HttpResponse:
    """“Ambil”: assign the handling to oneself."""
    h = _handling_or_404(request.user, handling_id)
    try:
        services.handling_assign(actor=request.user, handling_id=h.pk, assignee_id=request.user.pk)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Penanganan ini sekarang tugas Anda."))
    return _back(h, f"penanganan-{h.pk}")


def _comment(request: HttpRequest, handling_id: int, *, to_reporter: bool) -> HttpResponse:
    h = _handling_or_404(request.user, handling_id)
    form = NoteForm(request.POST, prefix=f"h{h.pk}-{'balas' if to_reporter else 'catatan'}")
    if not form.is_valid():
        messages.error(request, _("Tulis isi pesan terlebih dahulu."))
        return _back(h, f"penanganan-{h.pk}")
    try:
        services.comment_add(
            actor=request.user, handling_id=h.pk, text=form.cleaned_data["text"], to_reporter=to_reporter
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return _back(h, f"penanganan-{h.pk}")
    if to_reporter:
        messages.success(request, _("Pesan terkirim ke pelapor."))
    else:
        messages.success(request, _("Catatan internal disimpan."))
    return _back(h, "riwayat")


@login_required
@require_POST
def note(request: HttpRequest, handling_id: int) -> HttpResponse:
    return _comment(request, handling_id, to_reporter=False)


@login_required
@require_POST
def reply(request: HttpRequest, handling_id: int) -> HttpResponse:
    return _comment(request, handling_id, to_reporter=True)
