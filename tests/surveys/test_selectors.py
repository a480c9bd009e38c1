"""IKM per service, organisation and period, as the lead's organisation pages read them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.surveys.conftest import NOW
from tuntas.standards import services as standards
from tuntas.surveys import periods, selectors, services
from tuntas.surveys.models import GradeBand

TODAY = NOW.date()


def test_no_responses_is_no_result(service, survey, directory):
    assert selectors.ikm_for_service(service) is None
    assert selectors.ikm_for_organisation(directory.pupr) is None


def test_ikm_for_service_has_grade_respondents_and_elements(service, survey, respond):
    respond(survey, 4)
    respond(survey, 3, 3, 3, 3, 3, 3, 3, 3, 2)
    result = selectors.ikm_for_service(service)
    # (4 x 9 + 3 x 8 + 2) / 18 = 62 / 18 = 3.444...; x 25 = 86.11
    assert (result.ikm, result.grade_code, result.grade_label, result.respondents) == (
        Decimal("86.11"),
        "B",
        "Baik",
        2,
    )
    assert [e.code for e in result.elements] == [f"U{n}" for n in range(1, 10)]
    assert (result.elements[0].nrr, result.elements[0].nik) == (Decimal("3.500"), Decimal("87.50"))
    assert (result.elements[8].nrr, result.elements[8].nik) == (Decimal("3.000"), Decimal("75.00"))
    assert result.is_small


def test_organisation_pools_respondents_of_all_its_surveys(directory, service, survey, org_survey, respond):
    other = standards.service_create(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, name="Izin lain"
    )
    other_survey = services.survey_open(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, service_id=other.pk
    )
    respond(survey, 4)
    respond(survey, 4)
    respond(other_survey, 1)
    respond(org_survey, 2)
    result = selectors.ikm_for_organisation(directory.pupr)
    # pooled: (4 + 4 + 1 + 2) / 4 = 2.75 -> 68.75, not the mean of the three surveys' indexes (75.00)
    assert (result.ikm, result.grade_code, result.respondents) == (Decimal("68.75"), "C", 4)
    assert selectors.ikm_for_organisation(directory.disdik) is None


def test_dates_limit_the_responses_counted(service, survey, respond, frozen):
    respond(survey, 4)
    frozen(dt.timedelta(days=60))  # into July: the third quarter
    respond(survey, 1)
    q2 = periods.period(2026, "q2")
    q3 = periods.period(2026, "q3")
    assert selectors.ikm_for_service(service, q2.start, q2.end).ikm == Decimal("100.00")
    assert selectors.ikm_for_service(service, q3.start, q3.end).ikm == Decimal("25.00")
    assert selectors.ikm_for_service(service, q3.start).respondents == 1
    assert selectors.ikm_for_service(service).respondents == 2


def test_grade_bands_are_data(service, survey, respond):
    respond(survey, 3)  # 75.00
    assert selectors.ikm_for_service(service).grade_code == "C"
    GradeBand.objects.filter(code="B").update(low=Decimal("74.00"))
    GradeBand.objects.filter(code="C").update(high=Decimal("73.99"))
    assert selectors.ikm_for_service(service).grade_code == "B"


def test_inactive_services_leave_the_published_results(service, survey, respond):
    respond(survey, 4)
    service.is_active = False
    service.save()
    assert selectors.ikm_for_service(service) is None


def test_results_by_organisation_lists_services_and_the_unit_row(
    directory, service, survey, org_survey, respond
):
    respond(survey, 4)
    respond(org_survey, 2)
    (group,) = selectors.results_by_organisation(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert group.organisation == directory.pupr
    assert group.overall.respondents == 2
    assert [(r.service, r.result.ikm) for r in group.rows] == [
        (service, Decimal("100.00")),
        (None, Decimal("50.00")),
    ]


def test_periods():
    assert (periods.period(2026, "q3").start, periods.period(2026, "q3").end) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 9, 30),
    )
    assert periods.period(2026, "s2").end == dt.date(2026, 12, 31)
    assert periods.period(2026).label == "Tahun 2026"
    assert periods.period(2026, "q4").label == "Triwulan IV 2026"
    assert periods.from_query("abc", "zz", TODAY) == periods.period(2026)
    assert periods.from_query("1999", "s1", TODAY) == periods.period(2026, "s1")
