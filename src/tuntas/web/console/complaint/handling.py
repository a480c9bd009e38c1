"""Staff actions on a handling: SOP transitions, assignment, internal notes and messages to the reporter.

Every action goes through a service and ends in a redirect (PRG); a refusal is flashed there
(``domain_errors``); only a transition form with input errors is rendered again, with the errors next to its
fields. The views do not repeat the service's checks (version, role, state): the service's error is the answer.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuntas.complaints import selectors, services
from tuntas.complaints.models import Handling
from tuntas.core.errors import TransitionNotAllowed
from tuntas.web.console.complaint.forms import FILES, AssignForm, NoteForm, TransitionForm
from tuntas.web.console.complaint.page import complaint_context
from tuntas.web.domain_errors import domain_errors, form_errors
from tuntas.web.portal.forms import read_files
from tuntas.workflows.registry import workflow_for


def _back(handling: Handling, anchor: str = "") -> HttpResponse:
    response = redirect("console:complaint", complaint_id=handling.complaint_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _handling_url(request: HttpRequest, handling_id: int, **_kwargs: object) -> str:
    """Where a refused action on a handling sends the user: its block on the complaint page."""
    h = selectors.handling_for(request.user, handling_id)
    return reverse("console:complaint", kwargs={"complaint_id": h.complaint_id}) + f"#penanganan-{h.pk}"


def _not_available(form: TransitionForm) -> TransitionNotAllowed:
    return TransitionNotAllowed(
        _("Aksi “%(action)s” tidak tersedia untuk Anda pada tahap ini.") % {"action": form.label}
    )


@login_required
@require_POST
@domain_errors(back=_handling_url)
def transition(request: HttpRequest, handling_id: int, transition: str) -> HttpResponse:
    """The service checks role, state, version and fields; a refusal is flashed on the complaint page and
    input errors are shown on the transition's form."""
    user = request.user
    h = selectors.handling_for(user, handling_id)
    wf = workflow_for(h)
    spec = wf.transitions.get(transition)
    if spec is None:
        raise Http404(_("Aksi tidak dikenal."))
    form = TransitionForm(request.POST, request.FILES, transition=spec, workflow=wf, handling=h)
    if form.is_valid():
        with form_errors(form):
            try:
                services.handling_transition(
                    actor=services.Actor(user=user),
                    handling_id=h.pk,
                    transition=spec.name,
                    data=form.service_data(),
                    expected_version=form.cleaned_data["expected_version"],
                    files=read_files(form.cleaned_data.get(FILES) or []),
                )
            except TransitionNotAllowed as exc:  # said in the form's words: this action, for you, now
                raise _not_available(form) from exc
            messages.success(request, _("Aksi “%(action)s” berhasil dijalankan.") % {"action": form.label})
            return _back(h, f"penanganan-{h.pk}")
    complaint = selectors.complaint_for(user, h.complaint_id)
    context = complaint_context(request, complaint, bound=form)
    if not any(p.open_form == form.dom_id for p in context["own_panels"]):
        # The page does not offer this form to the user at this stage: the action is refused, not mistyped.
        raise _not_available(form)
    messages.error(
        request, _("Periksa isian yang ditandai pada formulir “%(action)s”.") % {"action": form.label}
    )
    return render(request, "console/complaint.html", context, status=422)


@login_required
@require_POST
@domain_errors(back=_handling_url)
def assign(request: HttpRequest, handling_id: int) -> HttpResponse:
    h = selectors.handling_for(request.user, handling_id)
    form = AssignForm(request.POST, handling=h)
    if not form.is_valid():
        messages.error(request, _("Pilih petugas dari daftar."))
        return _back(h, f"penanganan-{h.pk}")
    chosen = form.cleaned_data["assignee"]
    services.handling_assign(
        actor=request.user, handling_id=h.pk, assignee_id=int(chosen) if chosen else None
    )
    if not chosen:
        messages.success(request, _("Penugasan dihapus."))
    elif int(chosen) == request.user.pk:
        messages.success(request, _("Penanganan ini sekarang tugas Anda."))
    else:
        messages.success(request, _("Petugas ditugaskan."))
    return _back(h, f"penanganan-{h.pk}")


@login_required
@require_POST
@domain_errors(back=_handling_url)
def take(request: HttpRequest, handling_id: int) -> HttpResponse:
    """“Ambil”: assign the handling to oneself."""
    h = selectors.handling_for(request.user, handling_id)
    services.handling_assign(actor=request.user, handling_id=h.pk, assignee_id=request.user.pk)
    messages.success(request, _("Penanganan ini sekarang tugas Anda."))
    return _back(h, f"penanganan-{h.pk}")


def _comment(request: HttpRequest, handling_id: int, *, to_reporter: bool) -> HttpResponse:
    h = selectors.handling_for(request.user, handling_id)
    form = NoteForm(request.POST, request.FILES, prefix=f"h{h.pk}-{'balas' if to_reporter else 'catatan'}")
    if not form.is_valid():
        messages.error(request, form.error_text())
        return _back(h, f"penanganan-{h.pk}")
    services.comment_add(
        actor=request.user,
        handling_id=h.pk,
        text=form.cleaned_data["text"],
        to_reporter=to_reporter,
        files=read_files(form.cleaned_data[FILES]),
    )
    if to_reporter:
        messages.success(request, _("Pesan terkirim ke pelapor."))
    else:
        messages.success(request, _("Catatan internal disimpan."))
    return _back(h, "riwayat")


@login_required
@require_POST
@domain_errors(back=_handling_url)
def note(request: HttpRequest, handling_id: int) -> HttpResponse:
    return _comment(request, handling_id, to_reporter=False)


@login_required
@require_POST
@domain_errors(back=_handling_url)
def reply(request: HttpRequest, handling_id: int) -> HttpResponse:
    return _comment(request, handling_id, to_reporter=True)
