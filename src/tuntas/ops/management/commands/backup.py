"""``tuntas backup``: one archive with the database and the uploaded files (see ``tuntas.ops.backup``)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tuntas.ops.backup import BackupError, create_backup, prune


class Command(BaseCommand):
    help = (
        "Write a backup archive (database + uploaded files + manifest) and optionally keep only the newest N."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            default=None,
            help="Folder for the archives (default: TUNTAS_BACKUP_DIR or <var>/backups).",
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="Keep only the newest N archives (0: keep all)."
        )

    def handle(self, *args, **opts):
        directory = Path(opts["dir"] or settings.TUNTAS_BACKUP_DIR)
        try:
            summary = create_backup(directory)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Cadangan ditulis: {summary.path} ({summary.tables} tabel, {summary.rows} baris, "
            f"{summary.files} berkas, {summary.bytes / 1e6:.1f} MB)"
        )
        if opts["keep"] > 0:
            for removed in prune(directory, opts["keep"]):
                self.stdout.write(f"Dihapus (lebih lama dari {opts['keep']} terbaru): {removed.name}")
