"""Survey periods (open, close) and anonymous responses through tuntas.surveys.services."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import UserFactory, member
from tests.surveys.conftest import NOW, answers
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.surveys import services
from tuntas.surveys.models import Answer, Response, Survey

TODAY = NOW.date()


def test_petugas_opens_a_survey_of_a_service_with_the_current_questionnaire(survey, service):
    assert (survey.service, survey.opens_on, survey.closes_on, survey.closed_at) == (
        service,
        TODAY,
        None,
        None,
    )
    assert survey.questionnaire.version == 1
    assert survey.questionnaire.questions.count() == 9
    assert services.survey_is_open(survey)


@pytest.mark.parametrize("username", ["pemantau", "petugas.disdik", "auditor"])
def test_members_without_a_managing_role_there_cannot_open(directory, service, username):
    user = {
        "pemantau": directory.viewer,
        "petugas.disdik": directory.petugas_disdik,
        "auditor": directory.auditor,
    }[username]
    with pytest.raises(NotFound):  # not a member of Dinas PUPR: it does not exist for them
        services.survey_open(actor=user, organisation_id=directory.pupr.pk, service_id=service.pk)


def test_a_viewer_of_the_unit_sees_it_but_may_not_open(directory, service):
    viewer = member(UserFactory(username="pemantau.pupr"), directory.pupr, "viewer")
    with pytest.raises(NotPermitted):
        services.survey_open(actor=viewer, organisation_id=directory.pupr.pk, service_id=service.pk)


def test_a_service_of_another_organisation_is_refused(directory, service):
    member(directory.petugas_pupr, directory.disdik, "petugas")
    with pytest.raises(InvalidInput) as exc:
        services.survey_open(
            actor=directory.petugas_pupr, organisation_id=directory.disdik.pk, service_id=service.pk
        )
    assert "service" in exc.value.errors


def test_one_running_survey_per_service(directory, survey, service):
    with pytest.raises(Conflict):
        services.survey_open(
            actor=directory.kadis_pupr, organisation_id=directory.pupr.pk, service_id=service.pk
        )


def test_a_service_survey_and_the_unit_survey_run_side_by_side(survey, org_survey):
    assert org_survey.service is None and org_survey.pk != survey.pk


def test_an_expired_period_is_closed_when_the_next_opens(directory, service, frozen):
    first = services.survey_open(
        actor=directory.petugas_pupr,
        organisation_id=directory.pupr.pk,
        service_id=service.pk,
        closes_on=TODAY + dt.timedelta(days=10),
    )
    frozen(dt.timedelta(days=11))
    second = services.survey_open(
        actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, service_id=service.pk
    )
    first.refresh_from_db()
    assert first.closed_at is not None and second.closed_at is None


@pytest.mark.parametrize(
    ("opens", "closes", "field"),
    [(-1, None, "opens_on"), (5, 4, "closes_on")],
)
def test_period_dates_are_checked(directory, service, opens, closes, field):
    with pytest.raises(InvalidInput) as exc:
        services.survey_open(
            actor=directory.petugas_pupr,
            organisation_id=directory.pupr.pk,
            service_id=service.pk,
            opens_on=TODAY + dt.timedelta(days=opens),
            closes_on=TODAY + dt.timedelta(days=closes) if closes is not None else None,
        )
    assert field in exc.value.errors


def test_closing_keeps_responses_and_refuses_new_ones(directory, survey, respond):
    respond(survey, 4)
    services.survey_close(actor=directory.kadis_pupr, survey_id=survey.pk)
    assert Response.objects.filter(survey=survey).count() == 1
    with pytest.raises(Conflict):
        respond(survey, 4)
    with pytest.raises(Conflict):
        services.survey_close(actor=directory.kadis_pupr, survey_id=survey.pk)


def test_other_units_cannot_close(directory, survey):
    with pytest.raises(NotFound):
        services.survey_close(actor=directory.petugas_disdik, survey_id=survey.pk)


def test_a_survey_not_yet_open_takes_no_answers(directory, service, respond):
    later = services.survey_open(
        actor=directory.petugas_pupr,
        organisation_id=directory.pupr.pk,
        service_id=service.pk,
        opens_on=TODAY + dt.timedelta(days=3),
    )
    with pytest.raises(Conflict):
        respond(later, 4)


def test_a_response_stores_nine_answers_and_the_profile_and_no_identity(survey, respond):
    response = respond(
        survey,
        4,
        3,
        2,
        1,
        4,
        3,
        2,
        1,
        4,
        profile={"jenis_kelamin": "P", "usia": "30-39", "pendidikan": "sma", "pekerjaan": "wirausaha"},
        suggestion="  Antrean panjang.  ",
        channel=Response.Channel.QR,
    )
    values = dict(Answer.objects.filter(response=response).values_list("element__code", "value"))
    assert values == answers(4, 3, 2, 1, 4, 3, 2, 1, 4)
    assert (response.gender, response.age, response.education, response.occupation) == (
        "P",
        "30-39",
        "sma",
        "wirausaha",
    )
    assert (response.channel, response.suggestion, response.submitted_on) == ("qr", "Antrean panjang.", TODAY)
    assert response.complaint_id is None
    field_names = {f.name for f in Response._meta.get_fields()}
    assert not field_names & {"name", "email", "phone", "nik", "address", "ip", "user"}


def test_every_element_must_be_answered(survey):
    partial = answers(4)
    del partial["U8"]
    with pytest.raises(InvalidInput) as exc:
        services.response_submit(survey_id=survey.pk, answers=partial)
    assert set(exc.value.errors) == {"U8"}
    assert not Response.objects.exists()


@pytest.mark.parametrize("bad", [0, 5, "x"])
def test_answers_are_1_to_4(survey, bad):
    with pytest.raises(InvalidInput) as exc:
        services.response_submit(survey_id=survey.pk, answers={**answers(3), "U2": bad})
    assert set(exc.value.errors) == {"U2"}


def test_profile_options_come_from_the_questionnaire(survey):
    with pytest.raises(InvalidInput) as exc:
        services.response_submit(survey_id=survey.pk, answers=answers(3), profile={"pekerjaan": "astronaut"})
    assert set(exc.value.errors) == {"pekerjaan"}


@pytest.mark.parametrize("channel", ["telepati", Response.Channel.COMPLAINT])
def test_an_unknown_channel_or_complaint_without_a_complaint_counts_as_portal(survey, channel):
    response = services.response_submit(survey_id=survey.pk, answers=answers(3), channel=channel)
    assert response.channel == Response.Channel.PORTAL


def test_a_closed_complaint_is_linked_once(org_survey, close_complaint):
    complaint, _secret = close_complaint()
    response = services.response_submit(
        survey_id=org_survey.pk, answers=answers(4), complaint_id=complaint.pk
    )
    assert (response.complaint_id, response.channel) == (complaint.pk, Response.Channel.COMPLAINT)
    with pytest.raises(Conflict):
        services.response_submit(survey_id=org_survey.pk, answers=answers(4), complaint_id=complaint.pk)


def test_an_open_complaint_cannot_be_linked(org_survey, directory, workflows):
    from tests.complaints.conftest import complaint_input
    from tuntas.complaints.services import complaint_submit

    complaint = complaint_submit(data=complaint_input()).complaint
    with pytest.raises(Conflict):
        services.response_submit(survey_id=org_survey.pk, answers=answers(4), complaint_id=complaint.pk)


def test_new_questionnaire_version_leaves_old_surveys_their_questions(directory, survey, respond, frozen):
    old_questions = list(survey.questionnaire.questions.values_list("pk", flat=True))
    v1 = survey.questionnaire
    v2 = type(v1).objects.create(slug=v1.slug, version=2, title="Versi dua", profile=v1.profile)
    for q in v1.questions.all():
        q.pk, q.questionnaire, q.text = None, v2, q.text + " (v2)"
        q.save()
    response = respond(survey, 3)
    assert set(response.answers.values_list("question_id", flat=True)) == set(old_questions)
    services.survey_close(actor=directory.kadis_pupr, survey_id=survey.pk)
    newer = services.survey_open(
        actor=directory.kadis_pupr, organisation_id=directory.pupr.pk, service_id=survey.service_id
    )
    assert newer.questionnaire == v2
    assert Survey.objects.get(pk=survey.pk).questionnaire == v1
