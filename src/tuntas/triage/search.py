"""Full-text search over complaints: one interface, two backends (PostgreSQL, SQLite FTS5).

PostgreSQL has no Indonesian stemmer, so the text is normalised and stemmed with PySastrawi in Python
(``stem.stemmed_text``) when it is indexed and when it is searched; the database only splits words on spaces
(``simple`` configuration on PostgreSQL, ``unicode61`` in FTS5). Both backends therefore see the same tokens
and return the same complaints for the same query (every stem must be present); only the rank order differs
in its details (``ts_rank`` against ``bm25``).

The index (``SearchDocument``) is written by ``index_complaint``, which complaints calls through its hook
inside the transaction of every timeline write; ``rebuild_search_index`` rewrites it all.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from django.db import connection

from tuntas.core import clock as time
from tuntas.triage.models import SearchDocument
from tuntas.triage.stem import stemmed_text

FTS_TABLE = "triage_search_fts"
_TOKEN = re.compile(r"[^a-z0-9 ]+")


@dataclass(frozen=True)
class Hit:
    complaint_id: int
    rank: float
    snippet: str  # escaped text with <mark>…</mark> around the matched stems


def index_text(text: str) -> str:
    """What is stored and what is searched: stems separated by single spaces, hyphens as spaces."""
    return " ".join(_TOKEN.sub(" ", stemmed_text(text).replace("-", " ")).split())


def _code_tokens(*codes: str) -> str:
    return " ".join(c.lower().replace("-", "") for c in codes if c)


def query_terms(query: str) -> list[str]:
    """The stems a query asks for; a tracking code or LAPOR id ("KTB-7K3M-Q9") is one compact token."""
    raw = query.strip()
    compact = raw.lower().replace("-", "")
    # A code is one alphanumeric run of six or more, with a digit or written with its dashes: about one
    # tracking code in six has no digit at all ("KTB-KJPF-KJ"), and split at the dashes it matched nothing.
    if compact.isalnum() and len(compact) >= 6 and (any(ch.isdigit() for ch in compact) or "-" in raw):
        return [compact]
    return list(dict.fromkeys(index_text(query).split()))


def document_texts(complaint) -> tuple[str, str]:  # noqa: ANN001 - a Complaint or its id
    """The shared and the staff-only text of a complaint's document. Given the instance the write already
    holds (the hook's case), the complaint is not read again: its text fields never change after intake."""
    from tuntas.complaints.models import Complaint, Event  # noqa: PLC0415 - read only, below triage

    c = complaint if isinstance(complaint, Complaint) else Complaint.objects.get(pk=complaint)
    shared = [_indexed(" ".join([c.title, c.description, c.location_text, c.service_name]))]
    staff: list[str] = []
    for visibility, message in Event.objects.filter(complaint_id=c.pk).values_list("visibility", "message"):
        if not message:
            continue
        (staff if visibility == Event.Visibility.INTERNAL else shared).append(_indexed(message))
    codes = [c.tracking_code] + [str(v) for k, v in _external_ids(c).items()]
    return " ".join(filter(None, [*shared, _code_tokens(*codes)])), " ".join(filter(None, staff))


@functools.lru_cache(maxsize=4096)
def _indexed(text: str) -> str:
    """``index_text`` of one piece (the description, one message), remembered: every timeline write re-reads
    the whole complaint, and without this each write would stem the same description again."""
    return index_text(text)


def _external_ids(c) -> dict:  # noqa: ANN001
    out = {}
    for name in ("lapor_id", "external_id"):
        value = getattr(c, name, "")
        if value:
            out[name] = value
    return out


class Backend:
    vendor = ""

    def store(self, doc: SearchDocument) -> None:  # keep the engine's own index in step
        return None

    def delete_all(self) -> None:
        return None

    def search(self, terms: list[str], *, include_staff: bool, limit: int) -> list[Hit]:
        raise NotImplementedError


class PostgresBackend(Backend):
    """A ``simple`` tsvector per column, GIN expression indexes (migration 0001), ``ts_rank``, ``ts_headline``."""

    vendor = "postgresql"

    def search(self, terms: list[str], *, include_staff: bool, limit: int) -> list[Hit]:
        tsq = " & ".join(terms)
        shared = "to_tsvector('simple', shared_text)"
        staff = "to_tsvector('simple', staff_text)"
        vec = f"({shared} || {staff})" if include_staff else shared
        where = f"{vec} @@ q"
        text = "shared_text || ' ' || staff_text" if include_staff else "shared_text"
        sql = (
            f"SELECT complaint_id, ts_rank({vec}, q) AS r, ts_headline('simple', {text}, q, "  # noqa: S608
            "'StartSel=<mark>,StopSel=</mark>,MaxWords=20,MinWords=8') "
            f"FROM triage_searchdocument, to_tsquery('simple', %s) q WHERE {where} "
            "ORDER BY r DESC, complaint_id DESC LIMIT %s"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [tsq, limit])
            return [Hit(int(i), float(r), s) for i, r, s in cur.fetchall()]


class SqliteBackend(Backend):
    """An FTS5 table (rowid = complaint id) written beside the document row; ``bm25`` and ``snippet()``."""

    vendor = "sqlite"

    def store(self, doc: SearchDocument) -> None:
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [doc.complaint_id])  # noqa: S608
            cur.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, shared_text, staff_text) VALUES (%s, %s, %s)",  # noqa: S608
                [doc.complaint_id, doc.shared_text, doc.staff_text],
            )

    def delete_all(self) -> None:
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608

    def search(self, terms: list[str], *, include_staff: bool, limit: int) -> list[Hit]:
        phrase = " AND ".join(f'"{t}"' for t in terms)
        match = phrase if include_staff else "shared_text : (" + phrase + ")"
        sql = (
            f"SELECT rowid, bm25({FTS_TABLE}), snippet({FTS_TABLE}, -1, '<mark>', '</mark>', '…', 20) "  # noqa: S608
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}), rowid DESC LIMIT %s"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [match, limit])
            return [Hit(int(i), -float(r), s) for i, r, s in cur.fetchall()]


class LikeBackend(Backend):
    """SQLite built without FTS5: every stem as a whole word of the stored stemmed text (slower, same set)."""

    def search(self, terms: list[str], *, include_staff: bool, limit: int) -> list[Hit]:
        from django.db.models import TextField, Value  # noqa: PLC0415
        from django.db.models.functions import Concat  # noqa: PLC0415

        parts = [Value(" "), "shared_text", Value(" ")] + (
            ["staff_text", Value(" ")] if include_staff else []
        )
        qs = SearchDocument.objects.annotate(_text=Concat(*parts, output_field=TextField()))
        for t in terms:
            qs = qs.filter(_text__contains=f" {t} ")
        rows = qs.order_by("-complaint_id").values_list("complaint_id", "shared_text")[:limit]
        return [Hit(i, 0.0, s[:160]) for i, s in rows]


def fts5_available() -> bool:
    with connection.cursor() as cur:
        cur.execute("SELECT name FROM sqlite_master WHERE type='table' AND name=%s", [FTS_TABLE])
        return cur.fetchone() is not None


def backend() -> Backend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite" and fts5_available():
        return SqliteBackend()
    return LikeBackend()


def index_complaint(complaint) -> None:  # noqa: ANN001 - a Complaint or its id
    """Write the complaint's document (and the engine's index) now, in the caller's transaction."""
    shared, staff = document_texts(complaint)
    complaint_id = getattr(complaint, "pk", complaint)
    values = {"shared_text": shared, "staff_text": staff, "updated_at": time.now()}
    # One UPDATE for the usual case (a timeline write on an indexed complaint); update_or_create would add a
    # savepoint and a locking read around it on every event.
    if not SearchDocument.objects.filter(complaint_id=complaint_id).update(**values):
        SearchDocument.objects.create(complaint_id=complaint_id, **values)
    backend().store(SearchDocument(complaint_id=complaint_id, **values))


def rebuild() -> int:
    from tuntas.complaints.models import Complaint  # noqa: PLC0415

    SearchDocument.objects.all().delete()
    backend().delete_all()
    n = 0
    for pk in Complaint.objects.values_list("pk", flat=True).iterator():
        index_complaint(pk)
        n += 1
    return n


def search(query: str, *, include_staff: bool = False, limit: int = 500) -> list[Hit]:
    """The complaints whose indexed text holds every stem of ``query``, best first. Permission is not decided
    here: callers intersect the ids with a selector's queryset (``complaint_id__in``)."""
    terms = query_terms(query)
    if not terms:
        return []
    return backend().search(terms, include_staff=include_staff, limit=limit)
