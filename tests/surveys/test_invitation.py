"""After a closed complaint: the tracking page invites the reporter to the survey of the complaint's service (or of
the unit that finished it), and the response records the complaint, never the reporter."""

from __future__ import annotations

from django.test import Client

from tests.surveys.test_portal import form_data
from tuntas.surveys import services
from tuntas.surveys.models import Response


def proved(complaint, secret) -> Client:  # noqa: ANN001
    client = Client()
    assert client.post("/lacak/", {"code": complaint.tracking_code, "secret": secret}).status_code == 302
    return client


def detail(client: Client, complaint) -> str:  # noqa: ANN001
    response = client.get(f"/lacak/{complaint.tracking_code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_no_invitation_without_a_running_survey(close_complaint):
    complaint, secret = close_complaint()
    assert "Isi survei kepuasan" not in detail(proved(complaint, secret), complaint)


def test_no_invitation_while_the_complaint_is_open(org_survey, directory, workflows):
    from tests.complaints.conftest import complaint_input
    from tuntas.complaints.services import complaint_submit

    submitted = complaint_submit(data=complaint_input())
    html = detail(proved(submitted.complaint, submitted.secret), submitted.complaint)
    assert "Isi survei kepuasan" not in html


def test_closed_complaint_invites_to_the_survey_of_the_unit_that_finished_it(org_survey, close_complaint):
    complaint, secret = close_complaint()
    html = detail(proved(complaint, secret), complaint)
    assert "Isi survei kepuasan" in html
    assert f'href="/survei/dinas-pupr/?pengaduan={complaint.tracking_code}"' in html


def test_complaint_about_a_service_invites_to_that_service_survey(
    org_survey, survey, service, close_complaint
):
    complaint, secret = close_complaint(service=service)
    assert complaint.service == service
    html = detail(proved(complaint, secret), complaint)
    assert f'href="/survei/dinas-pupr/izin-galian-jalan/?pengaduan={complaint.tracking_code}"' in html


def test_answer_from_the_invitation_records_the_complaint_once(org_survey, close_complaint):
    complaint, secret = close_complaint()
    client = proved(complaint, secret)
    form = client.get(f"/survei/dinas-pupr/?pengaduan={complaint.tracking_code}").content.decode()
    assert f'name="pengaduan" value="{complaint.tracking_code}"' in form
    assert complaint.tracking_code in form  # "Survei ini tentang penanganan pengaduan Anda ..."
    response = client.post("/survei/dinas-pupr/", form_data(3, pengaduan=complaint.tracking_code))
    assert response.status_code == 302
    saved = Response.objects.get()
    assert (saved.complaint, saved.channel, saved.survey) == (complaint, "pengaduan", org_survey)
    thanks = client.get("/survei/terima-kasih/").content.decode()
    assert f'href="/lacak/{complaint.tracking_code}/"' in thanks
    html = detail(client, complaint)
    assert "Anda sudah mengisi survei kepuasan untuk pengaduan ini" in html
    assert "?pengaduan=" not in html


def test_a_browser_without_the_proof_cannot_link_a_complaint(org_survey, close_complaint):
    complaint, _secret = close_complaint()
    stranger = Client()
    form = stranger.get(f"/survei/dinas-pupr/?pengaduan={complaint.tracking_code}").content.decode()
    assert f'name="pengaduan" value="{complaint.tracking_code}"' not in form
    assert "Survei ini tentang penanganan pengaduan Anda" not in form
    stranger.post("/survei/dinas-pupr/", form_data(1, pengaduan=complaint.tracking_code))
    saved = Response.objects.get()
    assert (saved.complaint, saved.channel) == (None, "portal")


def test_invitation_falls_back_to_the_unit_when_the_service_survey_is_closed(
    org_survey, survey, service, close_complaint, directory
):
    services.survey_close(actor=directory.kadis_pupr, survey_id=survey.pk)
    complaint, secret = close_complaint(service=service)
    html = detail(proved(complaint, secret), complaint)
    assert f'href="/survei/dinas-pupr/?pengaduan={complaint.tracking_code}"' in html
