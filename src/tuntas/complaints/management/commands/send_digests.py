from django.core.management.base import BaseCommand, CommandError

from tuntas.complaints.digest import digests_send
from tuntas.directory.models import Organisation


class Command(BaseCommand):
    help = (
        "Send today's daily digest to every organisation with open handlings that has not had it yet "
        "(the worker does this hourly from TUNTAS_DIGEST_HOUR, 07:00 local time by default)."
    )

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--organisation", help="only this organisation (slug)")

    def handle(self, *args, **opts):
        orgs = None
        if opts["organisation"]:
            orgs = list(Organisation.objects.filter(slug=opts["organisation"]))
            if not orgs:
                raise CommandError(f"no organisation with slug {opts['organisation']!r}")
        r = digests_send(organisations=orgs)
        self.stdout.write(
            f"organisations={r.organisations} messages={r.messages} skipped={r.skipped} already={r.already}"
        )
