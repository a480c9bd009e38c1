"""Template filters for citizen-facing pages: dates written out the Indonesian way, file sizes."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def tanggal(value: dt.date | dt.datetime | None) -> str:
    """``23 November 2026`` (month names from the active language); local date for datetimes."""
    if not value:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "j F Y")


@register.filter
def tanggal_jam(value: dt.datetime | None) -> str:
    """``23 November 2026, 14.05`` in local time (Indonesians write the time with a dot)."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return _("%(date)s, %(time)s") % {"date": date_format(value, "j F Y"), "time": date_format(value, "H.i")}


@register.filter
def ukuran(size: int | None) -> str:
    """A file size a person can read: 820 KB, 2,4 MB (decimal separator of the active language)."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{number_format(size / (1024 * 1024), 1, use_l10n=True)} MB"


@register.simple_tag
def audience_note(complaint, visibility: str) -> str:  # noqa: ANN001 - a Complaint
    """The sentence under an action saying who will read it, from ``complaints.access.audience``."""
    from tuntas.complaints.access import audience

    return {
        "staff": "",
        "reporter": _("Perubahan ini terlihat oleh pelapor."),
        "public": _("Perubahan ini terlihat oleh pelapor dan publik."),
        "reporter_public_status": _(
            "Perubahan ini terlihat oleh pelapor. Publik hanya melihat statusnya, tanpa isinya (pengaduan "
            "rahasia atau anonim)."
        ),
    }[audience(complaint, visibility)]
