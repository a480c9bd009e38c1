"""``tuntas upgrade_notes``: the migrations not yet applied, and whether they can run while the old code serves."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from tuntas.ops.migration_notes import note_for


class Command(BaseCommand):
    help = (
        "List the pending migrations with their upgrade note. Exit 0 when all can run while the old release "
        "still serves, 3 when web and worker must be stopped first (or a note is missing)."
    )

    def handle(self, *args, **opts):
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if not plan:
            self.stdout.write("Tidak ada migrasi tertunda.")
            return
        offline = False
        for migration, _backwards in plan:
            note = note_for(migration.app_label, migration.name)
            if note is None:
                offline = True
                self.stdout.write(
                    f"[ ? ] {migration.app_label}.{migration.name}: tanpa catatan; anggap perlu henti."
                )
            else:
                offline |= not note.online
                mark = "online" if note.online else "HENTI "
                self.stdout.write(f"[{mark}] {migration.app_label}.{migration.name}: {note.why}")
        if offline:
            self.stdout.write(
                "Hentikan tuntas-web dan tuntas-worker sebelum tuntas migrate (systemctl stop tuntas-web tuntas-worker)."
            )
            raise SystemExit(3)
        self.stdout.write(
            "Semua migrasi dapat berjalan selagi versi lama melayani: migrate, lalu mulai ulang."
        )
