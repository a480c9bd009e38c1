from django.db import migrations


def forwards(apps, schema_editor):
    from tuntas.surveys.catalogue import load_catalogue

    load_catalogue(
        apps.get_model("surveys", "Element"),
        apps.get_model("surveys", "GradeBand"),
        apps.get_model("surveys", "Questionnaire"),
        apps.get_model("surveys", "Question"),
    )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
