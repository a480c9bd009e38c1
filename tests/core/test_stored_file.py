"""The file models share their stored-file columns through tuntas.core.models.StoredFile, with exactly the
columns their migrations created (so rows written before the base existed are read as they were), and
tuntas.core.files.store_clean_file saves a cleaned upload with any of them."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db.migrations.loader import MigrationLoader

from tests.complaints.conftest import pdf_with_author
from tests.core.rows import values_for
from tuntas.core.files import clean_upload, store_clean_file
from tuntas.core.models import StoredFile

# model -> the folder its files are stored under (its upload_to, pinned by the app's migrations)
FILE_MODELS = {
    "complaints.Attachment": "attachments/",
    "clarifications.Document": "clarifications/",
    "compliance.Evidence": "compliance/",
    "villages.Evidence": "villages/evidence/",
    "cooperation.Upload": "cooperation/",
    "followup.Evidence": "followup/",
    "channels.DraftAttachment": "channels/",
}
COLUMNS = ("file", "original_name", "content_type", "size", "sha256")


def test_the_file_models_use_the_stored_file_base():
    built_on_base = {m._meta.label for m in apps.get_models() if issubclass(m, StoredFile)}
    assert built_on_base == set(FILE_MODELS)


def test_no_other_model_repeats_the_stored_file_columns():
    repeating = [
        m._meta.label
        for m in apps.get_models()
        if not issubclass(m, StoredFile) and {"original_name", "sha256"} <= {f.name for f in m._meta.fields}
    ]
    assert repeating == []


@pytest.mark.parametrize("label", FILE_MODELS)
def test_stored_file_columns_are_the_ones_the_migrations_created(label):
    migrated = MigrationLoader(None, ignore_no_migrations=True).project_state().apps.get_model(label)
    model = apps.get_model(label)
    for name in COLUMNS:
        # deconstruct() is what makemigrations compares: equal means no schema change and no data moved.
        assert (
            model._meta.get_field(name).deconstruct()[1:] == migrated._meta.get_field(name).deconstruct()[1:]
        )
        assert model._meta.get_field(name).column == migrated._meta.get_field(name).column


@pytest.mark.django_db
@pytest.mark.parametrize("label", FILE_MODELS)
def test_store_clean_file_saves_the_file_and_its_columns(label):
    model = apps.get_model(label)
    clean = clean_upload("surat tugas.pdf", pdf_with_author())
    row = store_clean_file(model(**values_for(model)), clean)
    stored = model.objects.values(*COLUMNS).get(pk=row.pk)
    assert stored["file"].startswith(FILE_MODELS[label]) and stored["file"].endswith(clean.sha256)
    assert (stored["original_name"], stored["content_type"], stored["size"], stored["sha256"]) == (
        "surat tugas.pdf",
        "application/pdf",
        len(clean.content),
        clean.sha256,
    )
    with model.objects.get(pk=row.pk).file.open("rb") as f:
        assert f.read() == clean.content
    assert str(row) == "surat tugas.pdf"
