""" "Tanpa Maladministrasi" on the 2025 opinion: decided by the follow-up register (app followup), not by a
weighted indicator; a migration adds changed shipped schemes as new versions."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from tests.compliance.conftest import TODAY
from tuntas.compliance import results
from tuntas.compliance.models import Scheme
from tuntas.compliance.schemes import add_changed_versions
from tuntas.followup import services as followup
from tuntas.followup.models import Finding


def _lahp(directory, unit):  # noqa: ANN001, ANN202
    return followup.finding_issue(
        actor=directory.asisten,
        issuer=directory.ombudsman,
        kind=Finding.Kind.LAHP_OMBUDSMAN,
        number="LAHP-7/2026",
        title="Penundaan berlarut",
        issued_on=TODAY,
        recommendations=[followup.RecommendationInput("Selesaikan layanan pelapor", unit)],
    )


def test_the_qualifier_follows_the_ombudsman_products(make_round, directory, login):
    round_ = make_round("opini-2025", orgs=[directory.pupr])
    assessment = round_.assessments.get()
    band = round_.scheme.parsed.bands[0]
    assert results.qualifier_holds(assessment) is True  # no products at all
    assert results.opinion_name(assessment, band) == "Kualitas Tertinggi Tanpa Maladministrasi"
    rec = _lahp(directory, directory.pupr).recommendations.get()
    assert results.qualifier_holds(assessment) is False
    assert results.opinion_name(assessment, band) == "Kualitas Tertinggi"
    # an Inspektorat LHP does not count; another unit's product does not either
    followup.finding_issue(
        actor=directory.auditor,
        issuer=directory.inspektorat,
        kind=Finding.Kind.LHP_INSPEKTORAT,
        number="LHP-1",
        title="x",
        issued_on=TODAY,
        recommendations=[followup.RecommendationInput("y", directory.disdik)],
    )
    followup.recommendation_respond(
        actor=directory.kadis_pupr,
        recommendation_id=rec.pk,
        claim="cannot",
        response="x",
        reason="Di luar kewenangan",
    )
    assert results.qualifier_holds(assessment) is False  # answered is not settled
    followup.recommendation_review(actor=directory.asisten, recommendation_id=rec.pk, accept=True)
    assert results.qualifier_holds(assessment) is True
    page = login(directory.inspektur).get(reverse("console:compliance_assessment", args=[assessment.pk]))
    assert "Tanpa Maladministrasi: <strong>ya</strong>" in page.content.decode()


def test_the_2022_scheme_has_no_qualifier(round_):
    assert results.qualifier_holds(round_.assessments.first()) is None


def test_changed_shipped_schemes_become_new_versions(db):
    old = Scheme.objects.get(code="opini-2025", version=1)
    Scheme.objects.filter(pk=old.pk).update(source="# old text\n" + old.source)
    assert add_changed_versions(Scheme, timezone.now()) == 1
    newest = Scheme.objects.filter(code="opini-2025").order_by("-version").first()
    assert newest.version == 2 and newest.is_active
    assert not Scheme.objects.get(pk=old.pk).is_active
    assert add_changed_versions(Scheme, timezone.now()) == 0
    assert Scheme.objects.filter(code="kepatuhan-2022").count() == 1
