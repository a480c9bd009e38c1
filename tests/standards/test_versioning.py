"""Versions of a standard: publishing supersedes, a published version is never edited, a new draft copies it."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from tests.standards.conftest import full_texts
from tuntas.core.errors import Conflict, InvalidInput, TransitionNotAllowed
from tuntas.standards import services
from tuntas.standards.models import Component, ServiceStandard

Status = ServiceStandard.Status


def texts_of(standard: ServiceStandard) -> dict[str, str]:
    return dict(standard.components.values_list("component__code", "text"))


def test_catalogue_holds_the_14_components_in_two_groups(db):
    groups = {
        g: list(Component.objects.filter(group=g).values_list("code", flat=True)) for g in Component.Group
    }
    assert groups[Component.Group.DELIVERY] == [
        "persyaratan",
        "prosedur",
        "jangka_waktu",
        "biaya",
        "produk",
        "pengaduan",
    ]
    assert len(groups[Component.Group.MANAGEMENT]) == 8
    assert "jaminan_pelayanan" in groups[Component.Group.MANAGEMENT]


def test_first_draft_has_an_empty_text_for_every_component(directory, make_service):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    assert (draft.version, draft.status, draft.based_on) == (1, Status.DRAFT, None)
    assert texts_of(draft) == dict.fromkeys(full_texts(), "")


def test_publishing_a_new_version_supersedes_the_old_one(directory, published, make_draft):
    v2 = make_draft(published.service, texts=full_texts("Baru "))
    services.standard_publish(actor=directory.kadis_pupr, standard_id=v2.pk)
    published.refresh_from_db()
    v2.refresh_from_db()
    assert (published.status, v2.status) == (Status.SUPERSEDED, Status.PUBLISHED)
    assert published.superseded_at == v2.published_at
    assert ServiceStandard.objects.filter(service=published.service, status=Status.PUBLISHED).count() == 1
    assert texts_of(published)["persyaratan"] == "Persyaratan: baris pertama\nbaris kedua"  # kept as it was


def test_the_database_refuses_two_published_versions(published):
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceStandard.objects.create(
            service=published.service,
            version=2,
            status=Status.PUBLISHED,
            created_at=published.created_at,
            updated_at=published.updated_at,
        )


def test_published_version_is_never_edited(directory, published):
    before = texts_of(published)
    with pytest.raises(TransitionNotAllowed):
        services.standard_update_component(
            actor=directory.kadis_pupr, standard_id=published.pk, code="persyaratan", text="Diubah diam-diam"
        )
    with pytest.raises(TransitionNotAllowed):
        services.standard_update(
            actor=directory.kadis_pupr, standard_id=published.pk, values={"biaya": 50_000}
        )
    published.refresh_from_db()
    assert texts_of(published) == before
    assert published.cost_rupiah == 0


def test_superseded_version_is_never_edited(directory, published, make_draft):
    v2 = make_draft(published.service)
    services.standard_publish(actor=directory.kadis_pupr, standard_id=v2.pk)
    with pytest.raises(TransitionNotAllowed):
        services.standard_update_component(
            actor=directory.kadis_pupr, standard_id=published.pk, code="produk", text="x"
        )


def test_new_draft_copies_texts_and_values_of_the_published_version(directory, published):
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=published.service_id)
    assert (draft.version, draft.status, draft.based_on_id) == (2, Status.DRAFT, published.pk)
    assert texts_of(draft) == texts_of(published)
    assert (draft.time_limit_days, draft.cost_rupiah) == (published.time_limit_days, published.cost_rupiah)
    services.standard_update_component(
        actor=directory.petugas_pupr, standard_id=draft.pk, code="persyaratan", text="Hanya KTP-el"
    )
    assert texts_of(draft)["persyaratan"] == "Hanya KTP-el"
    assert texts_of(published)["persyaratan"] != "Hanya KTP-el"


def test_one_draft_at_a_time(directory, published):
    services.standard_draft_new(actor=directory.petugas_pupr, service_id=published.service_id)
    with pytest.raises(Conflict):
        services.standard_draft_new(actor=directory.kadis_pupr, service_id=published.service_id)


def test_structured_values_of_time_limit_and_cost(directory, make_service):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    services.standard_update_component(
        actor=directory.petugas_pupr, standard_id=draft.pk, code="biaya", text="Sesuai Perda", value=150_000
    )
    services.standard_update_component(
        actor=directory.petugas_pupr, standard_id=draft.pk, code="jangka_waktu", text="14 hari", value=14
    )
    draft.refresh_from_db()
    assert (draft.time_limit_days, draft.cost_rupiah) == (14, 150_000)
    assert (draft.time_limit_label, draft.cost_label) == ("14 hari kerja", "Rp 150.000")


@pytest.mark.parametrize(
    ("texts", "values", "field"),
    [
        ({"tidak_ada": "x"}, {}, "tidak_ada"),
        ({}, {"biaya": -1}, "biaya_value"),
        ({}, {"jangka_waktu": 10_000}, "jangka_waktu_value"),
        ({}, {"produk": 3}, "produk_value"),
        ({"produk": "x" * 10_001}, {}, "produk"),
    ],
)
def test_update_refuses_bad_input(directory, make_service, texts, values, field):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    with pytest.raises(InvalidInput) as exc:
        services.standard_update(
            actor=directory.petugas_pupr, standard_id=draft.pk, texts=texts, values=values
        )
    assert field in exc.value.errors


def test_an_edit_over_a_newer_one_is_refused(directory, make_service):
    service = make_service()
    draft = services.standard_draft_new(actor=directory.petugas_pupr, service_id=service.pk)
    seen = draft.revision
    services.standard_update_component(
        actor=directory.kadis_pupr,
        standard_id=draft.pk,
        code="produk",
        text="Versi kadis",
        expected_revision=seen,
    )
    with pytest.raises(Conflict):
        services.standard_update_component(
            actor=directory.petugas_pupr,
            standard_id=draft.pk,
            code="produk",
            text="Versi petugas",
            expected_revision=seen,
        )
    assert texts_of(draft)["produk"] == "Versi kadis"
