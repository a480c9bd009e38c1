from django.core.management.base import BaseCommand

from tuntas.notify.delivery import deliver_due


class Command(BaseCommand):
    help = "Send the due outbox messages once (the worker does this every minute) and print the counts."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--limit", type=int, default=50, help="at most this many messages (default 50)")

    def handle(self, *args, **opts):
        r = deliver_due(limit=opts["limit"])
        self.stdout.write(
            f"claimed={r.claimed} sent={r.sent} retrying={r.retrying} failed={r.failed} skipped={r.skipped}"
        )
