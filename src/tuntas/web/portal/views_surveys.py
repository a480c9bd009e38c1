"""The satisfaction survey on the portal: the form of a service's (or an organisation's) running survey, the
thank-you page, the printable QR code for the service counter, and the published IKM results.

The form works without JavaScript. POSTs are rate-limited per client address (TUNTAS_RATE_SURVEY, default
20/h), and a soft guard remembers in the session which surveys this browser answered in the last
TUNTAS_SURVEY_REPEAT_HOURS (default 24): it stops a double submit or a refresh, not a determined person, which
is all an anonymous survey can do. A reporter arriving from the tracking page of a closed complaint
(``?pengaduan=<code>``, proved in this session) answers once for that complaint.
"""

from __future__ import annotations

import io
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tuntas.complaints.models import Complaint
from tuntas.core import clock
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.directory.models import Organisation
from tuntas.standards.models import Service
from tuntas.standards.selectors import published_standards
from tuntas.surveys import periods, selectors
from tuntas.surveys.models import GradeBand, Response, Survey
from tuntas.surveys.services import response_submit
from tuntas.web.portal import proof
from tuntas.web.portal.forms_surveys import SurveyForm
from tuntas.web.shortcuts import or_404, rate_limited

DEFAULT_RATE = "20/h"
DEFAULT_REPEAT_HOURS = 24
DONE_KEY = "tuntas_surveys_done"  # {str(survey id): epoch seconds}
THANKS_KEY = "tuntas_survey_thanks"


# --- the soft duplicate guard ------------------------------------------------------------------------------


def _answered_recently(request: HttpRequest, survey: Survey) -> bool:
    hours = getattr(settings, "TUNTAS_SURVEY_REPEAT_HOURS", DEFAULT_REPEAT_HOURS)
    at = request.session.get(DONE_KEY, {}).get(str(survey.pk))
    return at is not None and time.time() - at < hours * 3600


def _remember_answer(request: HttpRequest, survey: Survey) -> None:
    done = dict(request.session.get(DONE_KEY, {}))
    done[str(survey.pk)] = time.time()
    request.session[DONE_KEY] = done


# --- where a form leads ------------------------------------------------------------------------------------


def form_url(organisation: Organisation, service: Service | None = None) -> str:
    if service is not None:
        return reverse("portal:survey_form", args=[organisation.slug, service.slug])
    return reverse("portal:survey_form_org", args=[organisation.slug])


def results_url(organisation: Organisation, service: Service | None = None) -> str:
    if service is not None:
        return reverse("portal:survey_results_service", args=[organisation.slug, service.slug])
    return reverse("portal:survey_results_org", args=[organisation.slug])


def _proved_complaint(request: HttpRequest, code: str, survey: Survey) -> Complaint | None:
    """The closed complaint ``code`` when this browser proved it and its invitation leads to ``survey``."""
    if not code:
        return None
    p = proof.proved(request, code)
    if p is None:
        return None
    invited = selectors.survey_for_complaint(p.complaint)
    return p.complaint if invited is not None and invited.pk == survey.pk else None


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("TUNTAS_RATE_SURVEY", DEFAULT_RATE)
def survey_form(request: HttpRequest, org_slug: str, service_slug: str | None = None) -> HttpResponse:
    if service_slug is None:
        organisation, service = or_404(selectors.public_organisation, org_slug), None
    else:
        service = or_404(selectors.public_service, org_slug, service_slug)
        organisation = service.organisation
    survey = selectors.running_survey(organisation, service)
    context = {
        "organisation": organisation,
        "service": service,
        "survey": survey,
        "results_url": results_url(organisation, service),
    }
    if survey is None:
        return render(request, "portal/surveys/closed.html", context)
    source = request.POST if request.method == "POST" else request.GET
    complaint = _proved_complaint(request, source.get("pengaduan", "").strip()[:30], survey)
    if complaint is None and _answered_recently(request, survey):
        return render(request, "portal/surveys/already.html", context)
    if request.method == "GET":
        channel = Response.Channel.QR if request.GET.get("kanal") == "qr" else Response.Channel.PORTAL
        initial = {"channel": channel, "pengaduan": complaint.tracking_code if complaint else ""}
        form = SurveyForm(initial=initial, questionnaire=survey.questionnaire)
        return render(request, "portal/surveys/form.html", {**context, "form": form, "complaint": complaint})
    form = SurveyForm(request.POST, questionnaire=survey.questionnaire)
    if form.is_valid():
        try:
            response_submit(
                survey_id=survey.pk,
                answers=form.answers(),
                profile=form.profile_values(),
                suggestion=form.cleaned_data["suggestion"],
                channel=form.channel_value(),
                complaint_id=complaint.pk if complaint else None,
            )
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:  # closed meantime, complaint answered already
            messages.error(request, exc.message)
            return redirect(request.path)
        else:
            _remember_answer(request, survey)
            request.session[THANKS_KEY] = {
                "organisation": organisation.pk,
                "service": service.pk if service else None,
                "complaint": complaint.tracking_code if complaint else "",
            }
            return redirect("portal:survey_thanks")
    return render(
        request, "portal/surveys/form.html", {**context, "form": form, "complaint": complaint}, status=422
    )


@never_cache
@require_GET
def survey_thanks(request: HttpRequest) -> HttpResponse:
    shown = request.session.get(THANKS_KEY)
    if not shown:
        return redirect("portal:survey_results")
    organisation = Organisation.objects.filter(pk=shown["organisation"]).first()
    service = Service.objects.filter(pk=shown["service"]).first() if shown.get("service") else None
    if organisation is None:
        return redirect("portal:survey_results")
    context = {
        "organisation": organisation,
        "service": service,
        "results_url": results_url(organisation, service),
        "complaint_code": shown.get("complaint", ""),
    }
    return render(request, "portal/surveys/thanks.html", context)


# --- the counter's QR code ---------------------------------------------------------------------------------


def _target(org_slug: str, service_slug: str | None) -> tuple[Organisation, Service | None]:
    if service_slug is None:
        return or_404(selectors.public_organisation, org_slug), None
    service = or_404(selectors.public_service, org_slug, service_slug)
    return service.organisation, service


def qr_target_url(request: HttpRequest, organisation: Organisation, service: Service | None) -> str:
    """The address the counter's QR code holds: the survey form, marked as coming from the counter. It
    names the service, not a survey period, so the printed code keeps working when a new period opens."""
    return request.build_absolute_uri(form_url(organisation, service) + "?kanal=qr")


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


@require_GET
def survey_qr(request: HttpRequest, org_slug: str, service_slug: str | None = None) -> HttpResponse:
    """The QR code as an SVG file, to place in a poster or a banner."""
    organisation, service = _target(org_slug, service_slug)
    buffer = io.BytesIO()
    _qr(qr_target_url(request, organisation, service)).save(buffer, kind="svg", scale=10, border=4)
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    name = f"survei-{organisation.slug}" + (f"-{service.slug}" if service else "")
    response["Content-Disposition"] = f'inline; filename="{name}.svg"'
    return response


@require_GET
def survey_poster(request: HttpRequest, org_slug: str, service_slug: str | None = None) -> HttpResponse:
    """A printable A4 page for the service counter: the QR code, the service's name and the address."""
    organisation, service = _target(org_slug, service_slug)
    url = qr_target_url(request, organisation, service)
    context = {
        "organisation": organisation,
        "service": service,
        "url": url,
        "short_url": request.build_absolute_uri(form_url(organisation, service)),
        "qr_svg": _qr(url).svg_inline(scale=8, border=2, dark="#000", omitsize=True),
    }
    return render(request, "portal/surveys/poster.html", context)


# --- published results -------------------------------------------------------------------------------------


def _period(request: HttpRequest) -> periods.Period:
    return periods.from_query(request.GET.get("tahun"), request.GET.get("periode"), clock.today())


def _period_context(request: HttpRequest, period: periods.Period) -> dict:
    this_year = clock.today().year
    return {
        "period": period,
        "years": list(range(this_year, this_year - 5, -1)),
        "parts": periods.choices(),
        "min_respondents": selectors.min_respondents(),
        "bands": list(GradeBand.objects.all()),
    }


def _any_small(groups: list[selectors.OrganisationResults]) -> bool:
    """Whether a result shown has fewer respondents than the minimum (the note under the list then shows)."""
    results = [g.overall for g in groups] + [r.result for g in groups for r in g.rows]
    return any(r is not None and r.is_small for r in results)


@require_GET
def survey_results(request: HttpRequest) -> HttpResponse:
    period = _period(request)
    groups = selectors.results_by_organisation(period.start, period.end)
    context = {**_period_context(request, period), "groups": groups, "any_small": _any_small(groups)}
    return render(request, "portal/surveys/results.html", context)


@require_GET
def survey_results_org(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = or_404(selectors.public_organisation, org_slug)
    period = _period(request)
    groups = selectors.results_by_organisation(period.start, period.end, organisation)
    context = {
        **_period_context(request, period),
        "organisation": organisation,
        "group": groups[0] if groups else None,
        "any_small": _any_small(groups),
        "survey": selectors.running_survey(organisation),
    }
    return render(request, "portal/surveys/results_org.html", context)


@require_GET
def survey_results_service(request: HttpRequest, org_slug: str, service_slug: str) -> HttpResponse:
    service = or_404(selectors.public_service, org_slug, service_slug)
    period = _period(request)
    context = {
        **_period_context(request, period),
        "organisation": service.organisation,
        "service": service,
        "result": selectors.ikm_for_service(service, period.start, period.end),
        "survey": selectors.running_survey(service.organisation, service),
        "has_standard": published_standards().filter(service=service).exists(),
    }
    return render(request, "portal/surveys/results_service.html", context)
