from django.db import migrations

KINDS = [
    # slug, name, name_en, default SOP, may see a confidential reporter's identity, sort
    ("ombudsman_pusat", "Ombudsman RI (pusat)", "Ombudsman RI (head office)", "ombudsman", True, 10),
    ("ombudsman_perwakilan", "Ombudsman RI Perwakilan", "Ombudsman RI provincial office", "ombudsman", True, 20),
    ("pemprov", "Pemerintah Provinsi", "Provincial government", "", False, 30),
    ("pemkab", "Pemerintah Kabupaten/Kota", "Regency/city government", "", False, 40),
    ("koordinator", "Koordinator pengaduan (admin SP4N-LAPOR!)", "Complaint coordinator", "lapor-admin", True, 50),
    ("inspektorat", "Inspektorat Daerah", "Regional inspectorate", "inspektorat", True, 60),
    ("opd", "Perangkat Daerah (OPD)", "Work unit (OPD)", "opd", False, 70),
    ("kecamatan", "Kecamatan", "District (kecamatan)", "opd", False, 80),
    ("kelurahan", "Kelurahan", "Urban village (kelurahan)", "opd", False, 90),
    ("desa", "Pemerintah Desa", "Village government", "desa", False, 100),
]


def forwards(apps, schema_editor):
    Kind = apps.get_model("directory", "OrganisationKind")
    for slug, name, name_en, wf, sees, sort in KINDS:
        Kind.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "default_workflow": wf,
                      "sees_confidential_identity": sees, "sort": sort},
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
