from django.db import migrations


def forwards(apps, schema_editor):
    # The 14 components (UU 25/2009 Pasal 21, PermenPANRB 15/2014) are plain data in tuntas.standards.catalogue.
    from tuntas.standards.catalogue import load_components

    load_components(apps.get_model("standards", "Component"))


class Migration(migrations.Migration):
    dependencies = [("standards", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
