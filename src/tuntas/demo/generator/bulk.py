"""Generating N complaints: draw their submission times over the period, live each one in memory, write
them batch by batch in bulk."""

from __future__ import annotations

import datetime as dt
import io
import queue
import random
import threading
import time as walltime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from tuntas.core import clock, codes
from tuntas.core.files import CleanFile, clean_upload
from tuntas.demo.generator.context import Context, GeneratorError, context_load
from tuntas.demo.generator.life import Life
from tuntas.demo.generator.rows import TABLES, Batch
from tuntas.demo.generator.texts import subjects
from tuntas.demo.generator.writer import batch_write, lock_and_bases, placeholder_files, unique_codes

DEFAULT_SEED = 1515
DEFAULT_DAYS = 365
DEFAULT_BATCH = 2000


@dataclass
class Result:
    complaints: int = 0
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    seconds: float = 0.0
    secret: str = ""
    redrawn_codes: int = 0
    regency: str = ""

    @property
    def per_second(self) -> float:
        return self.complaints / self.seconds if self.seconds else 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def shared_secret(seed: int) -> tuple[str, str]:
    """One tracking secret for every generated complaint, and its hash, computed once.

    PBKDF2 of a secret costs ~10 ms on purpose; once per complaint it would cap generation near 100 per
    second. Every generated complaint therefore shares one secret (printed by the command, so any of them
    can be followed on the portal) under one salt derived from the seed. Fine for test and benchmark data;
    never for real complaints, whose secrets the services hash one by one with a fresh salt."""
    secret = codes.tracking_secret(random.Random(f"{seed}:secret").choice)
    return secret, codes.hash_secret(secret, salt=f"generated{seed}")


def placeholders() -> list[CleanFile]:
    """A few tiny evidence files (two photos and a PDF), cleaned as uploads are."""
    from PIL import Image
    from pypdf import PdfWriter

    files = []
    for name, colour, fmt in (("foto.jpg", (180, 90, 40), "JPEG"), ("foto.png", (40, 120, 200), "PNG")):
        out = io.BytesIO()
        Image.new("RGB", (8, 8), colour).save(out, fmt)
        files.append(clean_upload(name, out.getvalue()))
    writer, out = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=72, height=72)
    writer.write(out)
    files.append(clean_upload("surat.pdf", out.getvalue()))
    return files


def submission_times(count: int, seed: int, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Sorted, so ids follow time; half spread evenly, half leaning to recent weeks (as the demo's)."""
    rng = random.Random(f"{seed}:times")
    span = (end - start).total_seconds() - 3600
    shares = sorted(rng.random() if rng.random() < 0.5 else rng.random() ** 0.5 for _ in range(count))
    return [start + dt.timedelta(seconds=span * s) for s in shares]


def _pipelined(
    simulate: Callable[[int, dict[str, int]], Batch], firsts: range, next_ids: dict[str, int]
) -> Iterator[tuple[Batch, dict[str, int]]]:
    """(batch, the ids it starts from) in order, each lived in a worker thread one batch ahead."""
    results: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()

    def offer(item: object) -> bool:
        """Hand ``item`` over unless the consumer has gone (then False)."""
        while not stop.is_set():
            try:
                results.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        ids = dict(next_ids)
        try:
            for first in firsts:
                batch = simulate(first, ids)
                if not offer((batch, ids)):
                    return
                ids = dict(batch.next_ids)
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer, which raises it
            offer(exc)
            return
        offer(None)

    worker = threading.Thread(target=work, name="generate-complaints", daemon=True)
    worker.start()
    try:
        while True:
            item = results.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def generate(
    count: int,
    *,
    seed: int = DEFAULT_SEED,
    regency: str | None = None,
    days: int = DEFAULT_DAYS,
    end: dt.datetime | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int, float], None] | None = None,
    ctx: Context | None = None,
) -> Result:
    """Generate ``count`` complaints submitted over the ``days`` before ``end`` (default now), with their
    identities, handlings, clocks, events, attachments and SLA alerts, in the regency ``regency`` (default:
    that of the first complaint coordinator). Deterministic: the same seed, end and database give the same
    rows. Raises GeneratorError when the directory or SOPs are missing."""
    started = walltime.perf_counter()
    ctx = ctx or context_load(regency)
    end = end or clock.now()
    start = end - dt.timedelta(days=days)
    pool = subjects({s: c.name for s, c in ctx.categories.items()}, with_ombudsman=ctx.ombudsman is not None)
    weights = [s.topic.weight for s in pool]
    secret, secret_hash = shared_secret(seed)
    files = placeholders()
    times = submission_times(count, seed, start, end)
    result = Result(secret=secret, regency=ctx.regency.code)
    stored: set[str] = set()

    def simulate(first: int, next_ids: dict[str, int]) -> Batch:
        batch = Batch(next_ids=dict(next_ids))
        for i in range(first, min(first + batch_size, count)):
            rng = random.Random(f"{seed}:{i}")
            subject = rng.choices(pool, weights=weights)[0]
            Life(
                ctx,
                batch,
                rng=rng,
                subject=subject,
                submitted_at=times[i],
                end=end,
                secret_hash=secret_hash,
                placeholders=files,
            ).live()
        return batch

    with transaction.atomic():
        next_ids = lock_and_bases()
    # The next batch is lived in a thread while the database takes the current one (psycopg and sqlite3
    # release the GIL while they wait), so the two cores work at once. Ids run on from batch to batch and
    # are checked against the tables under the lock when each batch is written.
    for batch, ids in _pipelined(simulate, range(0, count, batch_size), next_ids):
        with transaction.atomic():
            found = lock_and_bases()
            if any(found[t] > ids[t] for t in ids):
                raise GeneratorError(
                    "Ada proses lain yang menulis pengaduan selama generator berjalan; jalankan ulang."
                )
            result.redrawn_codes += unique_codes(batch, seed)
            batch_write(batch)
            placeholder_files(batch, files, stored)
        for name, n in batch.counts().items():
            result.rows[name] += n
        result.complaints += len(batch.complaints)
        if progress is not None:
            progress(result.complaints, walltime.perf_counter() - started)
    result.seconds = walltime.perf_counter() - started
    return result
