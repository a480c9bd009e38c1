from django.db import migrations


def forwards(apps, schema_editor):
    # The shipped instrument (tuntas/villages/instruments/*.yaml) as version 1: see tuntas.villages.shipped.
    from tuntas.villages.shipped import load_shipped_instruments

    load_shipped_instruments(apps.get_model("villages", "InstrumentVersion"))


class Migration(migrations.Migration):
    dependencies = [("villages", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
