"""The A4 poster of a published standard: a real PDF a printer and pypdf can read, in DejaVu Sans or, without
that font, in Helvetica."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tuntas.standards import poster

URL = "/standar-pelayanan/dinas-pupr/izin-galian-jalan/poster.pdf"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def pdf(client, published) -> bytes:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="standar-pelayanan-dinas-pupr-izin-galian-jalan-v1.pdf"' in response["Content-Disposition"]
    )
    return response.content


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages)


def test_poster_is_a_pdf_with_the_service_and_its_components(pdf):
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait in points
    text = text_of(pdf)
    for expected in (
        "Izin galian jalan",
        "Dinas PUPR",
        "STANDAR PELAYANAN",
        "Persyaratan",
        "5 hari kerja",
        "Gratis",
    ):
        assert expected in text
    assert "Dasar hukum" in text  # the management components, in small print
    assert "http://testserver/lapor/?layanan=Izin+galian+jalan" in text


def test_poster_falls_back_to_helvetica_without_dejavu(client, published, monkeypatch, tmp_path):
    monkeypatch.setattr(poster, "FONT_DIR", tmp_path / "no-fonts-here")
    service = published.service
    service.name = (
        "Izin galian jalan – “khusus” ≥ 2 m"  # characters Helvetica lacks become "?" or stay in cp1252
    )
    service.save()
    data = client.get(URL).content
    assert data.startswith(b"%PDF")
    assert b"DejaVu" not in data and b"Helvetica" in data
    assert "Izin galian jalan – “khusus” ? 2 m" in text_of(data)


def test_long_texts_still_make_a_poster(client, directory, published, make_draft):
    from tuntas.standards import services

    long = "\n".join(
        f"Langkah ke-{n}: pemohon menyerahkan berkas yang diperlukan kepada petugas loket." for n in range(60)
    )
    v2 = make_draft(published.service, texts={"prosedur": long})
    services.standard_publish(actor=directory.kadis_pupr, standard_id=v2.pk)
    data = client.get(URL).content
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    assert "Langkah ke-59" in text_of(data)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_poster_renders_to_png(pdf, tmp_path):
    source = tmp_path / "poster.pdf"
    source.write_bytes(pdf)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],  # noqa: S607
        check=True,
        timeout=60,
    )
    pngs = sorted(Path(tmp_path).glob("page*.png"))
    assert pngs, "pdftoppm wrote no page"
    data = pngs[0].read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5_000
