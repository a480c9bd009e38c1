"""The admin speaks the viewer's language (issue 10 item 14): every app, model and field an admin sees has an
Indonesian label marked for translation, and the admin is headed with our name."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.utils.functional import Promise

from tests.factories import UserFactory


def _registered():
    return list(admin.site._registry)


def test_every_app_in_the_admin_has_a_translatable_name():
    apps = {m._meta.app_config for m in _registered()}
    unnamed = [a.label for a in apps if not isinstance(a.verbose_name, Promise)]
    assert not [a for a in unnamed if a not in {"auth"}], unnamed  # Django's own apps translate themselves


def _shows_only_labelled_columns(model) -> bool:  # noqa: ANN001
    """A proxy of another library's model (django-otp's device: no Indonesian catalogue) whose admin shows none
    of that model's fields, only columns labelled by us."""
    model_admin = admin.site._registry[model]
    names = (*model_admin.list_display, *(model_admin.fields or ()))
    return model._meta.proxy and all(
        isinstance(getattr(getattr(model_admin, n, None), "short_description", None), Promise) for n in names
    )


def test_every_model_and_field_in_the_admin_has_a_translatable_label():
    missing = []
    for model in _registered():
        opts = model._meta
        if opts.app_label == "auth":
            continue
        for attr in ("verbose_name", "verbose_name_plural"):
            if not isinstance(getattr(opts, attr), Promise):
                missing.append(f"{opts.label}.Meta.{attr}")
        if _shows_only_labelled_columns(model):
            continue
        for field in opts.get_fields():
            concrete = getattr(field, "concrete", False) and not field.auto_created
            if concrete and not isinstance(field.verbose_name, Promise):
                missing.append(f"{opts.label}.{field.name}")
    assert not missing, missing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "present", "absent"),
    [
        (
            "id",
            ["Administrasi Tuntas", "Pesan keluar", "Peristiwa", "Tenggat (SLA)"],
            ["Administrasi Django"],
        ),
        (
            "en",
            ["Tuntas administration", "Outbox messages", "Events", "Deadlines (SLA)"],
            ["Django administration"],
        ),
    ],
)
def test_the_admin_index_is_headed_and_listed_in_the_viewer_language(language, present, absent):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for text in present:
        assert text in page, text
    for text in absent:
        assert text not in page, text
