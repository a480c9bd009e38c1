"""Benchmarks: `make bench`. Prints figures; asserts nothing about speed.

Runs on a scratch SQLite database (or on DATABASE_URL when set, using a throw-away test database).
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuntas.settings")
os.environ.setdefault("TUNTAS_TESTING", "1")
if not os.environ.get("DATABASE_URL"):
    os.environ["TUNTAS_SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
N = int(os.environ.get("TUNTAS_BENCH_N", "300"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def timed(label: str, n: int, fn) -> None:  # noqa: ANN001
    samples = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - t0)
    total = sum(samples)
    p95 = sorted(samples)[int(len(samples) * 0.95) - 1] if n >= 20 else max(samples)
    print(f"{label:<44} n={n:<6} {n / total:>9.1f}/s  median {statistics.median(samples) * 1000:7.2f} ms"
          f"  p95 {p95 * 1000:7.2f} ms")


def main() -> None:
    setup_test_environment()
    from django.test.utils import get_runner  # noqa: F401

    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    try:
        run()
    finally:
        if connection.vendor == "postgresql":
            connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from tests.factories import Directory
    from tuntas.complaints import selectors, services
    from tuntas.core import clock
    from tuntas.core.calendar import WorkingCalendar
    from tuntas.core.holiday_sources import national_holidays
    from tuntas.workflows.registry import sync_workflow_files

    print(f"backend: {connection.vendor}, complaints: {N}")
    cal = WorkingCalendar(h.date for h in national_holidays(range(2020, 2040)))
    start = dt.date(2026, 1, 1)
    timed("calendar working_days_add(n<=60) x1000", 50,
          lambda i: [cal.working_days_add(start + dt.timedelta(days=k), k % 60) for k in range(1000)])
    timed("calendar working_days_between x1000", 50,
          lambda i: [cal.working_days_between(start, start + dt.timedelta(days=k)) for k in range(1000)])

    sync_workflow_files()
    d = Directory()
    created = []
    with clock.frozen(dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)):

        from tuntas.triage.dataset import load as load_labelled

        texts = [r.text for r in load_labelled()]  # realistic, varied Indonesian text for the search index

        def submit(i: int) -> None:
            text = texts[i % len(texts)]
            s = services.complaint_submit(data=services.ComplaintInput(
                title=f"{text[:60]} (RT {i})", description=f"{text} (laporan warga RT {i})",
                privacy="confidential", category="jalan", region_code="63.02.06.2005",
                reporter=services.ReporterInput(name="Warga Uji", email="warga@example.org")))
            created.append(s.complaint)

        timed("complaint_submit (confidential, no files)", N, submit)
        handlings = [c.handlings.get() for c in created]
        koordinator = services.Actor(user=d.koordinator)
        from tuntas.workflows.registry import workflow_of

        wf = workflow_of(handlings[0].workflow)
        dispose = next(t for t in wf.transitions.values() if t.effect == "dispose")
        timed(f"handling_transition {dispose.name} (dispose)", N, lambda i: services.handling_transition(
            actor=koordinator, handling_id=handlings[i].pk, transition=dispose.name,
            data={"target": d.pupr.pk, "instruction": "Mohon ditindaklanjuti."}))
        filters = selectors.InboxFilters()
        with CaptureQueriesContext(connection) as q:
            list(selectors.inbox(d.petugas_pupr, filters)[:25])
        timed("inbox first page (25 of N, deadline sort)", 50,
              lambda i: list(selectors.inbox(d.petugas_pupr, filters)[:25]))
        print(f"inbox queries per page: {len(q.captured_queries)}")
        timed("inbox text search 'berlubang'", 20,
              lambda i: list(selectors.inbox(d.petugas_pupr, selectors.InboxFilters(q="berlubang"))[:25]))

        from tuntas.triage import search as triage_search

        queries = ["jalan rusak", "air tidak mengalir", "pungutan liar", "lampu mati", "ktp belum jadi",
                   "banyu kada mengalir", "guru tidak hadir", "sampah menumpuk", "bantuan sosial", "izin usaha"]
        timed(f"triage search ({triage_search.backend().__class__.__name__}), 10 queries", 100,
              lambda i: triage_search.search(queries[i % len(queries)], include_staff=True))

        from tuntas.complaints.figures import organisation_figures
        from tuntas.complaints.oversight import overseen_handlings

        timed("unit page figures (Dinas PUPR, 12 months)", 50, lambda i: organisation_figures(d.pupr))
        timed("Inspektorat oversight list, first page", 50,
              lambda i: list(overseen_handlings(d.auditor)[:30]))


if __name__ == "__main__":
    main()
