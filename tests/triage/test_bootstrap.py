"""Bootstrapping the suggestions from what a deployment says about itself, before it has any history."""

import pytest

from tuntas.complaints.models import Category
from tuntas.directory.models import Organisation
from tuntas.standards import services
from tuntas.standards.catalogue import ensure_components
from tuntas.standards.models import Component
from tuntas.triage.bootstrap import bootstrap_examples, maladministration_types
from tuntas.triage.suggest import suggest
from tuntas.triage.train import train


@pytest.fixture
def deployment(directory):
    ensure_components()
    Category.objects.filter(pk=directory.category.pk).update(default_organisation=directory.pupr)
    Category.objects.create(
        slug="pendidikan", name="Pendidikan dan sekolah", default_organisation=directory.disdik
    )
    Organisation.objects.filter(pk=directory.disdik.pk).update(
        description="Sekolah dasar dan menengah pertama, guru, PPDB, dana BOS."
    )
    Organisation.objects.filter(pk=directory.desa.pk).update(description="Desa Sigam di tepi pantai.")
    actor = directory.petugas_pupr
    service = services.service_create(
        actor=actor, organisation_id=directory.pupr.pk, name="Izin galian jalan"
    )
    draft = services.standard_draft_new(actor=actor, service_id=service.pk)
    texts = {
        c.code: f"{c.name}: galian kabel dan pipa di badan jalan kabupaten ditutup kembali"
        for c in Component.objects.filter(is_active=True)
    }
    services.standard_update(
        actor=actor, standard_id=draft.pk, texts=texts, values={"jangka_waktu": 5, "biaya": 0}
    )
    services.standard_publish(actor=directory.kadis_pupr, standard_id=draft.pk)
    return directory


def test_categories_teach_their_default_unit(deployment):
    found = [e for e in bootstrap_examples() if e.category == "jalan" and "Jalan dan jembatan" in e.text]
    assert [e.organisation for e in found] == ["dinas-pupr"]


def test_profiles_teach_the_unit_and_its_only_category(deployment):
    disdik = [e for e in bootstrap_examples() if "dana BOS" in e.text]
    assert [(e.organisation, e.category) for e in disdik] == [("dinas-pendidikan", "pendidikan")]


def test_villages_are_one_label_learnt_without_their_names(deployment):
    villages = [e for e in bootstrap_examples() if e.organisation == "desa"]
    assert len(villages) == 1
    assert "sigam" not in villages[0].text.lower()


def test_published_standards_teach_the_unit_of_their_service(deployment):
    standard = [
        e for e in bootstrap_examples() if "Izin galian jalan" in e.text and "ditutup kembali" in e.text
    ]
    assert len(standard) == 1
    assert standard[0].organisation == "dinas-pupr"
    assert standard[0].text.count("galian kabel") == Component.objects.filter(is_active=True).count()


def test_maladministration_types_come_from_the_ombudsman_sop(deployment):
    types = dict(maladministration_types())
    assert len(types) == 11
    assert types["penundaan_berlarut"] == "Penundaan berlarut"
    malad = {e.maladministration for e in bootstrap_examples() if e.maladministration}
    assert malad == set(types)


def test_a_model_bootstrapped_with_no_history_routes_by_those_words(deployment):
    model = train(bootstrap_examples())
    found = suggest(model, "galian pipa di jalan dibiarkan terbuka")
    assert found["organisation"][0].label == "dinas-pupr"
    assert "galian" in " ".join(found["organisation"][0].terms)
    assert suggest(model, "guru jarang masuk sekolah")["organisation"][0].label == "dinas-pendidikan"
    assert suggest(model, "petugas minta uang pelicin")["maladministration"][0].label == "permintaan_imbalan"
