"""Start a regency's Desa Anti-Maladministrasi programme: enrol its villages from the region data.

The programme is then run in the console (/console/dam/); its details can be edited in the admin.
"""

from django.core.management.base import BaseCommand, CommandError

from tuntas.core.errors import DomainError, InvalidInput
from tuntas.directory.models import Organisation, User
from tuntas.villages.services import programme_create


class Command(BaseCommand):
    help = (
        "Create a Desa Anti-Maladministrasi programme for a Pemkab with an Ombudsman Perwakilan and enrol all its "
        "desa (and kelurahan with --kelurahan). The actor must be a superuser or pimpinan/admin of either side."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pemkab", required=True, help="slug of the Pemkab organisation")
        parser.add_argument(
            "--ombudsman", required=True, help="slug of the Ombudsman Perwakilan organisation"
        )
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--actor", required=True, help="username that creates it")
        parser.add_argument(
            "--verifier",
            action="append",
            default=[],
            help="slug of a level-1 verifier (default: the Inspektorat)",
        )
        parser.add_argument("--mou", default="", help="reference of the MoU with the Ombudsman")
        parser.add_argument("--kelurahan", action="store_true", help="enrol kelurahan too")

    def handle(self, *args, **opts):
        actor = User.objects.filter(username=opts["actor"], is_active=True).first()
        if actor is None:
            raise CommandError(f"no active user {opts['actor']!r}")
        orgs = {
            o.slug: o
            for o in Organisation.objects.filter(
                slug__in=[opts["pemkab"], opts["ombudsman"], *opts["verifier"]]
            )
        }
        missing = [s for s in (opts["pemkab"], opts["ombudsman"], *opts["verifier"]) if s not in orgs]
        if missing:
            raise CommandError(f"unknown organisation(s): {', '.join(missing)}")
        try:
            programme = programme_create(
                actor=actor,
                pemkab_id=orgs[opts["pemkab"]].pk,
                ombudsman_id=orgs[opts["ombudsman"]].pk,
                year=opts["year"],
                verifier_ids=[orgs[s].pk for s in opts["verifier"]],
                mou_reference=opts["mou"],
                include_kelurahan=opts["kelurahan"],
            )
        except InvalidInput as exc:
            details = "; ".join(f"{k}: {v}" for k, v in exc.errors.items())
            raise CommandError(f"{exc.message} {details}".strip()) from exc
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"{programme.name} ({programme.slug}): {programme.participations.count()} desa terdaftar."
        )
