"""Reads for the compliance pages, already filtered by what the actor may see (invisible = NotFound)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tuntas.compliance import access, scoring
from tuntas.compliance.models import Answer, Assessment, Evidence, Round
from tuntas.compliance.results import review_result, self_result
from tuntas.core.errors import NotFound
from tuntas.directory.access import organisation_ids_of
from tuntas.directory.models import User


def visible_rounds(user: User) -> QuerySet[Round]:
    qs = Round.objects.select_related("scheme", "reviewing_organisation")
    if user.is_superuser:
        return qs
    orgs = organisation_ids_of(user)
    return qs.filter(
        Q(reviewing_organisation_id__in=orgs) | Q(assessments__organisation_id__in=orgs)
    ).distinct()


def round_for(user: User, round_id: int) -> Round:
    found = visible_rounds(user).filter(pk=round_id).first()
    if found is None:
        raise NotFound(_("Putaran penilaian tidak ditemukan."))
    return found


def round_assessments(user: User, round_: Round) -> QuerySet[Assessment]:
    """Every participant for the reviewing organisation; only the user's own units for the others."""
    qs = round_.assessments.select_related("organisation").order_by("organisation__name")
    if access.sees_all_of_round(user, round_):
        return qs
    return qs.filter(organisation_id__in=organisation_ids_of(user))


def my_assessments(user: User) -> QuerySet[Assessment]:
    """Assessments of the user's own units, newest round first (for the rounds page)."""
    return (
        Assessment.objects.filter(organisation_id__in=organisation_ids_of(user))
        .select_related("round__scheme", "organisation")
        .order_by("-round__year", "-round__opens_on", "organisation__name")
    )


def assessment_for(user: User, assessment_id: int) -> Assessment:
    found = (
        Assessment.objects.select_related("round__scheme", "round__reviewing_organisation", "organisation")
        .filter(pk=assessment_id)
        .first()
    )
    if found is None or not access.sees_assessment(user, found):
        raise NotFound(_("Penilaian tidak ditemukan."))
    return found


def evidence_for(user: User, evidence_id: int) -> Evidence:
    found = Evidence.objects.select_related("answer__assessment__round").filter(pk=evidence_id).first()
    if found is None or not access.sees_assessment(user, found.answer.assessment):
        raise NotFound(_("Bukti dukung tidak ditemukan."))
    return found


@dataclass
class IndicatorRow:
    indicator: scoring.Indicator
    answer: Answer | None
    evidence: list[Evidence]
    self_score: Decimal | None
    review_score: Decimal | None

    @property
    def self_value(self) -> str:
        return self.answer.self_value if self.answer else ""

    @property
    def review_value(self) -> str:
        return self.answer.review_value if self.answer else ""


@dataclass
class DimensionBlock:
    dimension: scoring.Dimension
    rows: list[IndicatorRow] = field(default_factory=list)


@dataclass
class AssessmentView:
    assessment: Assessment
    scheme: scoring.Scheme
    dimensions: list[DimensionBlock]
    self_result: scoring.Result
    review_result: scoring.Result

    def row(self, code: str) -> IndicatorRow | None:
        return next((r for b in self.dimensions for r in b.rows if r.indicator.code == code), None)


def assessment_view(assessment: Assessment) -> AssessmentView:
    """The instrument grouped by dimension with each indicator's answers, evidence and scores (2 queries)."""
    scheme = assessment.round.scheme.parsed
    answers = {a.indicator: a for a in assessment.answers.all()}
    evidence: dict[int, list[Evidence]] = {}
    for ev in Evidence.objects.filter(answer__assessment=assessment):
        evidence.setdefault(ev.answer_id, []).append(ev)
    blocks = []
    for d in scheme.dimensions:
        block = DimensionBlock(d)
        for ind in d.indicators:
            a = answers.get(ind.code)
            block.rows.append(
                IndicatorRow(
                    ind,
                    a,
                    evidence.get(a.pk, []) if a else [],
                    scoring.indicator_score(ind, a.self_value) if a else None,
                    scoring.indicator_score(ind, a.review_value) if a else None,
                )
            )
        blocks.append(block)
    return AssessmentView(assessment, scheme, blocks, self_result(assessment), review_result(assessment))


def band_of(assessment: Assessment, code: str) -> scoring.Band | None:
    return next((b for b in assessment.round.scheme.parsed.bands if b.code == code), None)


def public_rounds() -> QuerySet[Round]:
    """Rounds with results public and at least one final assessment."""
    return (
        Round.objects.filter(results_public=True, assessments__status=Assessment.Status.FINAL)
        .select_related("scheme")
        .distinct()
    )


def public_results(round_: Round) -> QuerySet[Assessment]:
    return (
        round_.assessments.filter(status=Assessment.Status.FINAL)
        .select_related("organisation")
        .order_by("-review_total", "organisation__name")
    )


# --- the console's prevention hub -----------------------------------------------------------------------


def uses_console(user: User) -> bool:
    """Whether the console's compliance page has anything for the user: rounds they see (as reviewer or
    participant) or an organisation where they may open one. The page refuses the others, and the
    prevention hub hides its card."""
    return visible_rounds(user).exists() or access.round_organisations(user).exists()


@dataclass(frozen=True)
class ComplianceWork:
    self_open: int  # own units' assessments still to fill in or correct, in rounds not yet closed
    to_review: int  # submitted assessments of rounds the user reviews


def compliance_work(user: User, today: dt.date) -> ComplianceWork:
    own = Assessment.objects.filter(
        organisation_id__in=organisation_ids_of(user),
        status__in=Assessment.SELF_EDITABLE,
        round__closes_on__gte=today,
    )
    review = Assessment.objects.filter(
        round__reviewing_organisation_id__in=access.reviewing_organisation_ids(user),
        status=Assessment.Status.DIAJUKAN,
    ).exclude(organisation_id__in=organisation_ids_of(user))
    return ComplianceWork(own.count(), review.count())
