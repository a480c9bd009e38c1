"""The certificate of a designated Desa Anti-Maladministrasi: one A4 landscape page (fpdf2), printed for the
village office beside the plaque. DejaVu Sans like the standards poster (poster.FONT_DIR), Helvetica without it.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tuntas.standards import poster
from tuntas.villages.models import Participation

GOLD = (176, 132, 34)
NAVY = (8, 74, 114)
TEXT = (27, 31, 35)
MUTED = (74, 85, 97)


class _Certificate(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.font_name, self.unicode = "Helvetica", False

    def use_fonts(self) -> None:
        files = {style: poster.FONT_DIR / name for style, name in poster.FONT_FILES.items()}
        if all(path.is_file() for path in files.values()):
            for style, path in files.items():
                self.add_font("DejaVu", style, str(path))
            self.font_name, self.unicode = "DejaVu", True
        else:
            self.core_fonts_encoding = "windows-1252"

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        return text.encode("windows-1252", errors="replace").decode("windows-1252")

    def line_of(
        self, text: str, size: float, *, bold: bool = False, color=TEXT, h: float | None = None
    ) -> None:  # noqa: ANN001
        self.set_font(self.font_name, "B" if bold else "", size)
        self.set_text_color(*color)
        self.multi_cell(0, h or size * 0.5, self.clean(text), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def kecamatan_name(participation: Participation) -> str:
    region = participation.village.region
    return region.parent.name if region and region.parent else ""


def village_name(participation: Participation) -> str:
    village = participation.village
    region = village.region
    if region is not None:
        return f"{region.get_kind_display()} {region.name}"
    return village.short_name or village.name


def certificate_pdf(participation: Participation) -> bytes:
    """The certificate as PDF bytes; the participation must be designated (date and decree set)."""
    programme = participation.programme
    regency = programme.pemkab.region
    pdf = _Certificate()
    pdf.use_fonts()
    pdf.set_title(_("Sertifikat Desa Anti-Maladministrasi: %(name)s") % {"name": village_name(participation)})
    pdf.set_author(programme.ombudsman.name)
    pdf.set_creator(settings.TUNTAS_SITE_NAME)
    pdf.set_lang(get_language() or "id")
    pdf.set_auto_page_break(False)
    pdf.set_margins(25, 20, 25)
    pdf.add_page()
    # A double frame: gold outside, navy inside.
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(2.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(0.6)
    pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)
    pdf.set_fill_color(*NAVY)
    pdf.rect(13, 13, pdf.w - 26, 8, style="F")

    pdf.set_y(30)
    pdf.line_of(programme.ombudsman.name.upper(), 12, bold=True, color=NAVY)
    pdf.ln(6)
    pdf.line_of(_("SERTIFIKAT"), 30, bold=True, color=GOLD, h=13)
    pdf.line_of(_("Desa Anti-Maladministrasi"), 18, bold=True, color=NAVY, h=10)
    pdf.ln(5)
    pdf.line_of(_("diberikan kepada"), 12, color=MUTED)
    pdf.ln(2)
    pdf.line_of(village_name(participation), 28, bold=True, h=13)
    place = []
    if kecamatan_name(participation):
        place.append(_("Kecamatan %(name)s") % {"name": kecamatan_name(participation)})
    if regency is not None:
        place.append(
            f"{regency.get_kind_display()} {regency.name.removeprefix('Kabupaten ').removeprefix('Kota ')}"
        )
    pdf.line_of(", ".join(place), 14, h=8)
    pdf.ln(5)
    pdf.line_of(
        _(
            "yang telah memenuhi kriteria pelayanan publik desa yang bebas dari maladministrasi: standar "
            "pelayanan, maklumat pelayanan, pengelolaan pengaduan, keterbukaan informasi dan kinerja pelayanan."
        ),
        11,
        color=MUTED,
        h=6,
    )
    pdf.ln(2)
    pdf.line_of(_("Dasar penetapan: %(decree)s") % {"decree": participation.decree_number}, 11, h=6)

    # Date and signatory block at the bottom right; the programme's MoU at the bottom left.
    bottom = pdf.h - 58
    left = pdf.w / 2 - 5
    width = pdf.w - 25 - left
    pdf.set_xy(left, bottom)
    pdf.set_font(pdf.font_name, "", 11)
    pdf.set_text_color(*TEXT)
    place_date = _("%(place)s, %(date)s") % {
        "place": regency.name.removeprefix("Kabupaten ").removeprefix("Kota ") if regency else "",
        "date": date_format(participation.designated_on, "j F Y"),
    }
    pdf.multi_cell(width, 6, pdf.clean(place_date), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.multi_cell(
        width, 6, pdf.clean(programme.signatory_title), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    pdf.ln(16)
    pdf.set_draw_color(*TEXT)
    pdf.set_line_width(0.3)
    pdf.line(left + 20, pdf.get_y(), left + width - 20, pdf.get_y())
    if programme.mou_reference:
        pdf.set_xy(25, pdf.h - 34)
        pdf.set_font(pdf.font_name, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(
            pdf.w / 2 - 45,
            4,
            pdf.clean(
                _("Program kerja sama %(pemkab)s dan %(ombudsman)s. %(mou)s")
                % {
                    "pemkab": programme.pemkab.name,
                    "ombudsman": programme.ombudsman.name,
                    "mou": programme.mou_reference,
                }
            ),
            align="L",
        )
    return bytes(pdf.output())
