"""Backup and restore of a whole deployment: the database and the uploaded files, in one archive.

An archive is a tar file (``tuntas-backup-<UTC time>.tar``) holding:

- ``manifest.json``: format, Tuntas version, backend, creation time, the newest applied migration of each
  app, and for every table its row count and a SHA-256 over its rows (ordered by primary key); for every
  uploaded file its size and SHA-256;
- ``database.sqlite3`` (SQLite, written through SQLite's online backup API, so a database in WAL mode that the
  server and worker are writing to is copied consistently — a file copy of a live WAL database is not) or
  ``database.pgdump`` (PostgreSQL, ``pg_dump --format=custom``, one consistent snapshot);
- ``media/...``: the files under ``MEDIA_ROOT``.

Restore checks every file's hash before it touches anything, replaces the database (SQLite: the online
backup API in the other direction; PostgreSQL: ``pg_restore --clean --if-exists --single-transaction``),
replaces the media folder, and then recomputes the table digests and compares them with the manifest: a
restore that does not reproduce every row fails loudly instead of pretending.

The database is copied before the media folder, so a file uploaded during the backup may be in the archive
without its row; never the other way round. Restoring into the other backend is not supported (the archive
says which one it needs); moving from SQLite to PostgreSQL is ``dumpdata`` / ``loaddata``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

import tuntas

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason in words an operator can act on."""


@dataclasses.dataclass(frozen=True)
class Summary:
    path: Path
    tables: int
    rows: int
    files: int
    bytes: int


# --- digests ----------------------------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _canonical(value) -> str:
    """One spelling per value (PostgreSQL rows; SQLite rows arrive already quoted as text by SQL)."""
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return "b:" + value.hex()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return f"{type(value).__name__}:{value}"


def _digest_rows(rows) -> dict:
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update("\x1f".join(_canonical(v) for v in row).encode())
        digest.update(b"\x1e")
        count += 1
    return {"rows": count, "sha256": digest.hexdigest()}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_digests(cursor) -> dict[str, dict]:
    """Every table of a SQLite database (a sqlite3 or Django cursor), each value spelt by SQL's quote()
    so that no driver-side type conversion can make two copies of the same row look different."""
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    out: dict[str, dict] = {}
    for name, sql in cursor.fetchall():
        if name.startswith("sqlite_") or (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            continue  # SQLite's own tables; a full-text table's rows live in its shadow tables, kept here
        cursor.execute(f"PRAGMA table_info({_q(name)})")
        info = cursor.fetchall()
        columns = [row[1] for row in info]
        keys = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        order = ", ".join(_q(c) for c in keys) if keys else "rowid"
        select = ", ".join(f"quote({_q(c)})" for c in columns)
        cursor.execute(f"SELECT {select} FROM {_q(name)} ORDER BY {order}")  # noqa: S608 - names from the schema
        out[name] = _digest_rows(cursor.fetchall())
    return out


def postgres_digests(connection) -> dict[str, dict]:
    """Every table of the PostgreSQL database, each ordered by its primary key (all columns without one)."""
    out: dict[str, dict] = {}
    with connection.cursor() as cursor:
        tables = sorted(t.name for t in connection.introspection.get_table_list(cursor) if t.type == "t")
        for table in tables:
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            key = connection.introspection.get_primary_key_column(cursor, table)
            order = _q(key) if key else ", ".join(_q(c) for c in columns)
            select = ", ".join(_q(c) for c in columns)
            cursor.execute(f"SELECT {select} FROM {_q(table)} ORDER BY {order}")  # noqa: S608 - names from introspection
            out[table] = _digest_rows(cursor.fetchall())
    return out


def table_digests(alias: str = DEFAULT_DB_ALIAS) -> dict[str, dict]:
    """Row count and SHA-256 over the rows of every table of the live database."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            return sqlite_digests(cursor)
    return postgres_digests(connection)


def media_digests(media_root: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if not media_root.exists():
        return out
    for path in sorted(media_root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(media_root).as_posix()
            out[rel] = {"size": path.stat().st_size, "sha256": _sha256_file(path)}
    return out


def _migrations(alias: str) -> dict[str, str]:
    newest: dict[str, str] = {}
    for app, name in MigrationRecorder(connections[alias]).applied_migrations():
        if name > newest.get(app, ""):
            newest[app] = name
    return dict(sorted(newest.items()))


# --- the database -----------------------------------------------------------------------------------------


def _pg_env(settings_dict: dict) -> dict[str, str]:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def _run(argv: list[str], env: dict[str, str]) -> None:
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(
            f"{argv[0]} tidak ditemukan: pasang klien PostgreSQL (apt-get install postgresql-client)."
        ) from exc
    if done.returncode != 0:
        raise BackupError(f"{argv[0]} gagal ({done.returncode}): {done.stderr.strip()[-500:]}")


def _dump_database(alias: str, target: Path) -> tuple[str, dict[str, dict]]:
    """Copy the database to ``target``; return its archive name and the digests *of that copy*."""
    connection = connections[alias]
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        dest = sqlite3.connect(target)
        try:
            connection.connection.backup(dest)
            return SQLITE_MEMBER, sqlite_digests(dest.cursor())
        finally:
            dest.close()
    if connection.vendor == "postgresql":
        if connection.in_atomic_block:
            raise BackupError("Cadangan PostgreSQL tidak dapat dibuat di dalam transaksi yang terbuka.")
        sd = connection.settings_dict
        # pg_dump reads the snapshot this transaction exports, and the digests are computed in the same
        # transaction: the manifest describes exactly the rows in the dump, however busy the server is.
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    "--file",
                    str(target),
                    sd["NAME"],
                ],
                _pg_env(sd),
            )
            return PG_MEMBER, postgres_digests(connection)
    raise BackupError(f"Basis data {connection.vendor} tidak didukung untuk cadangan.")


def _load_database(alias: str, source: Path, member: str) -> None:
    connection = connections[alias]
    if member == SQLITE_MEMBER:
        connection.ensure_connection()
        src = sqlite3.connect(source)
        try:
            src.backup(connection.connection)
        finally:
            src.close()
        return
    sd = connection.settings_dict
    connection.close()  # no session of ours may hold a lock on a table pg_restore drops
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            sd["NAME"],
            str(source),
        ],
        _pg_env(sd),
    )


# --- backup -----------------------------------------------------------------------------------------------


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def create_backup(
    directory: Path, *, alias: str = DEFAULT_DB_ALIAS, now: dt.datetime | None = None
) -> Summary:
    """Write one archive into ``directory`` and return what it holds."""
    now = now or dt.datetime.now(dt.UTC)
    directory.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    name = f"tuntas-backup-{now:%Y%m%dT%H%M%SZ}.tar"
    final = directory / name
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as tmp:
        tmpdir = Path(tmp)
        db_file = tmpdir / "database"
        member, tables = _dump_database(alias, db_file)
        files = media_digests(media_root)
        manifest = {
            "format": FORMAT,
            "tuntas": tuntas.__version__,
            "backend": connections[alias].vendor,
            "created": now.isoformat(),
            "database": member,
            "migrations": _migrations(alias),
            "tables": tables,
            "files": files,
        }
        partial = tmpdir / name
        with tarfile.open(partial, "w") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
            tar.add(db_file, arcname=member)
            for rel in files:
                tar.add(media_root / rel, arcname=MEDIA_PREFIX + rel)
        os.replace(partial, final)  # the archive appears whole or not at all
    return Summary(
        path=final,
        tables=len(tables),
        rows=sum(t["rows"] for t in tables.values()),
        files=len(files),
        bytes=final.stat().st_size,
    )


def prune(directory: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` archives; return the removed ones."""
    archives = sorted(directory.glob("tuntas-backup-*.tar"))
    removed = archives[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink()
    return removed


# --- restore ----------------------------------------------------------------------------------------------


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive, "r") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest = json.loads(member.read())
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError) as exc:
        raise BackupError(f"{archive} bukan arsip cadangan Tuntas: {exc}") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Format arsip {manifest.get('format')} tidak dikenal (versi ini membaca {FORMAT})."
        )
    return manifest


def verify_archive(archive: Path, workdir: Path) -> dict:
    """Extract into ``workdir`` and check every uploaded file against the manifest; return the manifest."""
    manifest = read_manifest(archive)
    with tarfile.open(archive, "r") as tar:
        tar.extractall(workdir, filter="data")  # refuses absolute paths, "..", links out of the folder
    if not (workdir / manifest["database"]).is_file():
        raise BackupError(f"Arsip tidak memuat {manifest['database']}.")
    for rel, meta in manifest["files"].items():
        path = workdir / MEDIA_PREFIX / rel
        if not path.is_file() or _sha256_file(path) != meta["sha256"]:
            raise BackupError(f"Berkas {rel} di arsip rusak atau hilang.")
    return manifest


def restore_backup(archive: Path, *, alias: str = DEFAULT_DB_ALIAS) -> Summary:
    """Replace the database and the media folder with the archive's, then prove every row came back."""
    vendor = connections[alias].vendor
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as tmp:
        workdir = Path(tmp)
        manifest = verify_archive(archive, workdir)
        if manifest["backend"] != vendor:
            raise BackupError(
                f"Arsip ini dari {manifest['backend']}; basis data sekarang {vendor}. Pulihkan ke {manifest['backend']}."
            )
        _load_database(alias, workdir / manifest["database"], manifest["database"])
        restored_media = workdir / MEDIA_PREFIX
        restored_media.mkdir(exist_ok=True)
        old = media_root.with_name(media_root.name + ".before-restore")
        if old.exists():
            shutil.rmtree(old)
        if media_root.exists():
            media_root.rename(old)
        restored_media.rename(media_root)
        shutil.rmtree(old, ignore_errors=True)
    tables = table_digests(alias)
    differing = sorted(
        name
        for name in set(tables) | set(manifest["tables"])
        if tables.get(name) != manifest["tables"].get(name)
    )
    if differing:
        raise BackupError("Hasil pemulihan berbeda dari manifes pada tabel: " + ", ".join(differing))
    files = media_digests(media_root)
    if files != manifest["files"]:
        raise BackupError("Berkas unggahan hasil pemulihan berbeda dari manifes.")
    return Summary(
        path=archive,
        tables=len(tables),
        rows=sum(t["rows"] for t in tables.values()),
        files=len(files),
        bytes=archive.stat().st_size,
    )
