"""Flood protection for the public complaint form that never throws away what a citizen typed.

Kantor desa, warnet and mobile-carrier NAT put many honest people behind one address, so the address limit
counts only complaints actually stored (``TUNTAS_RATE_SUBMIT``); a mistyped form costs nothing. Floods are
held back by other means, cheapest first:

- a per-form token: the signed time the form was shown, put in every rendering of the form. A POST without a
  valid one (a script that never loaded the page), older than ``FORM_MAX_AGE``, or sent sooner than
  ``TUNTAS_SUBMIT_MIN_SECONDS`` after the form was shown (filled in by a machine) is refused;
- a honeypot field people never see;
- a generous ceiling on every POST from one address (``TUNTAS_RATE_SUBMIT_ATTEMPTS``) so that even invalid
  floods stay cheap.

Every refusal is a message on the same form with the typed content kept (only chosen files must be picked
again: browsers never re-fill a file input); the address limit says when the next try will be accepted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from tuntas.core import clock

SALT = "tuntas.portal.submit-form"
TOKEN_FIELD = "form_token"
HONEYPOT_FIELD = "situs_web"  # a plausible name a form-filling robot completes
FORM_MAX_AGE = dt.timedelta(hours=12)
ACCEPTED_GROUP = "tuntas.portal.submit.accepted"
ATTEMPT_GROUP = "tuntas.portal.submit.attempts"


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int


def issue(at: dt.datetime | None = None) -> str:
    """A token for one rendering of the form: the time it was shown, signed."""
    return signing.dumps(int((at or clock.now()).timestamp()), salt=SALT, compress=False)


def _shown_at(token: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(signing.loads(token, salt=SALT)), tz=dt.UTC)
    except (signing.BadSignature, TypeError, ValueError, OverflowError):
        return None


def check_form(request: HttpRequest) -> Refusal | None:
    """The token and the honeypot of a POST of the complaint form; None when both are fine."""
    again = _("Isian Anda masih ada di bawah: periksa sebentar, lalu tekan Kirim pengaduan sekali lagi.")
    if request.POST.get(HONEYPOT_FIELD):
        return Refusal(_("Pengaduan belum dapat diterima.") + " " + again, 400)
    shown = _shown_at(request.POST.get(TOKEN_FIELD, ""))
    now = clock.now()
    if shown is None or now - shown > FORM_MAX_AGE:
        return Refusal(_("Formulir ini sudah terlalu lama terbuka atau tidak lengkap.") + " " + again, 400)
    if now - shown < dt.timedelta(seconds=settings.TUNTAS_SUBMIT_MIN_SECONDS):
        return Refusal(_("Formulir terkirim terlalu cepat.") + " " + again, 400)
    return None


def _usage(request: HttpRequest, group: str, setting: str, *, increment: bool) -> dict | None:
    return get_usage(
        request, group=group, key="ip", rate=getattr(settings, setting), method="POST", increment=increment
    )


def _try_again_message(first: str, seconds_left: int) -> str:
    seconds_left = max(seconds_left, 60)
    at = timezone.localtime(clock.now() + dt.timedelta(seconds=seconds_left))
    minutes = (seconds_left + 59) // 60
    when = ngettext(
        "Anda dapat mengirim lagi mulai pukul %(at)s (sekitar %(n)s menit lagi).",
        "Anda dapat mengirim lagi mulai pukul %(at)s (sekitar %(n)s menit lagi).",
        minutes,
    ) % {"at": time_format(at, "H.i"), "n": minutes}
    kept = _("Isian Anda tetap ada di bawah dan tidak hilang; lampiran perlu dipilih lagi.")
    return f"{first} {when} {kept}"


def count_attempt(request: HttpRequest) -> Refusal | None:
    """Counts this POST against the generous ceiling on all attempts; a Refusal when it is exceeded."""
    usage = _usage(request, ATTEMPT_GROUP, "TUNTAS_RATE_SUBMIT_ATTEMPTS", increment=True)
    if usage and usage["should_limit"]:
        first = _("Terlalu banyak percobaan pengiriman dari alamat internet Anda.")
        return Refusal(_try_again_message(first, usage["time_left"]), 429)
    return None


def check_accepted(request: HttpRequest) -> Refusal | None:
    """A Refusal when this address already filed as many complaints as the limit allows in this window."""
    usage = _usage(request, ACCEPTED_GROUP, "TUNTAS_RATE_SUBMIT", increment=False)
    if usage and usage["count"] >= usage["limit"]:
        first = _(
            "Dari alamat internet Anda sudah masuk banyak pengaduan dalam waktu singkat "
            "(misalnya dari kantor desa atau warnet yang dipakai bersama)."
        )
        return Refusal(_try_again_message(first, usage["time_left"]), 429)
    return None


def count_accepted(request: HttpRequest) -> None:
    """Call once a complaint was stored: only accepted complaints count toward ``TUNTAS_RATE_SUBMIT``."""
    _usage(request, ACCEPTED_GROUP, "TUNTAS_RATE_SUBMIT", increment=True)
