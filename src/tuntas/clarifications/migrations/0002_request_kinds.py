from django.db import migrations


def load(apps, schema_editor):  # noqa: ANN001
    from tuntas.clarifications.kinds import ensure_request_kinds

    ensure_request_kinds(apps.get_model("clarifications", "RequestKind"))


class Migration(migrations.Migration):
    dependencies = [("clarifications", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
