"""`tuntas <command>`: Django's manage.py for an installed deployment (e.g. `tuntas migrate`)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuntas.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
