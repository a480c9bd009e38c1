"""Upload cleaning (tuntas.core.files): the content decides the type, and metadata that could identify the
person who sent the file is removed."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.complaints.conftest import jpeg_with_exif, pdf_with_author, png_bytes
from tuntas.core.errors import InvalidInput
from tuntas.core.files import clean_upload, clean_uploads


def test_phone_photo_in_mpo_format_is_accepted_as_jpeg():
    first, second = Image.new("RGB", (40, 30), (1, 2, 3)), Image.new("RGB", (40, 30), (9, 9, 9))
    exif = Image.Exif()
    exif[0x013B] = "Siti Aminah"
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second], exif=exif)
    cleaned = clean_upload("kamera.jpg", out.getvalue())
    assert cleaned.content_type == "image/jpeg"
    assert dict(Image.open(io.BytesIO(cleaned.content)).getexif()) == {}


def test_png_is_accepted():
    cleaned = clean_upload("peta.png", png_bytes())
    assert (cleaned.content_type, cleaned.name) == ("image/png", "peta.png")
    assert Image.open(io.BytesIO(cleaned.content)).size == (32, 32)


def test_pdf_author_is_removed():
    original = pdf_with_author("Siti Aminah")
    assert PdfReader(io.BytesIO(original)).metadata["/Author"] == "Siti Aminah"
    cleaned = clean_upload("surat.pdf", original)
    reader = PdfReader(io.BytesIO(cleaned.content))
    assert "/Author" not in reader.metadata and "/Creator" not in reader.metadata
    assert len(reader.pages) == 1
    assert b"Siti" not in cleaned.content


def test_text_file_named_like_a_photo_is_rejected():
    with pytest.raises(InvalidInput):
        clean_upload("x.jpg", b"Ini hanya teks biasa, bukan foto.\n" * 10)


def test_file_over_the_size_limit_is_rejected(settings):
    settings.TUNTAS_MAX_ATTACHMENT_BYTES = 1024
    with pytest.raises(InvalidInput):
        clean_upload("besar.jpg", jpeg_with_exif(size=(400, 400)) + b"\0" * 1024)


def test_empty_file_is_rejected():
    with pytest.raises(InvalidInput):
        clean_upload("kosong.jpg", b"")


def test_more_than_five_files_are_rejected():
    with pytest.raises(InvalidInput):
        clean_uploads([(f"f{i}.png", png_bytes()) for i in range(6)])


def test_five_files_are_accepted():
    assert len(clean_uploads([(f"f{i}.png", png_bytes()) for i in range(5)])) == 5


def test_password_protected_pdf_is_rejected():
    with pytest.raises(InvalidInput):
        clean_upload("terkunci.pdf", pdf_with_author(password="rahasia"))


def test_broken_pdf_is_rejected():
    with pytest.raises(InvalidInput):
        clean_upload("rusak.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")


def test_client_path_is_dropped_from_the_file_name():
    assert clean_upload("C:\\Users\\siti\\Desktop\\ktp.png", png_bytes()).name == "ktp.png"
    assert clean_upload("../../etc/passwd.png", png_bytes()).name == "passwd.png"


def _png_of(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")  # one bit a pixel: a few kilobytes on disk
    return out.getvalue()


def test_a_small_file_claiming_a_huge_canvas_is_refused_before_decoding():
    # 49 megapixels: above our limit but below the point where Pillow itself refuses (twice it).
    data = _png_of(7000, 7000)
    assert len(data) < 100_000
    with pytest.raises(InvalidInput) as refused:
        clean_upload("peta.png", data)
    assert "7000 × 7000 piksel" in refused.value.message
    assert "peta.png" in refused.value.message


def test_a_large_but_allowed_photo_still_passes():
    assert clean_upload("foto.png", _png_of(6000, 6000)).content_type == "image/png"


def _pdf_with_actions() -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

    def d(**items: object) -> DictionaryObject:
        return DictionaryObject({NameObject("/" + k): v for k, v in items.items()})

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    script = d(S=NameObject("/JavaScript"), JS=TextStringObject("app.alert('hai')"))
    rect = ArrayObject([FloatObject(0), FloatObject(0), FloatObject(50), FloatObject(50)])
    scripted = d(Type=NameObject("/Annot"), Subtype=NameObject("/Link"), Rect=rect, A=script)
    launch = d(
        Type=NameObject("/Annot"), Subtype=NameObject("/Link"), Rect=rect, A=d(S=NameObject("/Launch"))
    )
    plain = d(
        Type=NameObject("/Annot"),
        Subtype=NameObject("/Link"),
        Rect=rect,
        A=d(S=NameObject("/URI"), URI=TextStringObject("https://kotabarukab.go.id/")),
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(a) for a in (scripted, launch, plain)])
    page[NameObject("/AA")] = d(O=script)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_scripts_and_launch_actions_are_removed_and_plain_links_kept():
    data = _pdf_with_actions()
    assert b"/JavaScript" in data
    cleaned = clean_upload("surat.pdf", data).content
    assert b"/JavaScript" not in cleaned and b"/Launch" not in cleaned
    page = PdfReader(io.BytesIO(cleaned)).pages[0]
    assert "/AA" not in page
    kinds = [a.get_object()["/A"]["/S"] for a in page["/Annots"]]
    assert kinds == ["/URI"]
