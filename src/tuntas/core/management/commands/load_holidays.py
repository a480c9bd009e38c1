from django.core.management.base import BaseCommand, CommandError

from tuntas.core.holidays_sync import default_years, holidays_sync, unconfirmed_years


class Command(BaseCommand):
    help = (
        "Load the national holidays and cuti bersama of the given years (default: last, this and next year) "
        "into the Holiday table. Idempotent. Local holidays are entered in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, help="years, e.g. 2026 2027")

    def handle(self, *args, **opts):
        years = opts["years"] or default_years()
        if any(not 1950 <= y <= 2100 for y in years):
            raise CommandError("Tahun harus antara 1950 dan 2100.")
        r = holidays_sync(years)
        self.stdout.write(
            f"Hari libur {', '.join(map(str, sorted(set(years))))}: {r.created} baru, {r.updated} diperbarui, "
            f"{r.deleted} dihapus, {r.unchanged} tetap, {r.kept_manual} isian admin dipertahankan."
        )
        for year in unconfirmed_years(years):
            self.stdout.write(
                self.style.WARNING(
                    f"PERINGATAN {year}: belum ada SKB (tidak ada cuti bersama, atau libur nasional hanya "
                    "perkiraan). Tenggat yang melewati tahun ini dapat bergeser; jalankan lagi setelah SKB terbit "
                    "atau isi cuti bersama di admin."
                )
            )
