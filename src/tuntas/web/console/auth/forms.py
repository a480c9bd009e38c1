"""The console's sign-in and password forms: Django's, with wording that reads naturally in Indonesian
(Django's Indonesian "Masukkan nama pengguna %(username)s" repeated the field name) and the password
stored through ``audit.passwords.password_set``."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from tuntas.audit.passwords import password_set


class ConsoleAuthenticationForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
        "inactive": _("Akun ini tidak aktif."),
    }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email akun Anda"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


def _labels(form: SetPasswordForm) -> None:
    form.fields["new_password1"].label = _("Kata sandi baru")
    form.fields["new_password2"].label = _("Ulangi kata sandi baru")
    form.error_messages = {**form.error_messages, "password_mismatch": _("Kedua kata sandi baru tidak sama.")}


class ResetSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        _labels(self)

    def save(self, commit: bool = True):  # noqa: ANN201, ARG002, FBT001, FBT002
        password_set(user=self.user, password=self.cleaned_data["new_password1"], reset=True)
        return self.user


class ConsolePasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        _labels(self)
        self.fields["old_password"].label = _("Kata sandi saat ini")
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": _("Kata sandi saat ini salah. Masukkan sekali lagi."),
        }

    def save(self, commit: bool = True):  # noqa: ANN201, ARG002, FBT001, FBT002
        password_set(user=self.user, password=self.cleaned_data["new_password1"], reset=False)
        return self.user
