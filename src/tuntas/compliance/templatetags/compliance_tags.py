"""Template helpers for compliance pages: scheme items in the active language, bands by code."""

from __future__ import annotations

from django import template

from tuntas.compliance import models, scoring

register = template.Library()


@register.filter
def cl_label(obj: object) -> str:
    """The text or name of an indicator, option, dimension, part or band in the active language."""
    return models.label(obj) if obj is not None else ""


@register.filter
def cl_qualifier(assessment: models.Assessment) -> dict | None:
    """The scheme's qualifier for the assessed organisation: {"label", "holds", "unconfirmed"}, or None."""
    from tuntas.compliance.results import qualifier_holds

    q = assessment.round.scheme.parsed.qualifier
    if q is None:
        return None
    return {"label": models.label(q), "holds": qualifier_holds(assessment), "unconfirmed": q.unconfirmed}


@register.filter
def cl_band(assessment: models.Assessment, which: str = "review") -> scoring.Band | None:
    """The stored band of an assessment's result ("review" or "self")."""
    code = assessment.review_band if which == "review" else assessment.self_band
    return next((b for b in assessment.round.scheme.parsed.bands if b.code == code), None)


@register.filter
def cl_option(indicator: scoring.Indicator, value: str) -> str:
    """The label of a stored answer ("Ya", an option's label, or the number itself)."""
    if not value:
        return ""
    if indicator.answer == scoring.NUMBER:
        return value
    option = next((o for o in indicator.choices() if o.code == value), None)
    return models.label(option) if option else value
