"""Signing in and out of the console (Django's auth views with our templates; sign-out is a POST), and the
password: a reset link by email for who forgot it, a change for who is signed in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tuntas.audit import two_factor
from tuntas.audit.passwords import password_reset_request
from tuntas.core.site import base_url
from tuntas.web.console.auth.forms import (
    ConsoleAuthenticationForm,
    ConsolePasswordChangeForm,
    PasswordResetRequestForm,
    ResetSetPasswordForm,
)
from tuntas.web.console.common import console_context
from tuntas.web.shortcuts import rate_limited


@method_decorator(rate_limited("TUNTAS_RATE_LOGIN", "10/m"), name="post")
class LoginView(auth_views.LoginView):
    template_name = "console/login.html"
    authentication_form = ConsoleAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "console:login"

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Anda sudah keluar."))
        return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("TUNTAS_RATE_PASSWORD_RESET", "5/h")
def password_reset(request: HttpRequest) -> HttpResponse:
    """The same answer whether or not the address belongs to an account."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        base = base_url()  # TUNTAS_SITE_URL, else this request's address (core.site)
        password_reset_request(
            email=form.cleaned_data["email"], base_url=base, language=translation.get_language() or "id"
        )
        return redirect("console:password_reset_sent")
    return render(request, "console/password_reset.html", {"form": form})


@never_cache
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "console/password_reset_sent.html")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "console/password_reset_confirm.html"
    form_class = ResetSetPasswordForm
    reset_url_token = "atur"  # noqa: S105 - the path segment that replaces the token, not a secret
    success_url = reverse_lazy("console:login")

    def get_user(self, uidb64: str):  # noqa: ANN201
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def form_valid(self, form: ResetSetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Kata sandi baru tersimpan. Silakan masuk dengan kata sandi itu."))
        return response


@method_decorator(rate_limited("TUNTAS_RATE_LOGIN", "10/m"), name="post")
class PasswordChangeView(LoginRequiredMixin, auth_views.PasswordChangeView):
    """Keeps this session signed in (update_session_auth_hash); the user's other sessions end."""

    template_name = "console/password_change.html"
    form_class = ConsolePasswordChangeForm
    success_url = reverse_lazy("console:inbox")

    def get_context_data(self, **kwargs) -> dict:  # noqa: ANN003
        on = two_factor.confirmed_device(self.request.user) is not None
        return {**super().get_context_data(**kwargs), **console_context(self.request), "two_factor_on": on}

    def form_valid(self, form: ConsolePasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Kata sandi Anda sudah diubah. Sesi lain akun ini sudah keluar."))
        return response
