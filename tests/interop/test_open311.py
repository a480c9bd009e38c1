"""Open311 GeoReport v2 conformance: every endpoint, JSON and XML, and each error case."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

import pytest

from tuntas.complaints.models import Complaint, ReporterIdentity
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit
from tuntas.interop.models import Open311Request
from tuntas.interop.services import open311_client_create

pytestmark = pytest.mark.django_db
BASE = "/open311/v2"
SENTINEL = "Sentinel Rahasia Zulkarnain"
DESC = "Jalan berlubang besar di depan sekolah dasar, membahayakan anak-anak."


@pytest.fixture
def key(directory):
    return open311_client_create(name="Aplikasi Warga", key="test-key-123")[1]


def _post(client, **data):
    data.setdefault("api_key", "test-key-123")
    data.setdefault("service_code", "jalan")
    data.setdefault("description", DESC)
    data.setdefault("lat", "-3.2")
    data.setdefault("long", "116.2")
    return client.post(f"{BASE}/requests.json", data)


def _errors(response, status):
    assert response.status_code == status
    body = response.json()
    assert isinstance(body, list) and body
    assert body[0]["code"] == status and body[0]["description"]
    return body


def test_discovery_json_and_xml(client, directory):
    body = client.get(f"{BASE}/discovery.json").json()
    assert body["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert body["endpoints"][0]["url"].endswith("/open311/v2/")
    root = ET.fromstring(client.get(f"{BASE}/discovery.xml").content)
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints/endpoint/formats")] == ["text/xml", "application/json"]


def test_services_list_and_definition(client, directory):
    services = client.get(f"{BASE}/services.json").json()
    assert isinstance(services, list)
    road = next(s for s in services if s["service_code"] == "jalan")
    assert (
        road["service_name"] == "Jalan dan jembatan"
        and road["metadata"] is True
        and road["type"] == "realtime"
    )
    root = ET.fromstring(client.get(f"{BASE}/services.xml").content)
    assert root.tag == "services" and root.find("service/service_code") is not None
    definition = client.get(f"{BASE}/services/jalan.json").json()
    assert definition["service_code"] == "jalan"
    attribute = definition["attributes"][0]
    assert attribute["code"] == "privacy" and attribute["datatype"] == "singlevaluelist"
    assert {v["key"] for v in attribute["values"]} == {"public", "confidential", "anonymous"}
    xml = ET.fromstring(client.get(f"{BASE}/services/jalan.xml").content)
    assert xml.tag == "service_definition" and xml.find("attributes/attribute/values/value/key") is not None
    _errors(client.get(f"{BASE}/services/tidak-ada.json"), 404)
    err = ET.fromstring(client.get(f"{BASE}/services/tidak-ada.xml").content)
    assert err.tag == "errors" and err.find("error/code").text == "404"


def test_post_creates_a_confidential_complaint_through_intake(client, key):
    response = _post(
        client, first_name="Siti", last_name=SENTINEL, email="siti@example.org", phone="081234567890"
    )
    assert response.status_code == 201
    [created] = response.json()
    complaint = Complaint.objects.get(tracking_code=created["service_request_id"])
    assert complaint.channel == Complaint.Channel.OPEN311
    assert complaint.privacy == Complaint.Privacy.CONFIDENTIAL
    assert complaint.handlings.count() == 1  # the intake service opened the handling
    identity = ReporterIdentity.objects.get(complaint=complaint)
    assert identity.name == f"Siti {SENTINEL}" and identity.email == "siti@example.org"
    token = Open311Request.objects.get(complaint=complaint).token
    assert created["token"] == token
    # tokens/{token}
    [row] = client.get(f"{BASE}/tokens/{token}.json").json()
    assert row == {"service_request_id": complaint.tracking_code, "token": token}
    assert ET.fromstring(client.get(f"{BASE}/tokens/{token}.xml").content).find("request/token").text == token
    _errors(client.get(f"{BASE}/tokens/nope.json"), 404)
    # the listing shows neither the identity nor the confidential text
    for url in (
        f"{BASE}/requests.json",
        f"{BASE}/requests/{complaint.tracking_code}.json",
        f"{BASE}/requests.xml",
    ):
        body = client.get(url).content.decode()
        assert complaint.tracking_code in body
        assert SENTINEL not in body and "siti@example.org" not in body and "berlubang" not in body


def test_post_without_identity_is_anonymous_and_params_may_come_in_the_query_string(client, key):
    response = client.post(
        f"{BASE}/requests.xml?api_key=test-key-123&service_code=jalan&address_string=Jl.%20Pangeran",
        {"description": DESC},
    )
    assert response.status_code == 201
    code = ET.fromstring(response.content).find("request/service_request_id").text
    complaint = Complaint.objects.get(tracking_code=code)
    assert complaint.privacy == Complaint.Privacy.ANONYMOUS
    assert not ReporterIdentity.objects.filter(complaint=complaint).exists()
    assert complaint.location_text == "Jl. Pangeran"


def test_post_public_attribute_lists_the_text(client, key):
    response = _post(
        client, first_name="Budi", **{"attribute[privacy]": "public"}, media_url="https://x.test/a.jpg"
    )
    code = response.json()[0]["service_request_id"]
    [row] = client.get(f"{BASE}/requests/{code}.json").json()
    assert row["status"] == "open" and row["service_code"] == "jalan"
    assert "berlubang" in row["description"] and row["lat"] == -3.2 and row["long"] == 116.2
    assert "Budi" not in str(row)


def test_post_errors(client, key):
    before = Complaint.objects.count()
    _errors(_post(client, api_key=""), 403)
    _errors(_post(client, api_key="wrong"), 403)
    _errors(_post(client, service_code="tidak-ada"), 404)
    _errors(_post(client, jurisdiction_id="elsewhere.example"), 404)
    _errors(_post(client, lat="", long=""), 400)
    body = _errors(_post(client, description="pendek"), 400)
    assert "description" in body[0]["description"]
    _errors(_post(client, lat="999"), 400)
    _errors(_post(client, **{"attribute[privacy]": "semua"}), 400)
    assert Complaint.objects.count() == before  # nothing half-written
    _errors(client.post(f"{BASE}/services.json"), 405)


def _file(directory, privacy=Complaint.Privacy.PUBLIC, category="jalan", name="Warga"):
    data = ComplaintInput(
        title="Jalan rusak parah",
        description=DESC,
        privacy=privacy,
        category=category,
        reporter=ReporterInput(name=name),
    )
    return complaint_submit(data=data).complaint


def test_get_requests_filters_and_limits(client, directory, key):
    road = _file(directory)
    water = _file(directory, category="air-bersih")
    closed = _file(directory)
    Complaint.objects.filter(pk=closed.pk).update(status=Complaint.Status.CLOSED)
    old = _file(directory)
    Complaint.objects.filter(pk=old.pk).update(submitted_at=old.submitted_at - dt.timedelta(days=120))

    def ids(**params):
        response = client.get(f"{BASE}/requests.json", params)
        assert response.status_code == 200
        return {r["service_request_id"] for r in response.json()}

    assert ids() == {road.tracking_code, water.tracking_code, closed.tracking_code}  # default: last 90 days
    assert ids(service_code="air-bersih") == {water.tracking_code}
    assert ids(status="closed") == {closed.tracking_code}
    assert ids(status="open") == {road.tracking_code, water.tracking_code}
    assert ids(service_request_id=f"{old.tracking_code},{water.tracking_code}", status="closed") == {
        old.tracking_code,
        water.tracking_code,
    }  # ids given: the other filters are ignored
    start = (old.submitted_at - dt.timedelta(days=120 + 1)).isoformat()
    end = (old.submitted_at - dt.timedelta(days=120 - 1)).isoformat()
    assert ids(start_date=start, end_date=end) == {old.tracking_code}
    _errors(client.get(f"{BASE}/requests.json", {"start_date": "kemarin"}), 400)
    _errors(client.get(f"{BASE}/requests.json", {"status": "pending"}), 400)
    _errors(client.get(f"{BASE}/requests.json", {"start_date": end, "end_date": start}), 400)
    wide = (old.submitted_at - dt.timedelta(days=300)).isoformat()
    _errors(client.get(f"{BASE}/requests.json", {"start_date": wide, "end_date": end}), 400)
    _errors(client.get(f"{BASE}/requests/TIDAK-ADA.json"), 404)
    root = ET.fromstring(client.get(f"{BASE}/requests.xml").content)
    assert root.tag == "service_requests" and len(root.findall("request")) == 3


def test_rate_limited(client, directory, settings):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_OPEN311 = "2/m"
    from django.core.cache import cache

    cache.clear()
    assert client.get(f"{BASE}/services.json").status_code == 200
    assert client.get(f"{BASE}/services.json").status_code == 200
    _errors(client.get(f"{BASE}/services.json"), 429)


def test_demo_key_only_in_demo_mode(client, directory, settings):
    from tuntas.demo.interop import DEMO_OPEN311_KEY, load_interop_demo

    settings.DEMO = False
    assert load_interop_demo() == {"open311_clients": 0}
    _errors(_post(client, api_key=DEMO_OPEN311_KEY), 403)
    settings.DEMO = True
    assert load_interop_demo() == {"open311_clients": 1}
    assert load_interop_demo() == {"open311_clients": 0}  # idempotent
    assert _post(client, api_key=DEMO_OPEN311_KEY).status_code == 201


@pytest.mark.parametrize(
    ("how", "field"),
    [("form", "description"), ("form", "api_key"), ("query", "service_code"), ("form", "attribute[privacy]")],
)
def test_a_nul_character_in_any_parameter_is_a_400_naming_it(client, key, how, field):
    """PostgreSQL refuses NUL in text; before this check it was a 500 there (and stored on SQLite)."""
    before = Complaint.objects.count()
    if how == "form":
        response = _post(client, **{field: "Jalan\x00rusak"})
    else:
        response = client.post(
            f"{BASE}/requests.json?{field}=jalan%00",
            {"api_key": "test-key-123", "address_string": "Jl. Pangeran", "description": "Jalan rusak."},
        )
    [error] = _errors(response, 400)
    assert field in error["description"] and "NUL" in error["description"]
    assert Complaint.objects.count() == before


def test_a_nul_character_in_the_path_matches_no_route(client, directory):
    # The id and token patterns exclude it, so the lookup (a 500 on PostgreSQL) is never reached.
    for path in (
        f"{BASE}/requests/KTB%00.json",
        f"{BASE}/tokens/abc%00def.xml",
        f"{BASE}/services/j%00.json",
    ):
        assert client.get(path).status_code == 404


def test_status_notes_carry_only_what_the_public_may_read(client, directory, key):
    """A public answer on a confidential or anonymous complaint reaches its reporter, never the feed."""
    from tuntas.complaints.models import Event
    from tuntas.core import clock

    answer = "Jalan sudah ditambal oleh Dinas PUPR pada 3 Desember."
    rows = {}
    for privacy in Complaint.Privacy.values:
        c = _file(directory, privacy=privacy)
        Event.objects.create(
            complaint=c,
            kind=Event.Kind.TRANSITIONED,
            visibility=Event.Visibility.PUBLIC,
            message=answer,
            created_at=clock.now(),
        )
        Event.objects.create(
            complaint=c,
            kind=Event.Kind.COMMENTED,
            visibility=Event.Visibility.INTERNAL,
            message="catatan dalam",
            created_at=clock.now(),
        )
        rows[privacy] = c.tracking_code
    by_code = {r["service_request_id"]: r for r in client.get(f"{BASE}/requests.json").json()}
    assert by_code[rows[Complaint.Privacy.PUBLIC]]["status_notes"] == answer
    assert by_code[rows[Complaint.Privacy.CONFIDENTIAL]]["status_notes"] == ""
    assert by_code[rows[Complaint.Privacy.ANONYMOUS]]["status_notes"] == ""
    single = client.get(f"{BASE}/requests/{rows[Complaint.Privacy.CONFIDENTIAL]}.json").json()[0]
    assert single["status_notes"] == ""
    assert "catatan dalam" not in client.get(f"{BASE}/requests.xml").content.decode()
