import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tuntas.demo import kotabaru
from tuntas.demo.services import SEED, DemoRefused, accounts_list, counts, demo_load, samples


class Command(BaseCommand):
    help = (
        "Load the Kabupaten Kotabaru demo: regions of Kalimantan Selatan, holidays, SOPs, the Pemkab's "
        "organisations down to every desa, Inspektorat, Ombudsman Kalsel, categories, demo accounts and about "
        "200 complaints played through the services. Idempotent: a loaded demo is only listed. Needs "
        "TUNTAS_DEMO=1 (the accounts share a published password), except with --structure-only."
    )

    # `make run` runs migrate (with the system checks) right before; skipping them here keeps a restart quick.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--complaints", type=int, default=200, help="how many complaints (default 200)")
        parser.add_argument("--seed", type=int, default=SEED, help="random seed of the story")
        parser.add_argument(
            "--structure-only",
            action="store_true",
            help="only regions, holidays, SOPs, organisations and categories: no accounts, no complaints",
        )
        parser.add_argument(
            "--no-programmes",
            action="store_true",
            help="skip the programmes loaded after the story (surveys, compliance, villages, cooperation, ...)",
        )

    def handle(self, *args, **opts):
        if opts["complaints"] < 0:
            raise CommandError("--complaints must be 0 or more")
        started = time.perf_counter()
        try:
            result = demo_load(
                count=opts["complaints"],
                seed=opts["seed"],
                structure_only=opts["structure_only"],
                programmes=not opts["no_programmes"],
            )
        except DemoRefused as exc:
            raise CommandError(str(exc)) from exc
        if result.already_loaded:
            self.stdout.write("Demo Kotabaru sudah dimuat; tidak ada yang ditambahkan.")
        else:
            for step, seconds in result.timings.items():
                self.stdout.write(f"  {step}: {seconds:.1f} s")
            self.summary()
        if settings.DEMO and not opts["structure_only"]:
            self.accounts(opts["seed"])
        self.stdout.write(f"Selesai dalam {time.perf_counter() - started:.1f} s.")

    def summary(self):
        c = counts()
        status = ", ".join(f"{k} {v}" for k, v in sorted(c["status"].items()))
        self.stdout.write(f"Pengaduan: {sum(c['status'].values())} ({status})")
        for key, n in sorted(c["open"].items()):
            self.stdout.write(f"  terbuka {key}: {n}")
        self.stdout.write("  " + ", ".join(f"{k}: {v}" for k, v in c["sla"].items()))

    def accounts(self, seed):
        rows = accounts_list()
        if not rows:
            return
        self.stdout.write("")
        self.stdout.write(self.style.WARNING(f"Akun demo (kata sandi semua akun: {kotabaru.DEMO_PASSWORD})"))
        width = max(len(r.username) for r in rows)
        for r in rows:
            note = f"  ({r.note})" if r.note else ""
            self.stdout.write(f"  {r.username:<{width}}  {r.memberships}{note}")
        picks = samples(seed=seed)
        if picks:
            self.stdout.write("Contoh pengaduan untuk dilacak di portal (kode lacak / kode rahasia):")
            for s in picks:
                self.stdout.write(f"  {s.tracking_code} / {s.secret}  ({s.label})")
        self.stdout.write("Konsol petugas: /console/   Admin: /admin/ (akun admin)")
