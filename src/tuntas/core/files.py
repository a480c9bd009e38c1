"""Upload cleaning for every stored file (complaint attachments, clarification documents, compliance and DAM
evidence, cooperation uploads): the content decides the type (not the name or the browser), and metadata is
removed.

Images are decoded and re-encoded, which drops EXIF (GPS position, camera owner) after applying its
orientation; PDFs are parsed and rewritten without their document information (author, creator).
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject

from tuntas.core.errors import InvalidInput
from tuntas.core.models import StoredFile

# A few kilobytes of PNG can claim a 10,000 x 10,000 canvas that takes 400 MB to decode. Pillow only warns
# between this and twice it, so the size is checked from the header, before any pixel is decoded.
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

IMAGE_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
# Many phone cameras write MPO (a JPEG followed by extra frames); Pillow reports it as its own format.
# The first frame is kept and saved as a plain JPEG.
FORMAT_ALIASES = {"MPO": "JPEG"}
# Page-level entries that may carry authoring metadata (XMP packets, application data) or actions run on
# opening or closing the page.
PDF_PAGE_METADATA = ("/Metadata", "/PieceInfo", "/AA")
# Annotation actions a reader would run for whoever opens the file: scripts, programs, form submission.
PDF_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/Rendition", "/GoToE"}


class _TooManyPixels(InvalidInput):
    pass


Row = TypeVar("Row", bound=StoredFile)


@dataclass(frozen=True)
class CleanFile:
    name: str
    content: bytes
    content_type: str
    sha256: str

    @property
    def size(self) -> int:
        return len(self.content)


def _clean_image(data: bytes) -> tuple[bytes, str, str]:
    try:
        with warnings.catch_warnings():  # the size is refused just below, with our own message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
        with probe:
            fmt = FORMAT_ALIASES.get(probe.format, probe.format)
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise _TooManyPixels(
                    _("Gambar terlalu besar: %(w)s × %(h)s piksel (paling banyak %(mp)s megapiksel).")
                    % {"w": width, "h": height, "mp": MAX_PIXELS // 1_000_000}
                )
            probe.verify()
        if fmt not in IMAGE_FORMATS:
            raise InvalidInput(_("Format gambar tidak didukung."))
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)
            out = io.BytesIO()
            if fmt == "JPEG":
                img.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
            else:
                img.save(out, fmt)
    except InvalidInput:
        raise
    except Exception as exc:  # UnidentifiedImageError, DecompressionBombError, truncated data, ...
        raise InvalidInput(_("Berkas gambar rusak atau tidak dapat dibaca.")) from exc
    content_type, ext = IMAGE_FORMATS[fmt]
    return out.getvalue(), content_type, ext


def _clean_pdf(data: bytes) -> bytes:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InvalidInput(_("PDF yang dikunci kata sandi tidak dapat diterima."))
        # Only the pages are copied: the document information (author, creator), the catalog's XMP
        # metadata, scripts and embedded files stay behind.
        writer = PdfWriter()
        # Stripped before the copy, so the removed objects are not carried along unreferenced.
        for page in reader.pages:
            for key in PDF_PAGE_METADATA:
                page.pop(key, None)
            _drop_active_annotations(page)
            writer.add_page(page)
        writer.add_metadata({"/Producer": "Tuntas"})
        out = io.BytesIO()
        writer.write(out)
    except InvalidInput:
        raise
    except Exception as exc:  # any parser failure on untrusted input is a bad file, not a server error
        raise InvalidInput(_("Berkas PDF rusak atau tidak dapat dibaca.")) from exc
    return out.getvalue()


def _drop_active_annotations(page) -> None:  # noqa: ANN001 - a pypdf PageObject
    """Links and widgets that run a script or a program, or send data somewhere, are removed from the page;
    plain links and notes stay."""
    annots = page.get("/Annots")
    if annots is None:
        return
    kept = ArrayObject()
    for ref in annots.get_object():
        annot = ref.get_object()
        action = annot.get("/A")
        kind = action.get_object().get("/S") if action is not None else None
        if kind in PDF_ACTIVE_ACTIONS or "/AA" in annot:
            continue
        kept.append(ref)
    page[NameObject("/Annots")] = kept


def clean_upload(name: str, data: bytes) -> CleanFile:
    """Validate one uploaded file and return it stripped of metadata; raises InvalidInput with a clear message."""
    limit = settings.TUNTAS_MAX_ATTACHMENT_BYTES
    if len(data) == 0:
        raise InvalidInput(_("Berkas %(name)s kosong.") % {"name": name})
    if len(data) > limit:
        raise InvalidInput(
            _("Berkas %(name)s terlalu besar (maksimal %(mb)s MB).")
            % {"name": name, "mb": limit // (1024 * 1024)}
        )
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]  # never a path from the client
    stem = (base.rsplit(".", 1)[0].strip() or "lampiran")[:80]
    if data.startswith(b"%PDF-"):
        content, content_type, ext = _clean_pdf(data), "application/pdf", "pdf"
    else:
        try:
            content, content_type, ext = _clean_image(data)
        except _TooManyPixels as exc:
            raise InvalidInput(f"{name}: {exc.message}") from exc
        except InvalidInput as exc:
            raise InvalidInput(
                _("Berkas %(name)s bukan gambar (JPEG, PNG, WebP) atau PDF yang sah.") % {"name": name}
            ) from exc
    return CleanFile(
        name=f"{stem}.{ext}",
        content=content,
        content_type=content_type,
        sha256=hashlib.sha256(content).hexdigest(),
    )


def clean_uploads(files: list[tuple[str, bytes]]) -> list[CleanFile]:
    if len(files) > settings.TUNTAS_MAX_ATTACHMENTS:
        raise InvalidInput(_("Paling banyak %(n)s lampiran.") % {"n": settings.TUNTAS_MAX_ATTACHMENTS})
    return [clean_upload(n, d) for n, d in files]


def store_clean_file(row: Row, clean: CleanFile) -> Row:
    """Save a cleaned upload with its row: the file under the row's ``upload_to`` and the shared columns
    (``original_name``, ``content_type``, ``size``, ``sha256``); the caller sets the rest of the row."""
    row.original_name = clean.name
    row.content_type = clean.content_type
    row.size = clean.size
    row.sha256 = clean.sha256
    row.file.save(clean.name, ContentFile(clean.content), save=False)
    row.save()
    return row
