"""Satisfaction surveys in the console: each unit's survey periods (open, close), the results of a period or
of a unit over a reporting period, with the per-element breakdown, the respondent profile and the
suggestions, and the counter's QR code.

Every action calls one service and ends in a redirect (PRG). Units and surveys the user is not a member of are
404, the same as ones that do not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuntas.core import clock
from tuntas.standards.models import Service
from tuntas.surveys import access, periods, selectors, services
from tuntas.surveys.models import GradeBand, Response
from tuntas.web.console.surveys.forms import OpenSurveyForm
from tuntas.web.domain_errors import domain_errors, form_errors
from tuntas.web.shortcuts import render_console

SUGGESTIONS_SHOWN = 50


def _open_form(request: HttpRequest, data: dict | None = None) -> OpenSurveyForm | None:
    managing = access.managing_organisation_ids(request.user)
    organisations = [
        o for o in access.staff_organisations(request.user) if request.user.is_superuser or o.pk in managing
    ]
    if not organisations:
        return None
    services_ = Service.objects.filter(organisation__in=organisations, is_active=True).order_by(
        "sort", "name"
    )
    return OpenSurveyForm(data, organisations=organisations, services=list(services_))


def _index(request: HttpRequest, form: OpenSurveyForm | None = None, status: int = 200) -> HttpResponse:
    organisations = list(access.staff_organisations(request.user))
    today = clock.today()
    by_org: dict[int, list] = {o.pk: [] for o in organisations}
    for survey in selectors.staff_surveys(request.user).order_by("-opens_on", "-pk"):
        survey.is_open = services.survey_is_open(survey, today)
        by_org.setdefault(survey.organisation_id, []).append(survey)
    context = {
        "rows": [(o, by_org.get(o.pk, [])) for o in organisations],
        "form": form if form is not None else _open_form(request),
    }
    return render_console(request, "console/surveys/index.html", context, status=status)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if not selectors.uses_console(request.user):
        raise PermissionDenied(_("Halaman ini untuk unit yang membuka atau memiliki survei kepuasan."))
    return _index(request)


@login_required
@require_POST
@domain_errors(back="console:survey_index")
def survey_open(request: HttpRequest) -> HttpResponse:
    form = _open_form(request, request.POST)
    if form is None:
        raise Http404(_("Organisasi tidak ditemukan."))
    if form.is_valid():
        organisation_id, service_id = form.organisation_and_service()
        with form_errors(form):
            survey = services.survey_open(
                actor=request.user,
                organisation_id=organisation_id,
                service_id=service_id,
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                title=form.cleaned_data["title"],
            )
            messages.success(request, _("Periode survei dibuka. Cetak kode QR untuk loket layanan."))
            return redirect("console:survey_detail", survey_id=survey.pk)
    messages.error(request, _("Periksa data periode survei."))
    return _index(request, form, status=422)


@login_required
@require_POST
@domain_errors(back="console:survey_detail")
def survey_close(request: HttpRequest, survey_id: int) -> HttpResponse:
    services.survey_close(actor=request.user, survey_id=survey_id)
    messages.success(request, _("Periode survei ditutup. Jawaban yang masuk tetap dihitung."))
    return redirect("console:survey_detail", survey_id=survey_id)


def _breakdown(responses, questionnaire) -> dict:  # noqa: ANN001
    return {
        "result": selectors.ikm_of(responses),
        "profile": selectors.profile_distribution(responses, questionnaire),
        "channels": [
            (Response.Channel(row["channel"]).label, row["n"])
            for row in responses.values("channel").annotate(n=Count("id")).order_by("channel")
        ],
        "suggestions": list(
            responses.exclude(suggestion="")
            .order_by("-submitted_at")
            .values_list("submitted_on", "suggestion")[:SUGGESTIONS_SHOWN]
        ),
        "min_respondents": selectors.min_respondents(),
        "bands": list(GradeBand.objects.all()),
    }


@login_required
@require_GET
@domain_errors()
def survey_detail(request: HttpRequest, survey_id: int) -> HttpResponse:
    survey = selectors.staff_survey(request.user, survey_id)
    responses = Response.objects.filter(survey=survey)
    context = {
        "survey": survey,
        "is_open": services.survey_is_open(survey),
        "can_manage": access.can_manage(request.user, survey.organisation_id),
        **_breakdown(responses, survey.questionnaire),
    }
    return render_console(request, "console/surveys/survey.html", context)


@login_required
@require_GET
def organisation_results(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access.staff_organisations(request.user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404(_("Organisasi tidak ditemukan."))
    period = periods.from_query(request.GET.get("tahun"), request.GET.get("periode"), clock.today())
    responses = Response.objects.filter(
        survey__organisation=organisation, submitted_on__gte=period.start, submitted_on__lte=period.end
    )
    groups = selectors.results_by_organisation(period.start, period.end, organisation)
    this_year = clock.today().year
    context = {
        "organisation": organisation,
        "period": period,
        "years": list(range(this_year, this_year - 5, -1)),
        "parts": periods.choices(),
        "rows": groups[0].rows if groups else [],
        **_breakdown(responses, services.current_questionnaire()),
    }
    return render_console(request, "console/surveys/organisation.html", context)
