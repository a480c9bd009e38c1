"""The recommendation lifecycle through the services: issue, answer with evidence, accept/return, TGR,
permissions (a unit sees and answers only its own), the overdue pass and stale versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import UserFactory, member
from tests.followup.conftest import TODAY, png
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.core.models import Holiday
from tuntas.followup import selectors, services
from tuntas.followup.models import Finding, FollowupEvent, Recommendation
from tuntas.notify.models import OutboxMessage


def test_issue_sets_60_working_day_deadlines_and_tells_the_unit(lhp, org):
    recs = list(lhp.recommendations.all())
    assert [r.deadline_days for r in recs] == [60, 60]
    # 60 working days after Monday 2 March 2026 with no holidays: 12 weeks later, on Monday 25 May.
    assert recs[0].due_date == dt.date(2026, 5, 25)
    assert recs[0].due_date == calendar_for(None).working_days_add(TODAY, 60)
    assert all(r.status == Recommendation.Status.BELUM_DITINDAKLANJUTI for r in recs)
    assert FollowupEvent.objects.filter(kind="issued").count() == 2
    to = set(OutboxMessage.objects.filter(template="followup_issued").values_list("recipient", flat=True))
    assert to == {"fp.pupr@example.id", "kadis.pupr@example.id"}


def test_deadline_follows_the_calendar_and_settings(org, frozen, settings):
    Holiday.objects.create(date=dt.date(2026, 3, 3), name="Libur uji", region_code="")
    settings.TUNTAS_FOLLOWUP_DAYS = 2
    f = services.finding_issue(
        actor=org.auditor,
        issuer=org.inspektorat,
        kind=Finding.Kind.LHP_INSPEKTORAT,
        number="1",
        title="x",
        issued_on=TODAY,
        recommendations=[services.RecommendationInput("a", org.pupr)],
    )
    rec = f.recommendations.get()
    assert rec.deadline_days == 2 and rec.due_date == dt.date(2026, 3, 5)  # Tue 3 is a holiday


def test_only_the_issuers_staff_issue(org, frozen):
    with pytest.raises(NotPermitted):
        services.finding_issue(
            actor=org.petugas_pupr,
            issuer=org.inspektorat,
            kind=Finding.Kind.LHP_INSPEKTORAT,
            number="1",
            title="x",
            issued_on=TODAY,
            recommendations=[services.RecommendationInput("a", org.pupr)],
        )
    assert not Finding.objects.exists()


def test_answer_accept_lifecycle(lhp, org):
    rec = lhp.recommendations.get(position=1)
    rec = services.recommendation_respond(
        actor=org.focal_pupr,
        recommendation_id=rec.pk,
        claim="done",
        response="SOP baru ditetapkan",
        files=[("sk.png", png())],
    )
    assert rec.awaiting_review and rec.status == "belum_ditindaklanjuti" and rec.evidence.count() == 1
    assert OutboxMessage.objects.filter(
        template="followup_responded", recipient="auditor@example.id"
    ).exists()
    with pytest.raises(Conflict):  # one answer at a time
        services.recommendation_respond(
            actor=org.focal_pupr, recommendation_id=rec.pk, claim="done", response="lagi"
        )
    rec = services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=True)
    assert rec.status == "sesuai" and rec.closed_at is not None and not rec.awaiting_review
    assert [e.kind for e in rec.events.all()] == ["issued", "responded", "accepted"]
    with pytest.raises(Conflict):
        services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=True)


def test_return_then_cannot_with_reason(lhp, org):
    rec = lhp.recommendations.get(position=1)
    services.recommendation_respond(
        actor=org.petugas_pupr, recommendation_id=rec.pk, claim="done", response="x", files=[("a.png", png())]
    )
    with pytest.raises(InvalidInput):  # a return says what is missing
        services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=False)
    rec = services.recommendation_review(
        actor=org.auditor, recommendation_id=rec.pk, accept=False, note="Lampirkan SK"
    )
    assert rec.status == "belum_sesuai" and not rec.awaiting_review
    with pytest.raises(InvalidInput) as err:
        services.recommendation_respond(
            actor=org.petugas_pupr, recommendation_id=rec.pk, claim="cannot", response="x"
        )
    assert "reason" in err.value.errors
    services.recommendation_respond(
        actor=org.petugas_pupr,
        recommendation_id=rec.pk,
        claim="cannot",
        response="x",
        reason="Kegiatan dihapus",
    )
    rec = services.recommendation_review(actor=org.inspektur, recommendation_id=rec.pk, accept=True)
    assert rec.status == "tidak_dapat" and rec.reason == "Kegiatan dihapus"


def test_done_needs_evidence(lhp, org):
    rec = lhp.recommendations.get(position=1)
    with pytest.raises(InvalidInput) as err:
        services.recommendation_respond(
            actor=org.focal_pupr, recommendation_id=rec.pk, claim="done", response="x"
        )
    assert "files" in err.value.errors
    assert not Recommendation.objects.get(pk=rec.pk).awaiting_review


def test_tgr_is_accepted_only_when_paid_in_full(lhp, org):
    rec = lhp.recommendations.get(position=2)
    services.recommendation_respond(
        actor=org.focal_pupr,
        recommendation_id=rec.pk,
        claim="done",
        response="Angsuran pertama",
        files=[("bukti.png", png())],
        instalments=[(TODAY, "5000000")],
    )
    with pytest.raises(Conflict):
        services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=True)
    rec = services.recommendation_review(
        actor=org.auditor, recommendation_id=rec.pk, accept=False, note="Sisa 10 juta"
    )
    services.recommendation_respond(
        actor=org.focal_pupr,
        recommendation_id=rec.pk,
        claim="done",
        response="Lunas",
        instalments=[(TODAY, Decimal("10000000"))],
    )
    rec = services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=True)
    assert rec.status == "sesuai" and rec.tgr_outstanding() == 0 and rec.instalments.count() == 2


def test_a_unit_sees_and_answers_only_its_own(lhp, lahp, org):
    mine = {r.finding.number for r in selectors.unit_list(org.petugas_disdik, status="all")}
    assert mine == {"LAHP-0042/ORI-KS/2026"}
    assert {r.unit_id for r in selectors.unit_list(org.focal_pupr, status="all")} == {org.pupr.pk}
    pupr_rec = lhp.recommendations.first()
    with pytest.raises(NotFound):
        selectors.recommendation_for(org.petugas_disdik, pupr_rec.pk)
    with pytest.raises(NotFound):
        services.recommendation_respond(
            actor=org.petugas_disdik, recommendation_id=pupr_rec.pk, claim="cannot", response="x", reason="y"
        )
    # the unit cannot accept its own answer
    services.recommendation_respond(
        actor=org.focal_pupr, recommendation_id=pupr_rec.pk, claim="cannot", response="x", reason="y"
    )
    with pytest.raises(NotPermitted):
        services.recommendation_review(actor=org.kadis_pupr, recommendation_id=pupr_rec.pk, accept=True)
    # oversight sees all of them; the Ombudsman list holds only Ombudsman products
    assert selectors.ombudsman_products(org.petugas_pupr).count() == 0
    assert [r.finding.number for r in selectors.ombudsman_products(org.inspektur)] == [
        "LAHP-0042/ORI-KS/2026"
    ]


def test_stale_version_writes_nothing(lhp, org):
    rec = lhp.recommendations.first()
    with pytest.raises(Conflict):
        services.recommendation_respond(
            actor=org.focal_pupr,
            recommendation_id=rec.pk,
            claim="cannot",
            response="x",
            reason="y",
            expected_version=rec.version + 1,
        )
    assert rec.events.count() == 1 and not Recommendation.objects.get(pk=rec.pk).awaiting_review


def test_overdue_pass_alerts_pimpinan_once(lahp, org, frozen):
    rec = lahp.recommendations.get()
    assert services.overdue_pass(today=rec.due_date) == 0
    member(UserFactory(username="kadis.disdik", email="kadis.disdik@example.id"), org.disdik, "pimpinan")
    later = rec.due_date + dt.timedelta(days=1)
    assert services.overdue_pass(today=later) == 1
    assert services.overdue_pass(today=later) == 0
    msgs = OutboxMessage.objects.filter(template="followup_overdue")
    assert list(msgs.values_list("recipient", flat=True)) == ["kadis.disdik@example.id"]
    assert rec.events.filter(kind="overdue").count() == 1
    assert [r.unit.pk for r in selectors.unit_rates(org.inspektur) if r.overdue] == []
    frozen(dt.timedelta(days=(later - TODAY).days))
    assert [r.unit.pk for r in selectors.unit_rates(org.inspektur) if r.overdue] == [org.disdik.pk]


def test_rates_and_csv(lhp, lahp, org):
    rec = lhp.recommendations.get(position=1)
    services.recommendation_respond(
        actor=org.focal_pupr, recommendation_id=rec.pk, claim="cannot", response="x", reason="=HYPERLINK()"
    )
    services.recommendation_review(actor=org.auditor, recommendation_id=rec.pk, accept=True)
    rates = {r.unit.slug: r.rate for r in selectors.unit_rates(org.inspektur)}
    assert rates == {"dinas-pupr": Decimal("50.00"), "dinas-pendidikan": Decimal("0.00")}
    text = selectors.products_csv(selectors.ombudsman_products(org.inspektur))
    lines = text.strip().splitlines()
    assert lines[0].startswith("jenis,nomor") and len(lines) == 2 and "LAHP-0042" in lines[1]
    assert selectors.ombudsman_counts_for(org.disdik) == {"belum_ditindaklanjuti": 1}
