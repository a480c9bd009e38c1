from django.core.management.base import BaseCommand

from tuntas.complaints.deadlines import sla_tick


class Command(BaseCommand):
    help = "Mark overdue clocks and take SOP expiry transitions (auto-close after the reporter's silence)."

    def handle(self, *args, **opts):
        r = sla_tick()
        self.stdout.write(f"breached={r.breached} expired={r.expired_transitions} failed={r.failed}")
