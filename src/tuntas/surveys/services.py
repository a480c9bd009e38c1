"""Writes of the satisfaction survey: opening and closing survey periods (staff) and submitting a response
(anyone, anonymously). Console and portal views, the demo loader and tests call these.

A survey period belongs to a service, or to an organisation as a whole; one period runs at a time per service
(and per organisation without a service), and it keeps the questionnaire version it started with. A response
must answer every element with 1-4 (see ikm.py on why partial responses are refused); its profile fields are
optional and must be options of the survey's questionnaire. A response from the invitation after a closed
complaint names that complaint, once per complaint, and nothing about its reporter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tuntas.complaints.models import Complaint
from tuntas.core import clock
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.directory.models import Organisation, User
from tuntas.standards.models import Service
from tuntas.surveys import access
from tuntas.surveys.catalogue import QUESTIONNAIRE_SLUG, ensure_catalogue
from tuntas.surveys.models import Answer, Questionnaire, Response, Survey

SUGGESTION_MAX = 1_000
TITLE_MAX = 120
PROFILE_FIELDS = {  # questionnaire profile key -> Response field
    "jenis_kelamin": "gender",
    "usia": "age",
    "pendidikan": "education",
    "pekerjaan": "occupation",
}


def current_questionnaire(slug: str = QUESTIONNAIRE_SLUG) -> Questionnaire:
    ensure_catalogue()
    found = Questionnaire.objects.filter(slug=slug, is_active=True).order_by("-version").first()
    if found is None:
        raise NotFound(_("Kuesioner survei tidak ditemukan."))
    return found


def survey_is_open(survey: Survey, today: dt.date | None = None) -> bool:
    today = today or clock.today()
    return (
        survey.closed_at is None
        and survey.opens_on <= today
        and (survey.closes_on is None or today <= survey.closes_on)
    )


def _running(organisation_id: int, service_id: int | None):  # noqa: ANN202
    qs = Survey.objects.filter(organisation_id=organisation_id, closed_at__isnull=True)
    return qs.filter(service_id=service_id) if service_id else qs.filter(service__isnull=True)


def survey_open(
    *,
    actor: User,
    organisation_id: int,
    service_id: int | None = None,
    opens_on: dt.date | None = None,
    closes_on: dt.date | None = None,
    title: str = "",
) -> Survey:
    """Open a survey period for a service of the organisation (or for the organisation as a whole) from
    ``opens_on`` (today by default) to ``closes_on`` (open-ended when empty). A period whose end date has
    passed is closed on the way; one still running must be closed first."""
    today = clock.today()
    opens_on = opens_on or today
    title = " ".join((title or "").split())
    errors = {}
    if opens_on < today:
        errors["opens_on"] = _("Tanggal mulai tidak boleh sebelum hari ini.")
    if closes_on is not None and closes_on < opens_on:
        errors["closes_on"] = _("Tanggal selesai harus sesudah tanggal mulai.")
    if len(title) > TITLE_MAX:
        errors["title"] = _("Paling banyak %(n)s karakter.") % {"n": TITLE_MAX}
    org = Organisation.objects.filter(pk=organisation_id, is_active=True).first()
    if org is None or not access.sees(actor, org.pk):
        raise NotFound(_("Organisasi tidak ditemukan."))
    if not access.can_manage(actor, org.pk):
        raise NotPermitted(_("Anda tidak berwenang membuka survei organisasi ini."))
    service = None
    if service_id is not None:
        service = Service.objects.filter(pk=service_id, organisation=org, is_active=True).first()
        if service is None:
            errors["service"] = _("Layanan tidak ditemukan di organisasi ini.")
    if errors:
        raise InvalidInput(_("Periksa data periode survei."), errors=errors)
    questionnaire = current_questionnaire()
    now = clock.now()
    try:
        with transaction.atomic():
            Organisation.objects.select_for_update().filter(pk=org.pk).first()  # serialise openings per unit
            running = _running(org.pk, service_id).select_for_update().first()
            if running is not None:
                if running.closes_on is not None and running.closes_on < today:
                    running.closed_at = now
                    running.save(update_fields=["closed_at"])
                else:
                    raise Conflict(_("Masih ada periode survei yang berjalan. Tutup dulu periode itu."))
            return Survey.objects.create(
                organisation=org,
                service=service,
                questionnaire=questionnaire,
                title=title,
                opens_on=opens_on,
                closes_on=closes_on,
                created_at=now,
                created_by=actor,
            )
    except IntegrityError as exc:  # opened a moment ago by someone else (the unique running constraint)
        raise Conflict(_("Masih ada periode survei yang berjalan. Tutup dulu periode itu.")) from exc


def survey_close(*, actor: User, survey_id: int) -> Survey:
    """Close a running survey period now; its responses stay and count for the dates they were given."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().filter(pk=survey_id).first()
        if survey is None or not access.sees(actor, survey.organisation_id):
            raise NotFound(_("Survei tidak ditemukan."))
        if not access.can_manage(actor, survey.organisation_id):
            raise NotPermitted(_("Anda tidak berwenang menutup survei organisasi ini."))
        if survey.closed_at is not None:
            raise Conflict(_("Periode survei ini sudah ditutup."))
        survey.closed_at = clock.now()
        survey.closed_by = actor
        survey.save(update_fields=["closed_at", "closed_by"])
    return survey


def _check_answers(survey: Survey, answers: Mapping[str, int]) -> tuple[list, dict[str, str]]:
    questions = list(survey.questionnaire.questions.select_related("element"))
    errors: dict[str, str] = {}
    rows = []
    for q in questions:
        value = answers.get(q.element.code)
        if value is None or value == "":
            errors[q.element.code] = _("Pilih salah satu jawaban.")
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= len(q.labels):
            errors[q.element.code] = _("Pilih salah satu jawaban.")
            continue
        rows.append((q, value))
    unknown = set(answers) - {q.element.code for q in questions}
    if unknown:
        errors["__all__"] = _("Jawaban untuk pertanyaan yang tidak ada dalam kuesioner ini.")
    return rows, errors


def _check_profile(survey: Survey, profile: Mapping[str, str], errors: dict[str, str]) -> dict[str, str]:
    spec = survey.questionnaire.profile or {}
    values = {}
    for key, field in PROFILE_FIELDS.items():
        code = (profile.get(key) or "").strip()
        if not code:
            values[field] = ""
            continue
        allowed = {str(o["code"]) for o in spec.get(key, {}).get("options", [])}
        if code not in allowed:
            errors[key] = _("Pilihan tidak dikenal.")
        values[field] = code
    return values


def response_submit(
    *,
    survey_id: int,
    answers: Mapping[str, int],
    profile: Mapping[str, str] | None = None,
    suggestion: str = "",
    channel: str = Response.Channel.PORTAL,
    complaint_id: int | None = None,
) -> Response:
    """Record one anonymous response to a survey that is open today. ``answers`` maps element codes (U1..U9)
    to 1-4 and must cover every question; ``complaint_id`` (the caller has checked the reporter's proof) must
    be a closed complaint without a response yet."""
    suggestion = (suggestion or "").strip()
    if channel not in Response.Channel.values or channel == Response.Channel.COMPLAINT:
        channel = Response.Channel.PORTAL  # "after a complaint" only with the complaint, set below
    with transaction.atomic():
        survey = (
            Survey.objects.select_for_update().select_related("questionnaire").filter(pk=survey_id).first()
        )
        if survey is None:
            raise NotFound(_("Survei tidak ditemukan."))
        if not survey_is_open(survey):
            raise Conflict(_("Survei ini sedang tidak dibuka."))
        rows, errors = _check_answers(survey, answers)
        fields = _check_profile(survey, profile or {}, errors)
        if len(suggestion) > SUGGESTION_MAX:
            errors["suggestion"] = _("Paling banyak %(n)s karakter.") % {
                "n": f"{SUGGESTION_MAX:,}".replace(",", ".")
            }
        if errors:
            raise InvalidInput(_("Jawab semua pertanyaan survei."), errors=errors)
        if complaint_id is not None:
            complaint = Complaint.objects.filter(pk=complaint_id).first()
            if complaint is None or complaint.status != Complaint.Status.CLOSED:
                raise Conflict(_("Survei setelah pengaduan hanya untuk pengaduan yang sudah selesai."))
            if Response.objects.filter(complaint_id=complaint_id).exists():
                raise Conflict(_("Survei untuk pengaduan ini sudah diisi. Terima kasih."))
            channel = Response.Channel.COMPLAINT
        now = clock.now()
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    survey=survey,
                    channel=channel,
                    complaint_id=complaint_id,
                    submitted_at=now,
                    submitted_on=clock.today(),
                    suggestion=suggestion,
                    **fields,
                )
        except IntegrityError as exc:  # the same complaint's response saved a moment ago
            raise Conflict(_("Survei untuk pengaduan ini sudah diisi. Terima kasih.")) from exc
        Answer.objects.bulk_create(
            Answer(response=response, question=q, element_id=q.element_id, value=value) for q, value in rows
        )
    return response
