"""Benchmark of the bulk generator: complaints (and rows) per second on the current backend.

    .venv/bin/python bench/generate.py [N]        # default 10000, on a scratch SQLite database
    DATABASE_URL=postgres://... .venv/bin/python bench/generate.py   # on a throw-away PostgreSQL test database

Loads the Kotabaru demo structure with its staff accounts (``load_demo --no-programmes --complaints 0``)
into the scratch database, then times ``generate(N)``. ``run(n)`` returns the figures as a dict, for
bench/run.py to call; asserts nothing about speed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuntas.settings")
os.environ.setdefault("TUNTAS_TESTING", "1")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("TUNTAS_SQLITE_PATH", str(Path(tempfile.mkdtemp()) / "bench-generate.sqlite3"))
os.environ.setdefault("TUNTAS_MEDIA_ROOT", tempfile.mkdtemp())


def run(n: int = 10_000) -> dict:
    """Generate ``n`` complaints into the current database (which must hold the demo structure)."""
    from django.db import connection

    from tuntas.demo.generator import generate

    result = generate(n)
    return {
        "benchmark": "generate_complaints",
        "backend": connection.vendor,
        "complaints": result.complaints,
        "rows": result.total_rows,
        "seconds": round(result.seconds, 2),
        "complaints_per_second": round(result.per_second),
        "rows_per_second": round(result.total_rows / result.seconds),
    }


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    settings.DEMO = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    try:
        from tuntas.demo.services import demo_load

        demo_load(count=0, programmes=False)
        figures = run(n)
        print(
            f"generate_complaints ({figures['backend']}) n={figures['complaints']}: "
            f"{figures['complaints_per_second']:,}/s complaints, {figures['rows_per_second']:,}/s rows "
            f"({figures['rows']:,} rows in {figures['seconds']} s)"
        )
    finally:
        if connection.vendor == "postgresql":
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
