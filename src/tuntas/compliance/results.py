"""The answers a result is computed from, and the result of an assessment from its stored answers."""

from __future__ import annotations

import datetime as dt

from tuntas.compliance import scoring
from tuntas.compliance.models import Assessment
from tuntas.followup import tracking
from tuntas.followup.selectors import ombudsman_counts_for


def _rows(assessment: Assessment) -> dict[str, tuple[str, str]]:
    cache = getattr(assessment, "_answer_rows", None)
    if cache is None:
        cache = {a.indicator: (a.self_value, a.review_value) for a in assessment.answers.all()}
    return cache


def self_answers(assessment: Assessment) -> dict[str, str]:
    """The organisation's own answers; indicators only the reviewer fills take the reviewer's value."""
    rows = _rows(assessment)
    out = {}
    for ind in assessment.round.scheme.parsed.indicators():
        own, review = rows.get(ind.code, ("", ""))
        out[ind.code] = review if ind.filled_by == "reviewer" else own
    return out


def review_answers(assessment: Assessment) -> dict[str, str]:
    return {code: review for code, (_own, review) in _rows(assessment).items()}


def self_skipped(assessment: Assessment) -> set[str]:
    """Indicators only the reviewer answers and has not answered yet: left out of the self result."""
    answers = self_answers(assessment)
    return {
        i.code
        for i in assessment.round.scheme.parsed.indicators()
        if i.filled_by == "reviewer" and not answers.get(i.code)
    }


def self_result(assessment: Assessment) -> scoring.Result:
    scheme = assessment.round.scheme.parsed
    return scoring.evaluate(scheme, self_answers(assessment), skip=self_skipped(assessment))


def review_result(assessment: Assessment) -> scoring.Result:
    return scoring.evaluate(assessment.round.scheme.parsed, review_answers(assessment))


def qualifier_holds(assessment: Assessment) -> bool | None:
    """Whether the scheme's qualifier ("Tanpa Maladministrasi") holds for the assessed organisation; None
    when the scheme has none. Decided by the follow-up register, not by an answer: every Ombudsman product
    addressed to the organisation and issued up to the end of the round's year is settled (accepted as
    sesuai, or as tidak dapat ditindaklanjuti). An organisation without any products qualifies."""
    qualifier = assessment.round.scheme.parsed.qualifier
    if qualifier is None:
        return None
    counts = ombudsman_counts_for(
        assessment.organisation, issued_until=dt.date(assessment.round.year, 12, 31)
    )
    return tracking.all_settled(counts)


def opinion_name(assessment: Assessment, band: scoring.Band, english: bool = False) -> str:
    scheme = assessment.round.scheme.parsed
    return scoring.opinion_name(band, scheme.qualifier, qualifier_holds(assessment), english=english)
