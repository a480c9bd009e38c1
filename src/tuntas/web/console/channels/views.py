"""“Draf kanal”: messages that arrived by email (later WhatsApp, SMS) waiting for a coordinator to complete and
submit them as complaints, or reject them. Writes call ``channels.services``; reads go through
``channels.access`` (a draft the user may not see is a 404; the sender shows only to identity roles)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from tuntas.channels import access, services
from tuntas.channels.models import ChannelDraft
from tuntas.complaints.models import Complaint
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.web.console.common import console_context

_FIELDS = {"title": "title", "description": "description", "name": "sender_name", "privacy": "privacy"}


class DraftForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200)
    description = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 8}))
    sender_name = forms.CharField(label=_("Nama pelapor"), max_length=200, required=False)
    privacy = forms.ChoiceField(label=_("Kerahasiaan"), choices=Complaint.Privacy.choices)
    location_text = forms.CharField(label=_("Lokasi"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Alasan penolakan"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput)


def _draft_or_404(request: HttpRequest, draft_id: int) -> ChannelDraft:
    draft = access.visible_drafts(request.user).filter(pk=draft_id).select_related("message").first()
    if draft is None:
        raise Http404(_("Draf tidak ditemukan."))
    return draft


@login_required
@require_GET
def draft_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status")
    status = status if status in ChannelDraft.Status.values else ChannelDraft.Status.DRAFT
    drafts = list(
        access.visible_drafts(request.user).filter(status=status).order_by("received_at", "id")[:200]
    )
    rows = [(d, access.can_see_sender(request.user, d)) for d in drafts]
    context = {"rows": rows, "status": status, "statuses": ChannelDraft.Status.choices}
    context.update(console_context(request))
    return render(request, "console/channels/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def draft_detail(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = _draft_or_404(request, draft_id)
    user = request.user
    initial = {
        "title": draft.title,
        "description": draft.description,
        "sender_name": draft.sender_name if access.can_see_sender(user, draft) else "",
        "privacy": draft.privacy,
        "version": draft.version,
    }
    form, reject = DraftForm(initial=initial), RejectForm(initial={"version": draft.version})
    if request.method == "POST" and draft.status == ChannelDraft.Status.DRAFT:
        if request.POST.get("action") == "reject":
            reject = RejectForm(request.POST)
            if reject.is_valid():
                try:
                    services.draft_reject(
                        actor=user,
                        draft_id=draft.pk,
                        version=reject.cleaned_data["version"],
                        reason=reject.cleaned_data["reason"],
                    )
                except DomainError as exc:
                    reject.add_error(None, exc.message)
                else:
                    messages.success(request, _("Draf ditolak; pengirim diberi tahu sekali."))
                    return redirect("console:channel_drafts")
        else:
            form = DraftForm(request.POST)
            if form.is_valid():
                d = form.cleaned_data
                name = d["sender_name"] if access.can_see_sender(user, draft) else draft.sender_name
                try:
                    complaint = services.draft_submit(
                        actor=user,
                        draft_id=draft.pk,
                        version=d["version"],
                        fields=services.DraftFields(
                            title=d["title"],
                            description=d["description"],
                            sender_name=name or d["sender_name"],
                            privacy=d["privacy"],
                            location_text=d["location_text"],
                        ),
                    )
                except InvalidInput as exc:
                    placed = False
                    for key, message in exc.errors.items():
                        if _FIELDS.get(key) in form.fields:
                            form.add_error(_FIELDS[key], message)
                            placed = True
                    if not placed:
                        form.add_error(None, exc.message)
                except DomainError as exc:
                    form.add_error(None, exc.message)
                else:
                    messages.success(
                        request, _("Pengaduan %(code)s dibuat dari draf.") % {"code": complaint.tracking_code}
                    )
                    return redirect("console:channel_drafts")
    context = {
        "draft": draft,
        "form": form,
        "reject": reject,
        "sees_sender": access.can_see_sender(user, draft),
        "may_decide": access.can_decide(user, draft),
        "attachments": list(draft.attachments.all()),
    }
    context.update(console_context(request))
    return render(request, "console/channels/detail.html", context)
