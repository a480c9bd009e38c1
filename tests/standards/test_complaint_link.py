"""A complaint names the registered service it is about: from the standard's "Lapor" link, the API, or
the service call; a wrong or mismatched service is refused with a field error and writes nothing."""

from __future__ import annotations

import pytest

from tests.api.conftest import complaint_body
from tests.complaints.conftest import complaint_input
from tuntas.complaints import services as complaint_services
from tuntas.complaints.models import Complaint
from tuntas.core.errors import InvalidInput


@pytest.fixture
def api():
    from tests.api.conftest import Api

    return Api()


def test_complaint_about_a_service_records_it_and_its_organisation(directory, published):
    done = complaint_services.complaint_submit(
        data=complaint_input(reported_organisation=None, service_name="", service=published.service_id)
    )

    complaint = Complaint.objects.get(pk=done.complaint.pk)
    assert complaint.service_id == published.service_id
    assert complaint.reported_organisation == directory.pupr
    assert complaint.service_name == "Izin galian jalan"


def test_unknown_service_is_a_field_error_and_nothing_is_written(directory, published):
    with pytest.raises(InvalidInput) as exc:
        complaint_services.complaint_submit(data=complaint_input(service=published.service_id + 999))

    assert exc.value.errors["service"] == "Layanan tidak dikenal."
    assert Complaint.objects.count() == 0


def test_service_of_another_organisation_than_the_terlapor_is_refused(directory, published):
    with pytest.raises(InvalidInput) as exc:
        complaint_services.complaint_submit(
            data=complaint_input(reported_organisation=directory.disdik.slug, service=published.service_id)
        )

    assert "service" in exc.value.errors


def test_report_link_carries_the_service_into_the_form(client, published):
    html = client.get(f"/lapor/?layanan=Izin+galian+jalan&layanan_id={published.service_id}").content.decode()

    assert f'name="service" value="{published.service_id}"' in html


def test_api_lists_services_with_a_published_standard(directory, published, api, make_service):
    make_service(name="Layanan tanpa standar")  # no published standard: not listed

    rows = api.get("/services").json()

    assert [(r["id"], r["name"], r["organisation"]) for r in rows] == [
        (published.service_id, "Izin galian jalan", "dinas-pupr")
    ]
    assert rows[0]["standard_url"].endswith("/standar-pelayanan/dinas-pupr/izin-galian-jalan/")
    assert api.get("/services?organisation=dinas-pendidikan").json() == []


def test_api_complaint_names_a_service_by_id(directory, published, api):
    r = api.post("/complaints", complaint_body(service_id=published.service_id))
    assert r.status_code == 201, r.content
    assert Complaint.objects.get(tracking_code=r.json()["tracking_code"]).service_id == published.service_id

    bad = api.post("/complaints", complaint_body(service_id=published.service_id + 999))
    assert bad.status_code == 422
    assert "service_id" in bad.json()["errors"]
