"""The shipped schemes changed: five categories inside the 2022-2024 zones, the 2025 opinion re-banded with
its "Tanpa Maladministrasi" qualifier. Existing databases get them as new versions (rows only)."""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    from tuntas.compliance.schemes import add_changed_versions

    add_changed_versions(apps.get_model("compliance", "Scheme"), timezone.now())


class Migration(migrations.Migration):
    dependencies = [("compliance", "0002_shipped_schemes")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
