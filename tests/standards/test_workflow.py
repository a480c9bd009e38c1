"""Draft -> konsultasi -> published, and who may do each step."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import UserFactory, member
from tests.standards.conftest import NOW, full_texts
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.standards import services
from tuntas.standards.models import Service, ServiceStandard

Status = ServiceStandard.Status
TODAY = NOW.date()


def test_draft_consultation_published(directory, make_service, make_draft, frozen):
    draft = make_draft(make_service())
    services.standard_open_consultation(
        actor=directory.petugas_pupr, standard_id=draft.pk, closes_on=TODAY + dt.timedelta(days=14)
    )
    draft.refresh_from_db()
    assert (draft.status, draft.consultation_opens_on) == (Status.KONSULTASI, TODAY)
    frozen(dt.timedelta(days=15))
    done = services.standard_publish(
        actor=directory.kadis_pupr, standard_id=draft.pk, decree="SK Kadis 1/2026"
    )
    assert (done.status, done.published_by, done.decree) == (
        Status.PUBLISHED,
        directory.kadis_pupr,
        "SK Kadis 1/2026",
    )
    assert done.consultation_closes_on == TODAY + dt.timedelta(
        days=14
    )  # the record of the consultation stays


def test_petugas_of_another_organisation_cannot_edit(directory, make_service, make_draft):
    draft = make_draft(make_service())
    with pytest.raises(NotFound):
        services.standard_update_component(
            actor=directory.petugas_disdik, standard_id=draft.pk, code="produk", text="Bukan urusan saya"
        )
    with pytest.raises(NotFound):
        services.standard_draft_new(actor=directory.petugas_disdik, service_id=draft.service_id)
    with pytest.raises(NotFound):
        services.standard_publish(actor=directory.inspektur, standard_id=draft.pk)


def test_a_viewer_cannot_draft(directory):
    viewer = directory.viewer  # viewer at the coordinator
    with pytest.raises(NotPermitted):
        services.service_create(
            actor=viewer, organisation_id=directory.coordinator.pk, name="Layanan informasi"
        )


def test_petugas_drafts_but_cannot_publish(directory, make_service, make_draft):
    draft = make_draft(make_service())
    with pytest.raises(NotPermitted):
        services.standard_publish(actor=directory.petugas_pupr, standard_id=draft.pk)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_admin_of_the_organisation_publishes(directory, admin_pupr, make_service, make_draft):
    draft = make_draft(make_service())
    assert services.standard_publish(actor=admin_pupr, standard_id=draft.pk).status == Status.PUBLISHED


def test_desa_operator_drafts_the_village_standard(directory, desa_operator, make_service, make_draft):
    service = make_service("Surat keterangan domisili", org=directory.desa, actor=desa_operator)
    draft = make_draft(service, actor=desa_operator)
    assert draft.service.organisation == directory.desa
    with pytest.raises(NotPermitted):  # the kepala desa (pimpinan) publishes
        services.standard_publish(actor=desa_operator, standard_id=draft.pk)
    kades = member(UserFactory(username="kades.sigam"), directory.desa, "pimpinan")
    assert services.standard_publish(actor=kades, standard_id=draft.pk).status == Status.PUBLISHED


def test_publishing_waits_until_the_consultation_closes(directory, make_service, make_draft, frozen):
    draft = make_draft(make_service())
    services.standard_open_consultation(
        actor=directory.petugas_pupr, standard_id=draft.pk, closes_on=TODAY + dt.timedelta(days=7)
    )
    frozen(dt.timedelta(days=7))  # the last day of the consultation
    with pytest.raises(Conflict):
        services.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk)
    frozen(dt.timedelta(days=1))
    assert (
        services.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk).status == Status.PUBLISHED
    )


def test_an_incomplete_draft_is_not_published(directory, make_service, make_draft):
    texts = full_texts()
    texts.pop("jaminan_keamanan")
    draft = make_draft(make_service(), texts=texts, cost=None)
    with pytest.raises(InvalidInput) as exc:
        services.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk)
    assert set(exc.value.errors) == {"jaminan_keamanan", "biaya_value"}


def test_only_a_draft_opens_a_consultation(directory, published, frozen):
    with pytest.raises(TransitionNotAllowed):
        services.standard_open_consultation(
            actor=directory.kadis_pupr, standard_id=published.pk, closes_on=TODAY + dt.timedelta(days=30)
        )


@pytest.mark.parametrize(
    ("opens", "closes", "field"),
    [
        (None, -1, "closes_on"),
        (-1, 10, "opens_on"),
        (5, 3, "closes_on"),
        (None, 91, "closes_on"),
    ],
)
def test_consultation_dates_are_checked(directory, make_service, make_draft, frozen, opens, closes, field):
    draft = make_draft(make_service())
    with pytest.raises(InvalidInput) as exc:
        services.standard_open_consultation(
            actor=directory.petugas_pupr,
            standard_id=draft.pk,
            opens_on=None if opens is None else TODAY + dt.timedelta(days=opens),
            closes_on=TODAY + dt.timedelta(days=closes),
        )
    assert field in exc.value.errors


def test_service_slug_is_unique_per_organisation(directory, make_service):
    first = make_service("Izin Galian Jalan")
    assert first.slug == "izin-galian-jalan"
    with pytest.raises(InvalidInput) as exc:
        make_service("Izin galian jalan")
    assert "slug" in exc.value.errors
    other = services.service_create(
        actor=directory.petugas_disdik, organisation_id=directory.disdik.pk, name="Izin galian jalan"
    )
    assert other.slug == first.slug
    assert Service.objects.filter(slug="izin-galian-jalan").count() == 2
