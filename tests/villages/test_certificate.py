"""The certificate of a designated village: an A4 landscape PDF naming the village, kecamatan, regency, date and
signatory, served on the portal only for designated villages, and rendering to a non-blank PNG."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def url(dam, village) -> str:  # noqa: ANN001
    return f"/desa-anti-maladministrasi/{dam.programme.slug}/{village.slug}/sertifikat.pdf"


@pytest.fixture
def pdf(client, dam, designated) -> bytes:
    response = client.get(url(dam, dam.sigam))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def test_certificate_is_an_a4_landscape_page_with_the_village_and_signatory(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "SERTIFIKAT",
        "Desa Anti-Maladministrasi",
        "Desa Sigam",
        "Kecamatan Pulaulaut Utara",
        "Kabupaten Kotabaru",
        "4 Maret 2026",
        "Kepala Perwakilan Ombudsman RI Provinsi Kalimantan Selatan",
        "12/DAM/III/2026",
    ):
        assert expected in text


def test_no_certificate_for_a_village_not_designated(client, dam, passed_both):
    assert client.get(url(dam, dam.sigam)).status_code == 404
    assert client.get(url(dam, dam.stagen)).status_code == 404


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_certificate_renders_to_a_non_blank_landscape_png(pdf, tmp_path):
    source = tmp_path / "sertifikat.pdf"
    source.write_bytes(pdf)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],  # noqa: S607
        check=True,
        timeout=60,
    )
    pngs = sorted(Path(tmp_path).glob("page*.png"))
    assert pngs, "pdftoppm wrote no page"
    data = pngs[0].read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 5_000
    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
        assert width > height and abs(width / height - 297 / 210) < 0.02  # A4 landscape
        colours = img.convert("L").getextrema()
        assert colours[0] < 80 and colours[1] > 240  # dark text and frame on a light page, not blank
        histogram = img.convert("L").histogram()
        assert sum(histogram[:128]) > 0.01 * width * height  # a real share of the page is inked
