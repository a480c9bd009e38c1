"""Writing a batch in bulk: primary keys taken from the tables' maxima under a table lock, rows inserted with
COPY on PostgreSQL and ``executemany`` on SQLite, then the id sequences moved past them.

Bypassing the ORM is what makes the rate: a model instance and ``bulk_create``'s per-field preparation cost
more than the whole simulated life of a complaint. The rows are exactly the models' columns (checked by the
tests, which read them back through the ORM and run ``full_clean`` on a sample).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from operator import itemgetter

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection

from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.core.codes import ALPHABET
from tuntas.demo.generator.rows import Batch
from tuntas.sla.models import Clock, StaffAlert

MODELS = {
    "complaint": Complaint,
    "identity": ReporterIdentity,
    "handling": Handling,
    "clock": Clock,
    "event": Event,
    "attachment": Attachment,
    "alert": StaffAlert,
}
# Parents first: foreign keys are checked per statement on PostgreSQL.
ORDER = ("complaint", "identity", "handling", "clock", "event", "attachment", "alert")
CHUNK = 900  # parameters per IN (...) query, under SQLite's limit


def _columns(model) -> list[str]:  # noqa: ANN001
    return [f.attname for f in model._meta.concrete_fields]


COLUMNS = {name: _columns(model) for name, model in MODELS.items()}


def lock_and_bases() -> dict[str, int]:
    """The next free id of each table. On PostgreSQL the tables are locked against other writers first
    (SHARE ROW EXCLUSIVE: reads go on, inserts wait) until the batch's transaction ends; on SQLite the
    database has one writer anyway. The caller holds a transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = ", ".join(connection.ops.quote_name(MODELS[t]._meta.db_table) for t in ORDER)
            cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
        bases = {}
        for name, model in MODELS.items():
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608 - model table names
            bases[name] = cursor.fetchone()[0] + 1
    return bases


def unique_codes(batch: Batch, seed: int) -> int:
    """Draw again the tracking codes already taken (in the database or earlier in the batch), as
    ``complaint_submit`` does on a collision; deterministic from the seed. Returns how many were redrawn."""
    redrawn = 0
    for attempt in range(1, 20):
        codes = [c["tracking_code"] for c in batch.complaints]
        taken: set[str] = set()
        for i in range(0, len(codes), CHUNK):
            taken.update(
                Complaint.objects.filter(tracking_code__in=codes[i : i + CHUNK]).values_list(
                    "tracking_code", flat=True
                )
            )
        seen: set[str] = set()
        clashes = []
        for c in batch.complaints:
            code = c["tracking_code"]
            if code in taken or code in seen:
                clashes.append(c)
            seen.add(code)
        if not clashes:
            return redrawn
        for c in clashes:
            choice = random.Random(f"{seed}:code:{c['id']}:{attempt}").choice
            body = "".join(choice(ALPHABET) for _ in range(6))
            c["tracking_code"] = f"{c['tracking_code'].rsplit('-', 2)[0]}-{body[:4]}-{body[4:]}"
            redrawn += 1
    raise RuntimeError("tracking codes keep colliding: the code space of this prefix is nearly full")


def _sqlite_datetime(value: dt.datetime) -> str:
    # Django's SQLite backend stores aware datetimes as naive UTC text.
    return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")


def _converters(model, postgres: bool) -> list[tuple[int, object]]:  # noqa: ANN001
    """(column index, conversion) for the columns whose Python value the driver would not take as is."""
    found = []
    for i, f in enumerate(model._meta.concrete_fields):
        kind = f.get_internal_type()
        if kind == "JSONField":
            found.append((i, json.dumps))
        elif postgres:
            continue
        elif kind == "DateTimeField":
            found.append((i, _sqlite_datetime))
        elif kind == "DateField":
            found.append((i, dt.date.isoformat))
    return found


def _tuples(rows: list[dict], columns: list[str], converters: list) -> list:
    get = itemgetter(*columns)
    if not converters:
        return [get(r) for r in rows]
    out = []
    for r in rows:
        values = list(get(r))
        for i, convert in converters:
            if values[i] is not None:
                values[i] = convert(values[i])
        out.append(values)
    return out


def batch_write(batch: Batch) -> None:
    """Insert every row of the batch, then move the id sequences past them. The caller holds the transaction
    in which ``lock_and_bases`` ran."""
    postgres = connection.vendor == "postgresql"
    tables = {
        "complaint": batch.complaints,
        "identity": batch.identities,
        "handling": batch.handlings,
        "clock": batch.clocks,
        "event": batch.events,
        "attachment": batch.attachments,
        "alert": batch.alerts,
    }
    with connection.cursor() as cursor:
        for name in ORDER:
            rows = tables[name]
            if not rows:
                continue
            columns = COLUMNS[name]
            table = connection.ops.quote_name(MODELS[name]._meta.db_table)
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            values = _tuples(rows, columns, _converters(MODELS[name], postgres))
            if postgres:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in values:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                cursor.cursor.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({marks})",  # noqa: S608 - model columns
                    values,
                )
        if postgres:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(MODELS.values())):
                cursor.execute(sql)


def placeholder_files(batch: Batch, placeholders: list, done: set[str]) -> None:
    """Attachment rows point at files: one tiny cleaned placeholder per content and month is stored, so
    downloads work like those of real uploads."""
    content = {p.sha256: p.content for p in placeholders}
    for a in batch.attachments:
        path = a["file"]
        if path in done:
            continue
        if not default_storage.exists(path):
            default_storage.save(path, ContentFile(content[a["sha256"]]))
        done.add(path)
