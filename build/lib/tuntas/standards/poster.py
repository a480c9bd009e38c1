"""A printable A4 poster of a published service standard (fpdf2), to hang at the service desk.

The delivery components, what a citizen needs at the counter, come first and large; the management components
follow in small print. Text is set in DejaVu Sans (Debian's fonts-dejavu-core) for Indonesian text and any
punctuation people paste; without that font the poster falls back to the PDF core font Helvetica, so it still
prints on a machine without it (characters outside Windows-1252 then become "?").
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from tuntas.standards.catalogue import BIAYA, JANGKA_WAKTU
from tuntas.standards.selectors import ComponentText, StandardView

FONT_DIR = Path(getattr(settings, "TUNTAS_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
# fontTools logs every font subset at INFO; a poster request is not worth twenty log lines.
logging.getLogger("fontTools").setLevel(logging.WARNING)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

PRIMARY = (11, 92, 142)
PRIMARY_DARK = (8, 74, 114)
PRIMARY_LIGHT = (230, 240, 247)
TEXT = (27, 31, 35)
MUTED = (74, 85, 97)
MARGIN = 12.0

# Punctuation that Helvetica (Windows-1252) lacks or that people paste from word processors.
_FALLBACK = str.maketrans({"\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " "})


class _Poster(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.font_name = "Helvetica"
        self.unicode = False
        self.scale = 1.0  # the body text shrinks by this factor until the poster fits on one page

    def use_fonts(self) -> None:
        files = {style: FONT_DIR / name for style, name in FONT_FILES.items()}
        if all(path.is_file() for path in files.values()):
            for style, path in files.items():
                self.add_font("DejaVu", style, str(path))
            self.font_name, self.unicode = "DejaVu", True
        else:
            self.core_fonts_encoding = "windows-1252"

    def clean(self, text: str) -> str:
        if self.unicode:
            return text
        text = text.translate(_FALLBACK)
        return text.encode("windows-1252", errors="replace").decode("windows-1252")

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = TEXT) -> None:
        self.set_font(self.font_name, "B" if bold else "", size)
        self.set_text_color(*color)

    def write_block(
        self, text: str, size: float, *, bold: bool = False, color=TEXT, h: float | None = None
    ) -> None:  # noqa: ANN001
        self.font(size, bold, color)
        self.multi_cell(0, h or size * 0.48, self.clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def footer(self) -> None:
        self.set_y(-11)
        self.font(7.5, color=MUTED)
        self.cell(0, 4, self.clean(self.footer_text), align="L")
        self.cell(0, 4, f"{self.page_no()}/{{nb}}", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _items(pdf: _Poster, item: ComponentText, size: float) -> None:
    """A component's lines as a numbered or bulleted list (one line stays a paragraph)."""
    lines = item.items or ["-"]
    size *= pdf.scale
    if len(lines) == 1:
        pdf.write_block(lines[0], size)
        return
    indent = size * 0.55
    pdf.font(size)
    for n, line in enumerate(lines, start=1):
        marker = f"{n}." if item.ordered else ("•" if pdf.unicode else "-")
        y = pdf.get_y()
        pdf.set_x(MARGIN)
        pdf.cell(indent, size * 0.48, marker)
        pdf.set_xy(MARGIN + indent, y)
        pdf.multi_cell(0, size * 0.48, pdf.clean(line), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _header(pdf: _Poster, view: StandardView) -> None:
    org = view.organisation
    width = pdf.w - 2 * MARGIN
    pdf.font(20, bold=True)
    title_lines = pdf.multi_cell(
        width - 8, 9, pdf.clean(view.service.name), dry_run=True, output=MethodReturnValue.LINES
    )
    org_lines = pdf.multi_cell(
        width - 8, 5, pdf.clean(org.name), dry_run=True, output=MethodReturnValue.LINES
    )
    height = 4 + 5 * len(org_lines) + 7 + 9 * len(title_lines) + 4
    pdf.set_fill_color(*PRIMARY_DARK)
    pdf.rect(0, 0, pdf.w, height + MARGIN / 2, style="F")
    pdf.set_xy(MARGIN + 4, MARGIN / 2 + 4)
    pdf.font(10, color=(255, 255, 255))
    pdf.multi_cell(width - 8, 5, pdf.clean(org.name), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(MARGIN + 4)
    pdf.font(11, bold=True, color=(255, 214, 102))
    pdf.cell(width - 8, 7, pdf.clean(_("STANDAR PELAYANAN")), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(MARGIN + 4)
    pdf.font(20, bold=True, color=(255, 255, 255))
    pdf.multi_cell(width - 8, 9, pdf.clean(view.service.name), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(height + MARGIN / 2 + 5)


def _highlights(pdf: _Poster, view: StandardView) -> None:
    """Time limit and cost in two large boxes: the two facts a citizen checks first."""
    by_code = {item.code: item for item in view.delivery}
    boxes = [(by_code.get(JANGKA_WAKTU), view.time_limit), (by_code.get(BIAYA), view.cost)]
    gap = 5
    box_w = (pdf.w - 2 * MARGIN - gap) / 2
    top = pdf.get_y()
    bottoms = []
    for i, (item, value) in enumerate(boxes):
        x = MARGIN + i * (box_w + gap)
        label = item.component.label if item else ""
        note = " ".join(item.items) if item else ""
        pdf.set_xy(x + 4, top + 3)
        pdf.font(9, bold=True, color=PRIMARY_DARK)
        pdf.multi_cell(box_w - 8, 4.5, pdf.clean(label.upper()), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.font(22, bold=True, color=TEXT)
        pdf.multi_cell(box_w - 8, 10, pdf.clean(value or "-"), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        if note and note.strip().lower() != (value or "").strip().lower():
            pdf.font(8.5 * pdf.scale, color=MUTED)
            pdf.multi_cell(
                box_w - 8, 4 * pdf.scale, pdf.clean(note), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT
            )
        bottoms.append(pdf.get_y() + 3)
    bottom = max(bottoms)
    pdf.set_draw_color(*PRIMARY)
    pdf.set_line_width(0.6)
    for i in range(2):
        pdf.rect(MARGIN + i * (box_w + gap), top, box_w, bottom - top, style="D")
    pdf.set_xy(MARGIN, bottom + 4)


def _section(pdf: _Poster, title: str) -> None:
    pdf.ln(1)
    pdf.font(10, bold=True, color=PRIMARY)
    pdf.cell(0, 6, pdf.clean(title.upper()), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*PRIMARY)
    pdf.set_line_width(0.4)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(2)


def _delivery(pdf: _Poster, view: StandardView) -> None:
    _section(pdf, _("Penyampaian pelayanan"))
    for item in view.delivery:
        if item.code in (JANGKA_WAKTU, BIAYA):
            continue  # already in the boxes above
        if pdf.will_page_break(14):
            pdf.add_page()
        pdf.write_block(
            item.component.label, 11.5 * pdf.scale, bold=True, color=PRIMARY_DARK, h=6 * pdf.scale
        )
        _items(pdf, item, 10.5)
        pdf.ln(2.5 * pdf.scale)


def _management_item(pdf: _Poster, item: ComponentText, x: float, width: float, size: float) -> float:
    """Write one management component at ``x``; returns its height (also right for a dry run's caller)."""
    lines = item.items or ["-"]
    marker = "•" if pdf.unicode else "-"
    text = lines[0] if len(lines) == 1 else "\n".join(f"{marker} {line}" for line in lines)
    top = pdf.get_y()
    pdf.set_x(x)
    pdf.font(size + 0.5, bold=True, color=PRIMARY_DARK)
    pdf.multi_cell(
        width, size * 0.5, pdf.clean(item.component.label), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    pdf.font(size, color=TEXT)
    pdf.multi_cell(width, size * 0.45, pdf.clean(text), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.ln(1.2)
    return pdf.get_y() - top


def _height(pdf: _Poster, item: ComponentText, width: float, size: float) -> float:
    lines = item.items or ["-"]
    text = lines[0] if len(lines) == 1 else "\n".join(f"- {line}" for line in lines)
    pdf.font(size + 0.5, bold=True)
    head = pdf.multi_cell(width, size * 0.5, pdf.clean(item.component.label), dry_run=True, output="HEIGHT")
    pdf.font(size)
    body = pdf.multi_cell(width, size * 0.45, pdf.clean(text), dry_run=True, output="HEIGHT")
    return head + body + 1.2


def _management(pdf: _Poster, view: StandardView) -> None:
    """The management components in small print, in two columns of about equal height; a component is never
    split between the columns."""
    if not view.management:
        return
    if pdf.will_page_break(20):
        pdf.add_page()
    _section(pdf, _("Pengelolaan pelayanan"))
    gap = 6
    width = (pdf.w - 2 * MARGIN - gap) / 2
    size = 7.5 * min(1.0, pdf.scale + 0.1)
    heights = [_height(pdf, item, width, size) for item in view.management]
    half, running, split = sum(heights) / 2, 0.0, len(heights)
    for i, h in enumerate(heights):
        if running + h / 2 > half:
            split = i
            break
        running += h
    top = pdf.get_y()
    bottoms = []
    for column, items in enumerate((view.management[:split], view.management[split:])):
        pdf.set_y(top)
        for item in items:
            _management_item(pdf, item, MARGIN + column * (width + gap), width, size)
        bottoms.append(pdf.get_y())
    pdf.set_xy(MARGIN, max(bottoms))


def _closing(pdf: _Poster, view: StandardView, page_url: str, report_url: str) -> None:
    if pdf.will_page_break(24):
        pdf.add_page()
    pdf.ln(3)
    top = pdf.get_y()
    pdf.set_fill_color(*PRIMARY_LIGHT)
    pdf.rect(MARGIN, top, pdf.w - 2 * MARGIN, 18, style="F")
    pdf.set_xy(MARGIN + 4, top + 2.5)
    pdf.font(10, bold=True, color=PRIMARY_DARK)
    pdf.cell(
        0,
        5,
        pdf.clean(_("Layanan tidak sesuai standar ini? Sampaikan pengaduan:")),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_x(MARGIN + 4)
    pdf.font(10, color=TEXT)
    pdf.cell(0, 5, pdf.clean(report_url), link=report_url, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(MARGIN + 4)
    pdf.font(8, color=MUTED)
    pdf.cell(
        0,
        5,
        pdf.clean(_("Standar ini daring: %(url)s") % {"url": page_url}),
        link=page_url,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


SCALES = (1.0, 0.92, 0.85, 0.78, 0.72)


def _render(view: StandardView, footer: str, page_url: str, report_url: str, scale: float) -> _Poster:
    pdf = _Poster(footer)
    pdf.scale = scale
    pdf.use_fonts()
    pdf.set_title(f"{_('Standar pelayanan')}: {view.service.name}")
    pdf.set_author(view.organisation.name)
    pdf.set_creator(settings.TUNTAS_SITE_NAME)
    pdf.set_lang(get_language() or "id")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=14)
    pdf.add_page()
    _header(pdf, view)
    _highlights(pdf, view)
    _delivery(pdf, view)
    _management(pdf, view)
    _closing(pdf, view, page_url, report_url)
    return pdf


def poster_pdf(view: StandardView, *, page_url: str, report_url: str) -> bytes:
    """The A4 poster of a published standard, as PDF bytes: one page when the texts fit at some scale (down to
    72 %), otherwise as many pages as they need."""
    standard = view.standard
    parts = [_("Versi %(n)s") % {"n": standard.version}]
    if standard.published_at:
        parts.append(_("berlaku sejak %(date)s") % {"date": date_format(standard.published_at, "j F Y")})
    if standard.decree:
        parts.append(standard.decree)
    footer = " · ".join(parts)
    for scale in SCALES:
        pdf = _render(view, footer, page_url, report_url, scale)
        if pdf.page_no() == 1:
            break
    return bytes(pdf.output())
