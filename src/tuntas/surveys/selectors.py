"""Reads of the satisfaction survey: the survey running for a service or organisation, the invitation after a
closed complaint, and IKM results per service, organisation and period (public), with the respondent
profile for staff.

Results pool respondents: an organisation's IKM is computed over every response to its surveys (its services'
and its own) in the period, each respondent counting once, not as a mean of its services' indexes. Totals are
summed in the database per element (one grouped query), and the maths runs in ``ikm.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from tuntas.complaints.models import Complaint
from tuntas.core.errors import NotFound
from tuntas.core.i18n import english
from tuntas.directory.models import Organisation, User
from tuntas.standards.models import Service
from tuntas.surveys import access, ikm
from tuntas.surveys.ikm import THREE, to_decimal
from tuntas.surveys.models import Answer, Element, GradeBand, Questionnaire, Response, Survey
from tuntas.surveys.services import PROFILE_FIELDS, survey_is_open

DEFAULT_MIN_RESPONDENTS = 30


def min_respondents() -> int:
    """Below this many respondents a result is shown with a note that it is only indicative."""
    return int(getattr(settings, "TUNTAS_SURVEY_MIN_RESPONDENTS", DEFAULT_MIN_RESPONDENTS))


# --- results ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElementResult:
    code: str
    name: str
    nrr: Decimal  # mean answer 1-4, three decimals
    nik: Decimal  # nilai interval konversi, 25-100, two decimals


@dataclass(frozen=True)
class IkmResult:
    ikm: Decimal  # two decimals
    grade_code: str
    grade_label: str
    respondents: int
    nrr_weighted: Decimal = Decimal("0")
    elements: tuple[ElementResult, ...] = ()

    @property
    def is_small(self) -> bool:
        return self.respondents < min_respondents()


def _bands() -> list[ikm.Band]:
    return [ikm.Band(b.code, b.display, b.low, b.high) for b in GradeBand.objects.all()]


def _elements() -> dict[str, Element]:
    return {e.code: e for e in Element.objects.all()}


def _result(
    totals: dict[str, tuple[int, int]],
    respondents: int,
    elements: dict[str, Element],
    bands: list[ikm.Band],
) -> IkmResult | None:
    order = sorted(totals, key=lambda c: (elements[c].sort, c) if c in elements else (10_000, c))
    index = ikm.index_from_totals(totals, order)
    if index is None or respondents == 0:
        return None
    value = index.ikm
    band = ikm.grade(value, bands)
    return IkmResult(
        ikm=value,
        grade_code=band.code if band else "",
        grade_label=band.label if band else "",
        respondents=respondents,
        nrr_weighted=to_decimal(index.nrr_weighted, THREE),
        elements=tuple(
            ElementResult(
                code=e.code,
                name=elements[e.code].label if e.code in elements else e.code,
                nrr=to_decimal(e.nrr, THREE),
                nik=to_decimal(e.nik),
            )
            for e in index.elements
        ),
    )


def public_responses(start: dt.date | None = None, end: dt.date | None = None) -> QuerySet[Response]:
    """Responses that count for published results: of active organisations and (when any) active services,
    given between ``start`` and ``end`` inclusive."""
    qs = Response.objects.filter(survey__organisation__is_active=True).filter(
        Q(survey__service__isnull=True) | Q(survey__service__is_active=True)
    )
    if start is not None:
        qs = qs.filter(submitted_on__gte=start)
    if end is not None:
        qs = qs.filter(submitted_on__lte=end)
    return qs


def _grouped(responses: QuerySet[Response], *group: str) -> dict[tuple, IkmResult | None]:
    """IKM per value of ``group`` (fields of Response, e.g. "survey__service_id"); () pools everything."""
    keys = [*group]
    totals: dict[tuple, dict[str, tuple[int, int]]] = defaultdict(dict)
    rows = (
        Answer.objects.filter(response__in=responses)
        .values(*[f"response__{g}" for g in keys], "element__code")
        .annotate(total=Sum("value"), n=Count("id"))
        .order_by()
    )
    for row in rows:
        key = tuple(row[f"response__{g}"] for g in keys)
        totals[key][row["element__code"]] = (row["total"], row["n"])
    if keys:
        counts = {
            tuple(row[g] for g in keys): row["n"]
            for row in responses.values(*keys).annotate(n=Count("id")).order_by()
        }
    else:  # values() without fields would group by every column
        counts = {(): responses.count()}
    elements, bands = _elements(), _bands()
    return {key: _result(t, counts.get(key, 0), elements, bands) for key, t in totals.items()}


def ikm_of(responses: QuerySet[Response]) -> IkmResult | None:
    return _grouped(responses).get((), None)


def ikm_for_service(
    service: Service, start: dt.date | None = None, end: dt.date | None = None
) -> IkmResult | None:
    """The IKM of a service from every response to its surveys between ``start`` and ``end`` (inclusive),
    None without responses."""
    return ikm_of(public_responses(start, end).filter(survey__service=service))


def ikm_for_organisation(
    organisation: Organisation, start: dt.date | None = None, end: dt.date | None = None
) -> IkmResult | None:
    """The IKM of an organisation, pooled over the responses to all its surveys (its services' and its own)
    between ``start`` and ``end`` (inclusive), None without responses. Child units are not included."""
    return ikm_of(public_responses(start, end).filter(survey__organisation=organisation))


@dataclass
class ServiceRow:
    service: Service | None  # None: the organisation's own survey, not about one service
    result: IkmResult | None


@dataclass
class OrganisationResults:
    organisation: Organisation
    overall: IkmResult | None
    rows: list[ServiceRow] = field(default_factory=list)


def results_by_organisation(
    start: dt.date, end: dt.date, organisation: Organisation | None = None
) -> list[OrganisationResults]:
    """Published results of the period per organisation (by name) and, inside, per service (by the
    registry's order), for organisations with at least one response in the period."""
    responses = public_responses(start, end)
    if organisation is not None:
        responses = responses.filter(survey__organisation=organisation)
    per_org = _grouped(responses, "survey__organisation_id")
    per_service = _grouped(responses, "survey__organisation_id", "survey__service_id")
    orgs = Organisation.objects.in_bulk([k[0] for k in per_org])
    services = Service.objects.in_bulk([k[1] for k in per_service if k[1]])
    out: dict[int, OrganisationResults] = {}
    for (org_id,), result in per_org.items():
        out[org_id] = OrganisationResults(orgs[org_id], result)
    for (org_id, service_id), result in per_service.items():
        out[org_id].rows.append(ServiceRow(services.get(service_id), result))
    for group in out.values():
        group.rows.sort(key=lambda r: (r.service is None, r.service.sort if r.service else 0, str(r.service)))
    return sorted(out.values(), key=lambda g: g.organisation.name)


# --- running surveys and the invitation -------------------------------------------------------------------


def running_survey(organisation: Organisation, service: Service | None = None) -> Survey | None:
    """The survey open today for the service, or for the organisation itself when ``service`` is None."""
    qs = Survey.objects.filter(organisation=organisation, closed_at__isnull=True).select_related(
        "questionnaire", "service", "organisation"
    )
    qs = qs.filter(service=service) if service is not None else qs.filter(service__isnull=True)
    survey = qs.first()
    return survey if survey is not None and survey_is_open(survey) else None


def public_service(org_slug: str, service_slug: str) -> Service:
    service = (
        Service.objects.filter(
            organisation__slug=org_slug, slug=service_slug, is_active=True, organisation__is_active=True
        )
        .select_related("organisation")
        .first()
    )
    if service is None:
        raise NotFound(_("Layanan tidak ditemukan."))
    return service


def public_organisation(org_slug: str) -> Organisation:
    org = Organisation.objects.filter(slug=org_slug, is_active=True).first()
    if org is None:
        raise NotFound(_("Organisasi tidak ditemukan."))
    return org


def _handling_organisation(complaint: Complaint) -> Organisation | None:
    """The organisation that finished the complaint: the one whose handling closed last."""
    last = (
        complaint.handlings.filter(closed_at__isnull=False)
        .select_related("organisation")
        .order_by("-closed_at", "-pk")
    )
    handling = last.first()
    return handling.organisation if handling else None


def survey_for_complaint(complaint: Complaint) -> Survey | None:
    """The survey a closed complaint's reporter is invited to: the running survey of the complaint's service,
    else the organisation-level survey of the organisation that finished it. None while the complaint is not
    closed, when no such survey runs, or once the reporter answered."""
    if complaint.status != Complaint.Status.CLOSED:
        return None
    if Response.objects.filter(complaint=complaint).exists():
        return None
    if complaint.service_id and complaint.service.is_active:
        survey = running_survey(complaint.service.organisation, complaint.service)
        if survey is not None:
            return survey
    org = _handling_organisation(complaint)
    return running_survey(org) if org is not None else None


def complaint_answered(complaint: Complaint) -> bool:
    return Response.objects.filter(complaint=complaint).exists()


# --- staff --------------------------------------------------------------------------------------------------


def staff_surveys(user: User, organisation_id: int | None = None) -> QuerySet[Survey]:
    qs = Survey.objects.filter(organisation__in=access.staff_organisations(user))
    if organisation_id is not None:
        qs = qs.filter(organisation_id=organisation_id)
    return qs.select_related("organisation", "service", "questionnaire").annotate(n=Count("responses"))


def staff_survey(user: User, survey_id: int) -> Survey:
    survey = staff_surveys(user).filter(pk=survey_id).first()
    if survey is None:
        raise NotFound(_("Survei tidak ditemukan."))
    return survey


@dataclass(frozen=True)
class ProfileBar:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class ProfileGroup:
    key: str
    label: str
    bars: tuple[ProfileBar, ...]


def profile_distribution(responses: QuerySet[Response], questionnaire: Questionnaire) -> list[ProfileGroup]:
    """How many respondents chose each profile option (and how many left it empty), per profile field."""
    en = english()
    spec = questionnaire.profile or {}
    total = responses.count()
    groups = []
    for key, column in PROFILE_FIELDS.items():
        field_spec = spec.get(key, {})
        counts = {
            row[column]: row["n"] for row in responses.values(column).annotate(n=Count("id")).order_by()
        }
        bars = []
        for option in field_spec.get("options", []):
            n = counts.pop(str(option["code"]), 0)
            label = (en and option.get("label_en")) or option["label"]
            bars.append(ProfileBar(label, n, round(100 * n / total) if total else 0))
        empty = sum(counts.values())
        bars.append(ProfileBar(_("Tidak diisi"), empty, round(100 * empty / total) if total else 0))
        label = (en and field_spec.get("label_en")) or field_spec.get("label", key)
        groups.append(ProfileGroup(key, label, tuple(bars)))
    return groups


# --- the console's prevention hub -----------------------------------------------------------------------


def uses_console(user: User) -> bool:
    """Whether the console's survey page has anything for the user: a unit where they may open periods, or
    surveys of their units to read. The page refuses the others, and the prevention hub hides its card."""
    if user.is_superuser or access.managing_organisation_ids(user):
        return True
    return Survey.objects.filter(organisation__in=access.staff_organisations(user)).exists()


def surveys_running(user: User, today: dt.date) -> int:
    """Survey periods of the user's units taking answers today (the rule of ``survey_is_open``)."""
    return (
        Survey.objects.filter(
            organisation__in=access.staff_organisations(user), closed_at__isnull=True, opens_on__lte=today
        )
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        .count()
    )
