from pathlib import Path

import yaml
from django.db import migrations

# The shipped instrument (tuntas/villages/instruments/*.yaml) as version 1. Validation and later versions go
# through tuntas.villages.registry.instrument_save; this only stores the text when no version exists yet.
SHIPPED = Path(__file__).resolve().parent.parent / "instruments"


def forwards(apps, schema_editor):
    InstrumentVersion = apps.get_model("villages", "InstrumentVersion")
    for path in sorted(SHIPPED.glob("*.yaml")):
        source = path.read_text(encoding="utf-8")
        head = yaml.safe_load(source)
        if not InstrumentVersion.objects.filter(slug=head["slug"]).exists():
            InstrumentVersion.objects.create(
                slug=head["slug"], version=1, name=head["name"], source=source, is_active=True
            )


class Migration(migrations.Migration):
    dependencies = [("villages", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
