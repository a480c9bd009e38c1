from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    from tuntas.compliance.schemes import load_shipped_schemes

    load_shipped_schemes(apps.get_model("compliance", "Scheme"), timezone.now())


class Migration(migrations.Migration):
    dependencies = [("compliance", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
