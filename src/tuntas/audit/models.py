"""The audit log: what staff did that an auditor must be able to check afterwards (sign-ins, failed sign-ins,
reveals of a reporter's identity, exports, role changes, password resets and changes). Append-only, like every history table."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuntas.core.models import AppendOnlyModel


class AuditEntry(AppendOnlyModel):
    class Action(models.TextChoices):
        LOGIN = "login", _("Masuk")
        LOGIN_FAILED = "login_failed", _("Gagal masuk")
        LOGOUT = "logout", _("Keluar")
        IDENTITY_REVEALED = "identity_revealed", _("Identitas pelapor dibuka")
        EXPORT = "export", _("Ekspor data")
        ROLE_GRANTED = "role_granted", _("Peran diberikan")
        ROLE_CHANGED = "role_changed", _("Peran diubah")
        ROLE_REVOKED = "role_revoked", _("Peran dicabut")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Tautan atur ulang kata sandi dikirim")
        PASSWORD_RESET = "password_reset", _("Kata sandi diatur ulang lewat email")
        PASSWORD_CHANGED = "password_changed", _("Kata sandi diubah")
        TWO_FACTOR_ENROLLED = "two_factor_enrolled", _("Verifikasi dua langkah dipasang")
        TWO_FACTOR_FAILED = "two_factor_failed", _("Kode verifikasi dua langkah salah")

    created_at = models.DateTimeField(_("waktu"), db_index=True)
    action = models.CharField(_("tindakan"), max_length=30, choices=Action.choices)
    # Who acted; the name is kept as it was, so the row still reads right after the account is renamed
    # or removed. A failed sign-in names the username that was tried and has no actor.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("akun pelaku"),
    )
    actor_name = models.CharField(_("pelaku"), max_length=200, blank=True, default="")
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisasi"),
    )
    target = models.CharField(_("objek"), max_length=200, blank=True, default="")
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    detail = models.JSONField(_("rincian"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["action", "created_at"])]
        verbose_name = _("entri log audit")
        verbose_name_plural = _("log audit")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.actor_name}"


class AuthenticatorDevice(TOTPDevice):
    """A staff member's authenticator app (django-otp's TOTP device) as the admin lists it, in our words: the
    admin deletes a lost phone's device here, and its owner sets up a new one at the next sign-in."""

    class Meta:
        proxy = True
        verbose_name = _("perangkat autentikator")
        verbose_name_plural = pgettext_lazy("jamak", "perangkat autentikator")
