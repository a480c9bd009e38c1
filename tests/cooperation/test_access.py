"""Both sides see the agreement; everyone else gets 404. Who manages, who reports progress."""

from __future__ import annotations

import pytest

from tests.factories import OrganisationFactory, UserFactory, member
from tuntas.cooperation import access, selectors
from tuntas.core.errors import NotFound
from tuntas.directory.models import OrganisationKind


@pytest.fixture
def kecamatan_desa(directory):
    """A desa under a kecamatan under the Pemkab, with an operator: two levels down the tree."""
    kec = OrganisationFactory(
        name="Kecamatan Pulaulaut Utara",
        slug="kecamatan-pulaulaut-utara",
        kind=OrganisationKind.objects.get(slug="kecamatan"),
        parent=directory.pemkab,
    )
    desa = OrganisationFactory(
        name="Pemerintah Desa Stagen",
        slug="desa-stagen",
        kind=OrganisationKind.objects.get(slug="desa"),
        parent=kec,
    )
    return member(UserFactory(username="operator.stagen"), desa, "petugas")


@pytest.mark.parametrize("who", ["koordinator", "petugas_pupr", "viewer", "asisten", "auditor"])
def test_both_sides_see_the_agreement(directory, agreement, who):
    assert selectors.agreement_for(getattr(directory, who), agreement.pk) == agreement


def test_a_village_operator_deep_in_the_tree_sees_it(agreement, kecamatan_desa):
    assert access.can_view(kecamatan_desa, agreement)


def test_another_regency_does_not_see_it(agreement, outsider):
    with pytest.raises(NotFound):
        selectors.agreement_for(outsider, agreement.pk)


def test_a_user_without_membership_does_not_see_it(agreement):
    with pytest.raises(NotFound):
        selectors.agreement_for(UserFactory(username="tanpa.unit"), agreement.pk)


def test_another_ombudsman_office_does_not_see_it(agreement):
    other = OrganisationFactory(
        name="Ombudsman RI Perwakilan Kalimantan Timur",
        slug="ombudsman-kaltim",
        kind=OrganisationKind.objects.get(slug="ombudsman_perwakilan"),
    )
    assert not access.can_view(member(UserFactory(username="asisten.kaltim"), other, "pimpinan"), agreement)


@pytest.mark.parametrize(
    "who, manages",
    [
        ("koordinator", True),
        ("asisten", True),
        ("petugas_pupr", False),
        ("kadis_pupr", False),
        ("viewer", False),
    ],
)
def test_who_manages(directory, agreement, who, manages):
    assert access.can_manage(getattr(directory, who), agreement) is manages


def test_pemkab_admin_manages(directory, agreement):
    assert access.can_manage(
        member(UserFactory(username="admin.pemkab"), directory.pemkab, "admin"), agreement
    )


def test_activity_invisible_to_outsider(agreement, activity, outsider):
    with pytest.raises(NotFound):
        selectors.activity_for(outsider, activity.pk)


def test_training_invisible_to_outsider(agreement, training, outsider):
    with pytest.raises(NotFound):
        selectors.training_for(outsider, training.pk)
