from django.core.management.base import BaseCommand

from tuntas.notify.message_templates import sync_message_templates


class Command(BaseCommand):
    help = (
        "Copy the shipped message templates (templates/notify/*.txt, templates/notify/en/*.txt) into "
        "MessageTemplate rows: create missing rows, refresh unedited ones, keep rows an admin edited."
    )

    def handle(self, *args, **opts):
        r = sync_message_templates()
        self.stdout.write(f"created={r.created} updated={r.updated} kept={r.kept}")
