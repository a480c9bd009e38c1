"""`tuntas backup` / `tuntas restore`: a round trip brings back every row and every uploaded file, checked
independently of the manifest the backup wrote; a damaged archive is refused before anything is touched."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from tests.complaints.conftest import jpeg_with_exif, pdf_with_author
from tuntas.complaints.models import Attachment, Complaint
from tuntas.ops import backup

# Restore replaces the whole database, so the test cannot live inside a rolled-back transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def every_row() -> dict[str, list[tuple]]:
    """Every row of every model, read through the ORM (not through the backup module's own digests)."""
    out = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f.attname for f in model._meta.concrete_fields]
        out[model._meta.db_table] = sorted(map(repr, model._base_manager.values_list(*fields)))
    return out


def every_file(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_round_trip_restores_every_row_and_every_file(submit, settings, tmp_path):
    first = submit(files=(("jalan.jpg", jpeg_with_exif()), ("surat.pdf", pdf_with_author())))
    submit(title="Lampu jalan padam di depan sekolah", privacy=Complaint.Privacy.PUBLIC)
    media = Path(settings.MEDIA_ROOT)
    rows_before, files_before = every_row(), every_file(media)
    assert Attachment.objects.count() == 2 and len(files_before) == 2

    call_command("backup", dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").glob("tuntas-backup-*.tar")

    # Everything changes after the backup: a new complaint, a deleted one, a lost file, a stray file.
    submit(title="Laporan setelah cadangan dibuat")
    Complaint.objects.filter(pk=first.complaint.pk).update(title="diubah setelah cadangan")
    next(p for p in media.rglob("*") if p.is_file()).unlink()
    (media / "stray.txt").write_text("tidak ada di cadangan")
    assert every_row() != rows_before

    call_command("restore", str(archive), no_input=True)

    assert every_row() == rows_before
    assert every_file(media) == files_before


def test_a_damaged_archive_is_refused_and_nothing_changes(submit, tmp_path):
    submit(files=(("jalan.jpg", jpeg_with_exif()),))
    summary = backup.create_backup(tmp_path)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(summary.path) as src, tarfile.open(damaged, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name.startswith(backup.MEDIA_PREFIX):
                data = data[:-1] + bytes([data[-1] ^ 1])  # one bit flipped in the uploaded photo
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    submit(title="Laporan setelah cadangan dibuat")
    rows = every_row()

    with pytest.raises(CommandError, match="rusak"):
        call_command("restore", str(damaged), no_input=True)
    assert every_row() == rows


def test_an_archive_of_the_other_backend_is_refused(submit, tmp_path):
    submit()
    summary = backup.create_backup(tmp_path)
    manifest = backup.read_manifest(summary.path)
    assert manifest["backend"] == connection.vendor
    assert manifest["tables"]["complaints_complaint"]["rows"] == 1
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    forged = tmp_path / "other.tar"
    with tarfile.open(summary.path) as src, tarfile.open(forged, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == backup.MANIFEST:
                data = json.dumps({**manifest, "backend": other}).encode()
                member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    with pytest.raises(backup.BackupError, match=other):
        backup.restore_backup(forged)


def test_keep_prunes_the_oldest_archives(tmp_path):
    for day in (1, 2, 3):
        backup.create_backup(tmp_path, now=dt.datetime(2026, 12, day, tzinfo=dt.UTC))
    removed = backup.prune(tmp_path, keep=2)
    assert [p.name for p in removed] == ["tuntas-backup-20261201T000000Z.tar"]
    assert len(list(tmp_path.glob("tuntas-backup-*.tar"))) == 2


def test_not_an_archive_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"bukan tar")
    with pytest.raises(CommandError, match="bukan arsip cadangan Tuntas"):
        call_command("restore", str(junk), no_input=True)
