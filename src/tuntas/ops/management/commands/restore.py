"""``tuntas restore ARCHIVE``: replace the database and uploaded files with a backup's, and prove it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

import tuntas
from tuntas.ops.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive written by `tuntas backup`: every file hash is checked first, then the "
        "database and the media folder are replaced and every table is compared with the manifest. Stop "
        "tuntas-web and tuntas-worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--no-input", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, **opts):
        archive = Path(opts["archive"])
        try:
            manifest = read_manifest(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Arsip {archive.name}: dibuat {manifest['created']}, Tuntas {manifest['tuntas']}, "
            f"{manifest['backend']}, {len(manifest['tables'])} tabel, {len(manifest['files'])} berkas."
        )
        if manifest["tuntas"] != tuntas.__version__:
            self.stdout.write(
                f"Perhatian: arsip dari versi {manifest['tuntas']}, kode ini {tuntas.__version__}; "
                "jalankan `tuntas migrate` setelah pemulihan."
            )
        if not opts["no_input"]:
            answer = input("Semua data sekarang akan diganti isi arsip. Ketik 'pulihkan' untuk lanjut: ")
            if answer.strip() != "pulihkan":
                raise CommandError("Dibatalkan; tidak ada yang diubah.")
        try:
            summary = restore_backup(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Dipulihkan dan diperiksa: {summary.tables} tabel, {summary.rows} baris, {summary.files} berkas."
        )
