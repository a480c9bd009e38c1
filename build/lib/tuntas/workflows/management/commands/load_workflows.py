from django.core.management.base import BaseCommand

from tuntas.workflows.registry import sync_workflow_files


class Command(BaseCommand):
    help = "Validate the SOP YAML files and store new versions of the changed ones."

    def handle(self, *args, **opts):
        for d in sync_workflow_files():
            self.stdout.write(f"SOP {d.slug} v{d.version}: {d.name}")
