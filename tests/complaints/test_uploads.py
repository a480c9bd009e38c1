"""Complaint attachments: stored cleaned, and a rejected file stops the whole submission (the cleaning itself is
tested in tests/core/test_files.py)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.complaints.conftest import jpeg_with_exif, row_counts
from tuntas.complaints.models import Attachment
from tuntas.core.errors import InvalidInput


def stored_bytes(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as f:
        return f.read()


def test_jpeg_is_stored_without_exif_and_still_decodes(submit):
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()  # the fixture really carries GPS and Artist
    complaint = submit(files=(("jalan.jpg", original),)).complaint
    attachment = complaint.attachments.get()
    data = stored_bytes(attachment)
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "JPEG"
        assert dict(img.getexif()) == {}
        img.load()
        assert img.size == (64, 48)
    assert b"Siti Aminah" not in data
    assert (attachment.content_type, attachment.size) == ("image/jpeg", len(data))


def test_rejected_file_leaves_no_complaint_behind(submit):
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        submit(files=(("jalan.jpg", jpeg_with_exif()), ("x.jpg", b"teks")))
    assert "files" in exc.value.errors
    assert row_counts() == before
