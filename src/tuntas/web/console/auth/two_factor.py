"""The console's second sign-in step: the code page, and setting up an authenticator (a QR code to scan, the
key to type by hand). The rule of who must is ``audit.two_factor``; these pages only ask and check."""

from __future__ import annotations

from base64 import b32encode

import django_otp
import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tuntas.audit import two_factor
from tuntas.audit.models import AuditEntry
from tuntas.audit.services import audit_record


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=gettext_lazy("Kode 6 angka dari aplikasi autentikator"),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        error_messages={"invalid": gettext_lazy("Tulis 6 angka, tanpa huruf.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 7, "autofocus": True}
        ),
    )

    def token(self) -> str:
        return self.cleaned_data["code"].replace(" ", "").strip()


def _refused(device) -> str | None:  # noqa: ANN001 - a TOTPDevice
    allowed, info = device.verify_is_allowed()
    if allowed:
        return None
    until = (info or {}).get("locked_until")
    if until is None:
        return _("Terlalu banyak kode salah. Tunggu sebentar, lalu coba lagi.")
    when = formats.time_format(timezone.localtime(until), "H.i.s")
    return _("Terlalu banyak kode salah. Coba lagi setelah pukul %(time)s.") % {"time": when}


def _check(request: HttpRequest, form: CodeForm, device) -> bool:  # noqa: ANN001
    """The code on ``device``: throttled by django-otp, each wrong one in the audit log."""
    refused = _refused(device)
    if refused:
        form.add_error("code", refused)
        return False
    if device.verify_token(form.token()):
        return True
    audit_record(AuditEntry.Action.TWO_FACTOR_FAILED, request=request, target=request.user.get_username())
    form.add_error("code", _("Kode salah atau sudah lewat waktunya. Tulis kode yang tampil sekarang."))
    return False


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('console:two_factor_setup')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check(request, form, device):
        django_otp.login(request, device)
        return redirect(two_factor.safe_next(request, reverse("console:inbox")))
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "next": two_factor.safe_next(request, "")}
    return render(request, "console/two_factor_verify.html", context, status=status)


def _grouped(key: bytes) -> str:
    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if two_factor.confirmed_device(user) is not None:
        if not user.is_verified():
            return redirect(f"{reverse('console:two_factor_verify')}?{request.GET.urlencode()}")
        messages.info(request, _("Verifikasi dua langkah sudah aktif untuk akun ini."))
        return redirect("console:inbox")
    device = two_factor.setup_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _check(request, form, device):
        two_factor.confirm(user, device)
        django_otp.login(request, device)
        audit_record(AuditEntry.Action.TWO_FACTOR_ENROLLED, request=request, target=user.get_username())
        messages.success(
            request, _("Verifikasi dua langkah aktif. Mulai sekarang, masuk memakai kode dari ponsel.")
        )
        return redirect(two_factor.safe_next(request, reverse("console:inbox")))
    context = {
        "form": form,
        "next": two_factor.safe_next(request, ""),
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, border=2),
        "key": _grouped(device.bin_key),
        "required": two_factor.is_required(user),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "console/two_factor_setup.html", context, status=status)
