"""The component catalogue: the codes the code relies on, restoring the seeded rows, and how the structured
values (time limit, cost) read in a sentence."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuntas.standards.models import Component

PERSYARATAN = "persyaratan"
PROSEDUR = "prosedur"
JANGKA_WAKTU = "jangka_waktu"
BIAYA = "biaya"
PRODUK = "produk"
PENGADUAN = "pengaduan"

# Components with a number besides their text, and the ServiceStandard field that holds it.
STRUCTURED = {JANGKA_WAKTU: "time_limit_days", BIAYA: "cost_rupiah"}


def ensure_components() -> None:
    """Put the seeded catalogue back when it is gone (a flushed test database), without copying the list."""
    if not Component.objects.exists():
        importlib.import_module("tuntas.standards.migrations.0002_component_catalogue").forwards(apps, None)


def rupiah(amount: int) -> str:
    """``Rp 50.000``: Indonesian thousands separators whatever the active language."""
    return "Rp " + f"{amount:,}".replace(",", ".")


def cost_label(amount: int | None) -> str:
    if amount is None:
        return ""
    return _("Gratis") if amount == 0 else rupiah(amount)


def time_limit_label(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return _("Selesai pada hari yang sama")
    return ngettext("%(n)s hari kerja", "%(n)s hari kerja", days) % {"n": days}
