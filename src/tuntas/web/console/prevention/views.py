"""The console's "Pencegahan" page: one entry to the prevention programmes (service standards, satisfaction
surveys, compliance self-assessment, Desa Anti-Maladministrasi, cooperation and training, the unit's public
profile). A card shows only when its page has something for the user, by the same ``uses_console`` rule that
page refuses the others with, so a card never leads to a refusal; each says what waits there now."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from tuntas.compliance import selectors as compliance
from tuntas.cooperation import access as cooperation
from tuntas.core import clock
from tuntas.directory.models import User
from tuntas.directory.profile import editable_organisations
from tuntas.standards import selectors as standards
from tuntas.surveys import selectors as surveys
from tuntas.villages import selectors as villages
from tuntas.web.shortcuts import render_console


@dataclass
class Card:
    url: str
    title: str
    text: str
    todo: list[str] = field(default_factory=list)  # what waits there now, one line each


def _when(n: int, text: str) -> list[str]:
    """``text`` (an ngettext of ``n`` with a ``%(n)s``) as a line when there is something, else nothing."""
    return [text % {"n": n}] if n else []


def cards(user: User) -> list[Card]:
    """The hub's cards the user can act on, in the programme order, with their lines of work."""
    today = clock.today()
    out = []
    if standards.uses_console(user):
        n = standards.standards_in_progress(user)
        out.append(
            Card(
                reverse("console:standards"),
                _("Standar pelayanan"),
                _("Susun, konsultasikan dan terbitkan standar layanan dengan 14 komponennya."),
                _when(
                    n,
                    ngettext(
                        "%(n)s standar sedang disusun atau dikonsultasikan.",
                        "%(n)s standar sedang disusun atau dikonsultasikan.",
                        n,
                    ),
                ),
            )
        )
    if surveys.uses_console(user):
        n = surveys.surveys_running(user, today)
        out.append(
            Card(
                reverse("console:survey_index"),
                _("Survei kepuasan masyarakat"),
                _("Buka periode survei per layanan, cetak kode QR loket, baca hasil IKM."),
                _when(
                    n,
                    ngettext(
                        "%(n)s periode survei sedang berjalan.", "%(n)s periode survei sedang berjalan.", n
                    ),
                ),
            )
        )
    if compliance.uses_console(user):
        work = compliance.compliance_work(user, today)
        mine, review = work.self_open, work.to_review
        out.append(
            Card(
                reverse("console:compliance_rounds"),
                _("Penilaian kepatuhan"),
                _("Penilaian mandiri dengan bukti, penilaian reviu, zona dan opini."),
                _when(
                    mine,
                    ngettext(
                        "%(n)s penilaian mandiri unit Anda belum diajukan.",
                        "%(n)s penilaian mandiri unit Anda belum diajukan.",
                        mine,
                    ),
                )
                + _when(
                    review,
                    ngettext("%(n)s penilaian menunggu reviu.", "%(n)s penilaian menunggu reviu.", review),
                ),
            )
        )
    if villages.uses_console(user):
        work = villages.village_work(user)
        verify, designate = work.to_verify, work.to_designate
        out.append(
            Card(
                reverse("console:village_index"),
                _("Desa Anti-Maladministrasi"),
                _("Komitmen, pengisian instrumen, verifikasi dua tingkat dan penetapan desa."),
                _when(
                    verify,
                    ngettext("%(n)s desa menunggu verifikasi.", "%(n)s desa menunggu verifikasi.", verify),
                )
                + _when(
                    designate,
                    ngettext("%(n)s desa menunggu penetapan.", "%(n)s desa menunggu penetapan.", designate),
                )
                + [
                    _("%(village)s: %(stage)s.") % {"village": p.village.name, "stage": p.get_stage_display()}
                    for p in work.mine
                ],
            )
        )
    if cooperation.uses_console(user):
        out.append(
            Card(
                reverse("console:cooperation"),
                _("Kerja sama dan pelatihan"),
                _("Nota kesepakatan dengan Ombudsman, rencana aksi, bimtek dan sosialisasi."),
            )
        )
    if editable_organisations(user).exists():
        out.append(
            Card(
                reverse("console:profiles"),
                _("Profil unit"),
                _("Halaman publik unit Anda: maklumat, jam layanan, kontak."),
            )
        )
    return out


@login_required
@require_GET
def prevention(request: HttpRequest) -> HttpResponse:
    return render_console(request, "console/prevention.html", {"cards": cards(request.user)})
