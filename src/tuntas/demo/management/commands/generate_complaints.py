import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from tuntas.demo.generator import DEFAULT_SEED, GeneratorError, generate


class Command(BaseCommand):
    help = (
        "Generate N complaints in bulk (benchmarks, load tests): Indonesian texts, categories, desa/kelurahan "
        "of the regency, privacy and channels, states across every SOP with the events, handlings, SLA clocks "
        "and attachments the services would have written. Deterministic with --seed. Needs the directory and "
        "SOPs first, e.g. `manage.py load_demo --no-programmes` (or --structure-only). All generated "
        "complaints share one tracking secret, printed at the end: never run it on a production database."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many complaints")
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})"
        )
        parser.add_argument(
            "--regency",
            help="Kemendagri code of the kabupaten/kota, e.g. 63.02 (default: "
            "that of the first complaint coordinator)",
        )
        parser.add_argument(
            "--days", type=int, default=365, help="period they are submitted over (default 365)"
        )
        parser.add_argument("--end", help="end of the period, ISO date or datetime (default now)")
        parser.add_argument(
            "--batch", type=int, default=2000, help="complaints per transaction (default 2000)"
        )

    def handle(self, *args, **opts):
        if opts["count"] < 1 or opts["days"] < 1 or opts["batch"] < 1:
            raise CommandError("N, --days and --batch must be 1 or more")
        end = None
        if opts["end"]:
            try:
                end = dt.datetime.fromisoformat(opts["end"])
            except ValueError as exc:
                raise CommandError(f"--end: {exc}") from exc
            if end.tzinfo is None:
                from django.utils import timezone

                end = timezone.make_aware(end)

        def progress(done: int, seconds: float) -> None:
            self.stdout.write(f"  {done} pengaduan, {done / seconds:,.0f}/s")

        try:
            result = generate(
                opts["count"],
                seed=opts["seed"],
                regency=opts["regency"],
                days=opts["days"],
                end=end,
                batch_size=opts["batch"],
                progress=progress if opts["verbosity"] > 1 else None,
            )
        except GeneratorError as exc:
            raise CommandError(str(exc)) from exc
        rows = ", ".join(f"{name} {n}" for name, n in result.rows.items())
        self.stdout.write(
            f"{result.complaints} pengaduan di wilayah {result.regency} dalam {result.seconds:.1f} s "
            f"({connection.vendor}): {result.per_second:,.0f} pengaduan/s, "
            f"{result.total_rows / result.seconds:,.0f} baris/s"
        )
        self.stdout.write(f"  baris: {rows}")
        self.stdout.write(f"  kode rahasia semua pengaduan yang dibuat: {result.secret}")
