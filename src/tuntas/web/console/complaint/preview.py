"""“Pratinjau”: before a complaint moves to another organisation, the sender sees what the receiver will see.

A GET page for one transfer-like SOP transition (a disposal with a target, or the return to the sender): choose
the receiving unit, read the preview (``selectors.receiver_preview``: fields, whether the reporter's identity is
visible and to whom, which attachments), then confirm with the transition's own form, which posts to the
ordinary transition view. Nothing is written here.

The complaint page asks the same view for the preview alone (an htmx request, ``HX-Request``), when a unit
is chosen in the action's own list: the fragment ``console/_receiver_preview.html``, with no form.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tuntas.complaints import routing, selectors, transfers
from tuntas.core.errors import NotFound
from tuntas.directory import access
from tuntas.directory.models import Organisation
from tuntas.web.console.common import console_context
from tuntas.web.console.complaint.forms import TransitionForm
from tuntas.workflows import engine
from tuntas.workflows.registry import workflow_for


class TargetForm(forms.Form):
    """The GET step: which unit to preview (the same choices as the transition's target field)."""

    target = forms.ChoiceField(label=gettext_lazy("Unit tujuan"))


def is_transfer(spec: engine.TransitionSpec) -> bool:
    return spec.effect == "dispose" or spec.closure_reason == transfers.RETURN_REASON


def _values(choices: list) -> set[str]:
    """Option values of a (possibly grouped) choices list."""
    found = set()
    for value, label in choices:
        if isinstance(label, list | tuple):
            found |= {str(v) for v, _text in label}
        elif value != "":
            found.add(str(value))
    return found


@login_required
@require_GET
def transfer_preview(request: HttpRequest, handling_id: int, transition: str) -> HttpResponse:
    user = request.user
    try:
        h = selectors.handling_for(user, handling_id)
        complaint = selectors.complaint_for(user, h.complaint_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    wf = workflow_for(h)
    spec = wf.transitions.get(transition)
    if spec is None or not is_transfer(spec):
        raise Http404(_("Aksi tidak dikenal."))
    back = redirect("console:complaint", complaint_id=h.complaint_id)
    if not h.is_open or spec not in wf.transitions_from(h.state, access.roles_in(user, h.organisation_id)):
        messages.error(request, _("Aksi ini tidak tersedia untuk Anda pada tahap ini."))
        return back
    confirm = TransitionForm(transition=spec, workflow=wf, handling=h)
    picker = None
    receiver = None
    fragment = request.headers.get("HX-Request") == "true"
    if spec.effect == "dispose":
        choices = confirm.fields["target"].choices
        query = request.GET
        if fragment:  # the complaint page's own select, named with its form's prefix
            query = {"target": request.GET.get(confirm.add_prefix("target"), "")}
        picker = TargetForm(query or None)
        picker.fields["target"].choices = choices
        if picker.is_bound and picker.is_valid() and picker.cleaned_data["target"] in _values(choices):
            receiver = Organisation.objects.select_related("kind", "parent").get(
                pk=picker.cleaned_data["target"]
            )
    else:
        receiver = routing.return_destination(h)
        if receiver is None:
            messages.error(request, _("Tidak ada unit pengirim yang dapat menerima pengaduan ini kembali."))
            return back
    preview = selectors.receiver_preview(user, complaint, receiver) if receiver else None
    if fragment:
        context = {"complaint": complaint, "receiver": receiver, "preview": preview, "inline": True}
        return render(request, "console/_receiver_preview.html", context)
    if receiver is not None:
        confirm = TransitionForm(
            transition=spec,
            workflow=wf,
            handling=h,
            initial={"expected_version": h.version, "target": str(receiver.pk)},
        )
        if "target" in confirm.fields:
            confirm.fields["target"].widget = forms.HiddenInput()
    context = {
        "complaint": complaint,
        "handling": h,
        "transition": spec,
        "action": confirm.label,
        "picker": picker,
        "receiver": receiver,
        "preview": preview,
        "form": confirm,
    }
    context.update(console_context(request))
    return render(request, "console/preview.html", context)
