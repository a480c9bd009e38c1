from django.db import migrations


def forwards(apps, schema_editor):
    # The catalogues are plain data in tuntas.cooperation.catalogue.
    from tuntas.cooperation.catalogue import load_catalogues

    load_catalogues(apps.get_model("cooperation", "FocusArea"), apps.get_model("cooperation", "TrainingKind"))


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
