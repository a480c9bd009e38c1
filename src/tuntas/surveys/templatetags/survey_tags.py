"""Template tags that let other apps' pages point at the satisfaction survey with a single include line: the
invitation on a closed complaint's tracking page and the survey links on a service standard's page."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from tuntas.complaints.models import Complaint
from tuntas.standards.models import Service
from tuntas.surveys import selectors

register = template.Library()


@register.simple_tag
def survey_invitation(complaint: Complaint | None) -> dict | None:
    """For a closed complaint: {"url": the survey form with the complaint, "name": what it is about} while
    its survey runs and the reporter has not answered; {"answered": True} once answered; else None."""
    if complaint is None or complaint.status != Complaint.Status.CLOSED:
        return None
    if selectors.complaint_answered(complaint):
        return {"answered": True}
    survey = selectors.survey_for_complaint(complaint)
    if survey is None:
        return None
    org = survey.organisation
    if survey.service_id:
        url = reverse("portal:survey_form", args=[org.slug, survey.service.slug])
    else:
        url = reverse("portal:survey_form_org", args=[org.slug])
    name = survey.service.name if survey.service_id else org.name
    return {"url": f"{url}?{urlencode({'pengaduan': complaint.tracking_code})}", "name": name}


@register.simple_tag
def service_survey(service: Service) -> dict:
    """{"form_url": the form while a survey of the service runs, else "", "results_url": its results}."""
    org = service.organisation
    running = selectors.running_survey(org, service)
    return {
        "form_url": reverse("portal:survey_form", args=[org.slug, service.slug]) if running else "",
        "results_url": reverse("portal:survey_results_service", args=[org.slug, service.slug]),
    }
