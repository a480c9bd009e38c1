"""The engine side of the search index: GIN expression indexes on PostgreSQL, an FTS5 table on SQLite.

SQLite without FTS5 (a build that lacks it) gets no table; ``search.backend`` then falls back to matching the
stored stemmed text, with the same results, more slowly.
"""

from django.db import migrations

GIN = [
    "CREATE INDEX IF NOT EXISTS triage_search_shared_gin ON triage_searchdocument "
    "USING gin (to_tsvector('simple', shared_text))",
    "CREATE INDEX IF NOT EXISTS triage_search_all_gin ON triage_searchdocument "
    "USING gin ((to_tsvector('simple', shared_text) || to_tsvector('simple', staff_text)))",
]


def forwards(apps, schema_editor):
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            for sql in GIN:
                cur.execute(sql)
        elif conn.vendor == "sqlite":
            try:
                cur.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS triage_search_fts USING fts5("
                    "shared_text, staff_text, tokenize='unicode61')"
                )
            except Exception:  # noqa: BLE001, S110 - no FTS5 in this SQLite: the fallback serves
                pass


def backwards(apps, schema_editor):
    conn = schema_editor.connection
    with conn.cursor() as cur:
        if conn.vendor == "postgresql":
            cur.execute("DROP INDEX IF EXISTS triage_search_shared_gin")
            cur.execute("DROP INDEX IF EXISTS triage_search_all_gin")
        elif conn.vendor == "sqlite":
            cur.execute("DROP TABLE IF EXISTS triage_search_fts")


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_search_document")]
    operations = [migrations.RunPython(forwards, backwards)]
