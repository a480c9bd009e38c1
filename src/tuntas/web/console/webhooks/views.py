"""Webhook subscriptions of the organisations the viewer runs (admin or pimpinan): add one, see its key,
deliveries and their attempts, send a test event, replay a delivery, rotate the key, switch it off.

Every action goes through ``interop.services_webhooks`` and ends in a redirect; a refusal is flashed
(``domain_errors``) and input errors are shown on the form.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tuntas.interop import services_webhooks as service
from tuntas.interop import webhooks
from tuntas.interop.models import WebhookSubscription
from tuntas.web.console.common import console_context
from tuntas.web.domain_errors import ServiceErrors, domain_errors, form_errors


def _type_choices() -> list[tuple[str, str]]:
    return [(t.name, f"{t.label} ({t.name})") for t in webhooks.EVENT_TYPES]


class SubscriptionForm(ServiceErrors, forms.Form):
    organisation = forms.TypedChoiceField(label=gettext_lazy("Organisasi"), coerce=int)
    name = forms.CharField(label=gettext_lazy("Nama penerima"), max_length=120)
    url = forms.CharField(
        label=gettext_lazy("Alamat penerima (URL)"),
        max_length=300,
        help_text=gettext_lazy("Diawali https://. Tuntas mengirim POST berisi JSON bertanda tangan."),
    )
    event_types = forms.MultipleChoiceField(
        label=gettext_lazy("Jenis peristiwa"), widget=forms.CheckboxSelectMultiple, choices=_type_choices
    )

    def __init__(self, *args, organisations: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].widget = forms.HiddenInput()


class EditForm(ServiceErrors, forms.Form):
    url = forms.CharField(label=gettext_lazy("Alamat penerima (URL)"), max_length=300)
    event_types = forms.MultipleChoiceField(
        label=gettext_lazy("Jenis peristiwa"), widget=forms.CheckboxSelectMultiple, choices=_type_choices
    )
    is_active = forms.BooleanField(label=gettext_lazy("Aktif"), required=False)


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, template, {**context, **console_context(request)}, status=status)
    add_never_cache_headers(response)  # the page shows a signing key
    return response


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors(back=lambda request, **_kw: request.path)
def webhook_list(request: HttpRequest) -> HttpResponse:
    organisations = service.managed_organisations(request.user)
    if not organisations:
        raise PermissionDenied(_("Webhook diatur oleh admin atau pimpinan organisasi."))
    form = SubscriptionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            sub = service.subscription_create(
                actor=request.user,
                organisation_id=form.cleaned_data["organisation"],
                name=form.cleaned_data["name"],
                url=form.cleaned_data["url"],
                event_types=form.cleaned_data["event_types"],
            )
            messages.success(
                request,
                _("Penerima “%(name)s” ditambahkan. Simpan kuncinya di sistem penerima.")
                % {"name": sub.name},
            )
            return redirect("console:webhook", subscription_id=sub.pk)
    status = 422 if request.method == "POST" else 200
    context = {"subscriptions": service.subscriptions_for(request.user), "form": form}
    return _render(request, "console/webhooks/list.html", context, status)


def _detail_context(sub: WebhookSubscription, edit: EditForm | None = None) -> dict:
    edit = edit or EditForm(
        initial={"url": sub.url, "event_types": sub.event_types, "is_active": sub.is_active}
    )
    return {
        "sub": sub,
        "edit_form": edit,
        "deliveries": service.deliveries_of(sub),
        "labels": {t.name: t.label for t in webhooks.EVENT_TYPES},
    }


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors(back=lambda request, **_kw: request.path)
def webhook_detail(request: HttpRequest, subscription_id: int) -> HttpResponse:
    user = request.user
    sub = service.subscription_for(user, subscription_id)
    if request.method == "GET":
        return _render(request, "console/webhooks/detail.html", _detail_context(sub))
    action = request.POST.get("action", "")
    if action == "test":
        service.send_test(actor=user, subscription_id=sub.pk)
        messages.success(
            request, _("Peristiwa uji dimasukkan ke antrean; hasilnya tampil di daftar kiriman.")
        )
    elif action == "rotate":
        service.subscription_rotate_secret(actor=user, subscription_id=sub.pk)
        messages.success(request, _("Kunci baru dibuat. Perbarui kunci di sistem penerima."))
    elif action == "replay" and request.POST.get("delivery", "").isdigit():
        service.replay(actor=user, delivery_id=int(request.POST["delivery"]))
        messages.success(request, _("Kiriman dimasukkan lagi ke antrean dengan id yang sama."))
    elif action == "update":
        form = EditForm(request.POST)
        if form.is_valid():
            with form_errors(form):
                service.subscription_update(
                    actor=user,
                    subscription_id=sub.pk,
                    url=form.cleaned_data["url"],
                    event_types=form.cleaned_data["event_types"],
                    is_active=form.cleaned_data["is_active"],
                )
                messages.success(request, _("Perubahan disimpan."))
                return redirect("console:webhook", subscription_id=sub.pk)
        return _render(request, "console/webhooks/detail.html", _detail_context(sub, form), 422)
    else:
        messages.error(request, _("Tindakan tidak dikenal."))
    return redirect("console:webhook", subscription_id=sub.pk)
