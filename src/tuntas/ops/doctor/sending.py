"""Test sends on request (``--send-test-email``, ``--send-test-sms``) through the configured channel adapters,
so they exercise exactly what the worker uses; nothing is written to the outbox."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from tuntas.notify.channels import channel_for
from tuntas.notify.models import OutboxMessage
from tuntas.ops.doctor.base import Finding, error, ok


def _message(channel: str, recipient: str) -> OutboxMessage:
    # Unsaved: a test send leaves no row; pk 0 gives the gateway a reference it can tell apart ("tuntas-0").
    return OutboxMessage(
        pk=0,
        channel=channel,
        recipient=recipient,
        template="doctor_test",
        subject=_("[%(site)s] Uji kiriman dari tuntas doctor") % {"site": settings.TUNTAS_SITE_NAME},
        body=_("Pesan uji dari tuntas doctor. Bila pesan ini sampai, saluran %(channel)s berfungsi.")
        % {"channel": channel},
    )


def send_test(channel: str, recipient: str) -> Finding:
    check = f"send_test_{channel}"
    try:
        channel_for(channel).send(_message(channel, recipient))
    except Exception as exc:  # the adapter's own error says what the receiver answered
        return error(
            check,
            _("Kiriman uji %(channel)s gagal: %(error)s") % {"channel": channel, "error": exc},
            _("Periksa pengaturan saluran (alamat, port, token) dan apakah server ini boleh menghubunginya."),
        )
    return ok(check, _("Kiriman uji %(channel)s diterima penerima.") % {"channel": channel})
