from django.core.management.base import BaseCommand

from tuntas.directory.regions import SOURCE, load_regions


class Command(BaseCommand):
    help = "Load Kemendagri region codes (province -> desa/kelurahan). Default: Kalimantan Selatan (63)."

    def add_arguments(self, parser):
        parser.add_argument("prefixes", nargs="*", default=["63"], help="code prefixes, e.g. 63 or 63.02")
        parser.add_argument(
            "--all", action="store_true", help="the whole of Indonesia (about 91,000 regions)"
        )

    def handle(self, *args, **opts):
        prefixes = None if opts["all"] else opts["prefixes"]
        created, updated = load_regions(prefixes)
        self.stdout.write(f"Wilayah: {created} baru, {updated} diperbarui. Sumber: {SOURCE}")
