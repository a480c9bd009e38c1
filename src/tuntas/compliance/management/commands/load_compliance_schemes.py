"""Add the shipped compliance scoring schemes that are missing (never overwrites an existing code)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from tuntas.compliance.models import Scheme
from tuntas.compliance.schemes import load_shipped_schemes
from tuntas.core import clock


class Command(BaseCommand):
    help = "Load the shipped compliance scoring schemes (YAML) that are not in the database yet."

    def handle(self, *args, **options) -> None:  # noqa: ANN002, ANN003
        added = load_shipped_schemes(Scheme, clock.now())
        self.stdout.write(f"{added} scheme(s) added")
