from django.db import migrations

# The shipped kinds live in tuntas.directory.kinds (plain data, also read by ensure_default_kinds); this
# migration writes the fields the model had then.
FIELDS = ("name", "name_en", "default_workflow", "sees_confidential_identity", "sort")


def forwards(apps, schema_editor):
    from tuntas.directory.kinds import load_default_kinds

    load_default_kinds(apps.get_model("directory", "OrganisationKind"), FIELDS)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
