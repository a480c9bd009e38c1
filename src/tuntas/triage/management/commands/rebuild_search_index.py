from django.core.management.base import BaseCommand
from django.db import transaction

from tuntas.triage.search import rebuild


class Command(BaseCommand):
    help = "Rewrite the complaint search index from the complaints and their timelines."

    def handle(self, *args, **options):
        with transaction.atomic():
            n = rebuild()
        self.stdout.write(f"{n} complaints indexed")
