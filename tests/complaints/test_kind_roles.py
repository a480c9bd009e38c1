"""A deployment defines its own organisation kinds: what a kind does (coordinator, oversight rank, external)
is data on the kind, so a new kind with the flag set is routed exactly like the shipped one."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at, reload
from tests.factories import UserFactory, member
from tuntas.complaints import routing, services, transfers
from tuntas.complaints.models import Event
from tuntas.directory.kinds import DEFAULT_KINDS, ensure_default_kinds
from tuntas.directory.models import Organisation, OrganisationKind


def _new_kind(slug: str, **flags: object) -> OrganisationKind:
    return OrganisationKind.objects.create(slug=slug, name=slug.replace("_", " ").title(), **flags)


@pytest.fixture
def mpp(directory):
    """Kotabaru's complaints go to its Mal Pelayanan Publik, a kind of the deployment's own, instead of the
    shipped coordinator."""
    kind = _new_kind(
        "mal_pelayanan",
        default_workflow="lapor-admin",
        is_complaint_coordinator=True,
        sees_confidential_identity=True,
    )
    Organisation.objects.filter(pk=directory.coordinator.pk).update(is_active=False)
    org = Organisation.objects.create(
        name="Mal Pelayanan Publik Kotabaru",
        slug="mpp-kotabaru",
        kind=kind,
        parent=directory.pemkab,
        region=directory.regions["63.02"],
        accepts_complaints=True,
    )
    return org, member(UserFactory(username="admin.mpp"), org, "koordinator")


def test_intake_goes_to_a_coordinator_of_a_deployment_defined_kind(submit, mpp):
    org, _ = mpp
    s = submit()
    assert list(s.complaint.handlings.values_list("organisation", flat=True)) == [org.pk]
    assert routing.intake_for(region=None, explicit=None) == org


def test_a_disposal_from_a_deployment_defined_coordinator_is_a_disposisi(submit, mpp, directory):
    org, admin = mpp
    s = submit()
    act(admin, handling_at(s.complaint, org), "verifikasi", target=directory.pupr.pk)
    moved = Event.objects.get(complaint=s.complaint, kind=Event.Kind.TRANSFERRED)
    assert moved.payload["move"] == transfers.DISPOSISI


def test_a_return_without_a_sender_goes_to_the_coordinator_of_the_new_kind(directory, mpp):
    org, _ = mpp
    assert routing.coordinator_covering("63.02.06.2005") == org


@pytest.fixture
def apip(directory):
    """The regency's internal auditor is of a kind the deployment defined (rank 1, internal)."""
    kind = _new_kind(
        "apip_daerah", default_workflow="inspektorat", oversight_rank=1, sees_confidential_identity=True
    )
    Organisation.objects.filter(pk=directory.inspektorat.pk).update(is_active=False)
    org = Organisation.objects.create(
        name="APIP Kotabaru",
        slug="apip-kotabaru",
        kind=kind,
        parent=directory.pemkab,
        region=directory.regions["63.02"],
    )
    return org, member(UserFactory(username="kepala.apip"), org, "pimpinan")


def test_the_reporter_escalates_to_an_oversight_body_of_a_deployment_defined_kind(answered, apip):
    org, _ = apip
    s, _ = answered()
    up = services.reporter_escalate(code=s.complaint.tracking_code, reason="Belum selesai.", secret=s.secret)
    assert up.organisation == org


def test_an_internal_oversight_body_of_a_new_kind_may_take_a_unit_s_complaint_over(submit, dispose, apip):
    org, kepala = apip
    opd = dispose(submit().complaint)
    taken = services.handling_take_over(actor=kepala, handling_id=opd.pk, reason="Dugaan pungli.")
    assert taken.organisation == org
    assert not reload(opd).is_open


def test_escalation_stops_at_the_first_external_rank(answered, directory):
    """An external body ranked above the Ombudsman Perwakilan (the shipped pusat, or a deployment's own) is
    never a reporter's escalation target, even when no Perwakilan covers the region."""
    Organisation.objects.filter(pk__in=[directory.inspektorat.pk, directory.ombudsman.pk]).update(
        is_active=False
    )
    pusat = Organisation.objects.create(
        name="Ombudsman RI", slug="ombudsman-ri", kind_id="ombudsman_pusat", region=directory.regions["63"]
    )
    assert (
        pusat.kind.oversight_rank > OrganisationKind.objects.get(slug="ombudsman_perwakilan").oversight_rank
    )
    s, _ = answered()
    assert routing.escalation_target(s.complaint) is None


def _as_rows(kinds) -> dict[str, dict[str, object]]:  # noqa: ANN001
    fields = [f for f in DEFAULT_KINDS[0] if f != "slug"]
    return {k.slug: {f: getattr(k, f) for f in fields} for k in kinds}


def test_the_migrations_and_ensure_default_kinds_give_the_same_kinds(db):
    expected = {row["slug"]: {f: v for f, v in row.items() if f != "slug"} for row in DEFAULT_KINDS}
    ensure_default_kinds()  # a no-op unless a transactional test flushed the migrations' rows
    assert _as_rows(OrganisationKind.objects.all()) == expected
    OrganisationKind.objects.all().delete()
    ensure_default_kinds()
    assert _as_rows(OrganisationKind.objects.all()) == expected
