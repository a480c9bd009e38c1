"""Every error is {"code", "message", "errors"} with the right status, and bad input writes nothing."""

from __future__ import annotations

import base64

import pytest
from django.core.cache import cache
from django.test import Client

from tests.api.conftest import V1, Api, complaint_body, open_handling
from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.directory.models import Organisation, OrganisationKind
from tuntas.notify.models import OutboxMessage


def _error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.content
    assert r["Content-Type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"code", "message", "errors"}
    assert body["code"] == code
    assert body["message"]
    return body


def _counts() -> tuple[int, ...]:
    models = (Complaint, Handling, Event, ReporterIdentity, Attachment, OutboxMessage)
    return tuple(m.objects.count() for m in models)


# --- 422 ----------------------------------------------------------------------------------------------------
def test_service_validation_errors_point_at_api_fields(directory, public_api):
    before = _counts()
    reporter = {"name": "S", "email": "bukan-email", "phone": "12", "nik": "123"}

    r = public_api.post(
        "/complaints",
        complaint_body(title="Abc", region_code="99.99", category="tidak-ada", reporter=reporter),
    )

    body = _error(r, 422, "invalid_input")
    assert set(body["errors"]) >= {
        "title",
        "category",
        "region_code",
        "reporter.name",
        "reporter.email",
        "reporter.phone",
        "reporter.nik",
    }
    assert _counts() == before


def test_schema_errors_are_per_field_with_dotted_paths(directory, public_api):
    before = _counts()
    body = complaint_body(latitude="utara", occurred_on="kemarin")
    del body["title"]
    body["reporter"]["name"] = "x" * 300

    r = public_api.post("/complaints", body)

    errors = _error(r, 422, "invalid_input")["errors"]
    assert set(errors) == {"title", "latitude", "occurred_on", "reporter.name"}
    assert _counts() == before


def test_more_than_five_attachments_is_422(directory, public_api):
    before = _counts()
    files = complaint_body()["attachments"] * 6

    r = public_api.post("/complaints", complaint_body(attachments=files))

    assert "attachments" in _error(r, 422, "invalid_input")["errors"]
    assert _counts() == before


def test_undecodable_attachment_is_422(directory, public_api):
    before = _counts()
    files = [*complaint_body()["attachments"], {"name": "rusak.png", "content_base64": "bukan base64!!"}]

    r = public_api.post("/complaints", complaint_body(attachments=files))

    assert set(_error(r, 422, "invalid_input")["errors"]) == {"attachments.1.content_base64"}
    assert _counts() == before


def test_attachment_that_is_not_an_image_or_pdf_is_422(directory, public_api):
    before = _counts()
    fake = base64.b64encode(b"MZ\x90\x00 definitely not a picture").decode()

    r = public_api.post(
        "/complaints", complaint_body(attachments=[{"name": "foto.jpg", "content_base64": fake}])
    )

    assert "attachments" in _error(r, 422, "invalid_input")["errors"]
    assert _counts() == before


def test_failure_after_the_complaint_row_leaves_nothing(directory, public_api):
    # The intake unit's SOP is not loaded: the handling cannot open, after the complaint row was inserted.
    Organisation.objects.create(
        name="Unit Tanpa SOP",
        slug="unit-tanpa-sop",
        kind=OrganisationKind.objects.get(slug="opd"),
        workflow="sop-yang-tidak-ada",
        accepts_complaints=True,
    )
    before = _counts()

    r = public_api.post("/complaints", complaint_body(intake_organisation="unit-tanpa-sop"))

    assert r.status_code >= 400
    _error(r, r.status_code, r.json()["code"])
    assert _counts() == before


def test_refused_reply_attachment_is_a_field_error(directory, public_api, file_complaint):
    filed = file_complaint()
    fake = base64.b64encode(b"not an image at all").decode()

    r = public_api.post(
        "/track/reply",
        {**filed.keys, "message": "Ini fotonya.", "attachments": [{"name": "x.jpg", "content_base64": fake}]},
    )

    assert set(_error(r, 422, "invalid_input")["errors"]) == {"attachments"}


def test_transition_missing_field_is_422_with_field_errors(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")
    before = _counts()

    r = coordinator.post(f"/handlings/{h['id']}/transitions", {"transition": "verifikasi", "data": {}})
    wrong_kind = coordinator.post(
        f"/handlings/{h['id']}/transitions",
        {"transition": "verifikasi", "data": {"target": "ombudsman-kalsel"}},
    )

    assert set(_error(r, 422, "invalid_input")["errors"]) == {"target"}
    assert set(_error(wrong_kind, 422, "invalid_input")["errors"]) == {"target"}
    assert _counts() == before


def test_empty_comment_and_bad_rating_are_422(directory, public_api, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")

    comment = coordinator.post(f"/handlings/{h['id']}/comments", {"text": "   "})
    rating = public_api.post("/track/rate", {**filed.keys, "rating": 9})
    rating_type = public_api.post("/track/rate", {**filed.keys, "rating": "bagus"})

    assert set(_error(comment, 422, "invalid_input")["errors"]) == {"text"}
    assert set(_error(rating, 422, "invalid_input")["errors"]) == {"rating"}
    assert set(_error(rating_type, 422, "invalid_input")["errors"]) == {"rating"}


def test_query_parameter_errors_name_the_parameter(directory, api_as):
    r = api_as(directory.koordinator).get("/handlings", {"limit": "banyak"})

    assert set(_error(r, 422, "invalid_input")["errors"]) == {"limit"}


# --- 400, 401, 403 --------------------------------------------------------------------------------------------
def test_malformed_json_is_400(directory):
    r = Client().post(f"{V1}/track", "{not json", content_type="application/json")

    _error(r, 400, "bad_request")


def test_missing_credentials_is_401(directory):
    r = Client().get(f"{V1}/handlings")

    _error(r, 401, "unauthenticated")
    assert r["WWW-Authenticate"] == "Bearer"


def test_not_permitted_is_403(directory, api_as, file_complaint):
    filed = file_complaint()
    h = open_handling(api_as(directory.koordinator), filed.id, "koordinator-kotabaru")

    r = api_as(directory.viewer).post(f"/handlings/{h['id']}/comments", {"text": "Boleh?"})

    _error(r, 403, "not_permitted")


# --- 404, 405 -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/v1/tidak-ada", "/api/tidak-ada", "/api/v2/complaints", "/api/"])
def test_unknown_api_route_is_json_404(db, path):
    _error(Client().get(path), 404, "not_found")


def test_wrong_method_is_json_405(db):
    r = Client().get(f"{V1}/track")

    _error(r, 405, "method_not_allowed")
    assert "POST" in r["Allow"]


def test_wrong_code_or_secret_is_the_same_404(directory, public_api, file_complaint):
    filed = file_complaint()

    wrong_secret = public_api.post("/track", {"tracking_code": filed.code, "secret": "AAAA-AAAA-AA"})
    wrong_code = public_api.post("/track", {"tracking_code": "KTB-2222-22", "secret": filed.secret})
    reply = public_api.post("/track/reply", {"tracking_code": filed.code, "secret": "x", "message": "Halo"})

    assert _error(wrong_secret, 404, "not_found") == _error(wrong_code, 404, "not_found")
    _error(reply, 404, "not_found")


def test_missing_complaint_is_404(directory, api_as):
    _error(api_as(directory.koordinator).get("/complaints/999999"), 404, "not_found")
    _error(api_as(directory.koordinator).get("/complaints/999999/identity"), 404, "not_found")


# --- 409 ------------------------------------------------------------------------------------------------------
def test_stale_version_is_409_and_writes_nothing(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")
    coordinator.post(f"/handlings/{h['id']}/comments", {"text": "versi tidak berubah oleh catatan"})
    assign = coordinator.post(f"/handlings/{h['id']}/assign", {"assignee_id": directory.koordinator.pk})
    assert assign.json()["version"] > h["version"]
    before = _counts()

    r = coordinator.post(
        f"/handlings/{h['id']}/transitions",
        {"transition": "tunda", "data": {"kekurangan": "Lokasi?"}, "expected_version": h["version"]},
    )

    _error(r, 409, "conflict")
    assert _counts() == before
    assert open_handling(coordinator, filed.id, "koordinator-kotabaru")["state"] == "menunggu_verifikasi"


def test_transition_from_the_wrong_state_is_409(directory, api_as, file_complaint):
    filed = file_complaint()
    coordinator = api_as(directory.koordinator)
    h = open_handling(coordinator, filed.id, "koordinator-kotabaru")

    r = coordinator.post(
        f"/handlings/{h['id']}/transitions", {"transition": "jawab", "data": {"jawaban": "x"}}
    )
    unknown = coordinator.post(f"/handlings/{h['id']}/transitions", {"transition": "terbang", "data": {}})

    _error(r, 409, "transition_not_allowed")
    _error(unknown, 409, "transition_not_allowed")


def test_accepting_before_an_answer_and_rating_an_open_complaint_are_409(
    directory, public_api, file_complaint
):
    filed = file_complaint()

    _error(public_api.post("/track/reply", {**filed.keys, "accept": True}), 409, "conflict")
    _error(public_api.post("/track/rate", {**filed.keys, "rating": 4}), 409, "conflict")


# --- 429 ------------------------------------------------------------------------------------------------------
@pytest.fixture
def ratelimited(settings):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield settings
    cache.clear()


def test_tracking_is_rate_limited_per_address(directory, ratelimited, file_complaint):
    filed = file_complaint()
    ratelimited.TUNTAS_RATE_TRACK = "3/m"
    api, other = Api(), Api(client=Client(REMOTE_ADDR="10.0.0.9"))
    wrong = {"tracking_code": filed.code, "secret": "AAAA-AAAA-AA"}

    statuses = [api.post("/track", wrong).status_code for _ in range(3)]
    limited = api.post("/track", filed.keys)

    assert statuses == [404, 404, 404]
    _error(limited, 429, "rate_limited")
    assert other.post("/track", filed.keys).status_code == 200


def test_submitting_is_rate_limited_even_for_malformed_requests(directory, ratelimited):
    ratelimited.TUNTAS_RATE_SUBMIT = "2/h"
    api = Api()

    first = api.post("/complaints", complaint_body())
    second = api.post("/complaints", {"title": 1})
    third = api.post("/complaints", complaint_body())

    assert (first.status_code, second.status_code) == (201, 422)
    _error(third, 429, "rate_limited")
    assert Complaint.objects.count() == 1


def test_rate_limit_is_off_when_disabled(directory, settings):
    settings.RATELIMIT_ENABLE = False
    settings.TUNTAS_RATE_TRACK = "1/m"
    cache.clear()

    statuses = [Api().post("/track", {"tracking_code": "x", "secret": "y"}).status_code for _ in range(3)]

    assert statuses == [404, 404, 404]


# --- OpenAPI ---------------------------------------------------------------------------------------------------
def test_openapi_lists_the_endpoints(db):
    r = Client().get(f"{V1}/openapi.json")

    assert r.status_code == 200
    spec = r.json()
    assert spec["info"]["version"] == "1"
    paths = set(spec["paths"])
    assert {
        "/api/v1/complaints",
        "/api/v1/track",
        "/api/v1/track/reply",
        "/api/v1/track/rate",
        "/api/v1/track/withdraw",
        "/api/v1/categories",
        "/api/v1/regions",
        "/api/v1/organisations",
        "/api/v1/handlings",
        "/api/v1/complaints/{complaint_id}",
        "/api/v1/complaints/{complaint_id}/identity",
        "/api/v1/handlings/{handling_id}/transitions",
        "/api/v1/handlings/{handling_id}/comments",
        "/api/v1/handlings/{handling_id}/assign",
    } <= paths
    assert spec["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert spec["paths"]["/api/v1/handlings"]["get"]["security"] == [{"TokenAuth": []}, {"SessionAuth": []}]
    assert "security" not in spec["paths"]["/api/v1/track"]["post"]
    # the tracking secret travels in the body only
    assert spec["paths"]["/api/v1/track"]["post"]["parameters"] == []
    assert spec["paths"]["/api/v1/track"]["post"]["operationId"] == "track"


def test_docs_are_served_locally_without_a_cdn(db):
    client = Client()

    redirect = client.get("/api/docs")
    page = client.get(f"{V1}/docs")
    html = page.content.decode()

    assert redirect.status_code == 302 and redirect["Location"] == f"{V1}/docs"
    assert page.status_code == 200
    assert "cdn" not in html.lower() and "/api/v1/openapi.json" in html
    assert client.get(f"{V1}/docs/assets/swagger-ui-bundle.js").status_code == 200
    _error(client.get(f"{V1}/docs/assets/secrets.py"), 404, "not_found")


def test_oversized_body_is_413(directory, public_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    before = _counts()

    r = public_api.post("/complaints", complaint_body(description="x" * 5_000))

    _error(r, 413, "too_large")
    assert _counts() == before


def test_the_openapi_document_declares_the_sizes_the_service_enforces(directory, public_api):
    from tuntas.complaints import limits

    schema = Client().get(f"{V1}/openapi.json").json()["components"]["schemas"]
    assert schema["ComplaintIn"]["properties"]["title"]["maxLength"] == limits.TITLE_MAX
    assert schema["ComplaintIn"]["properties"]["description"]["maxLength"] == limits.DESCRIPTION_MAX
    assert schema["ReporterIn"]["properties"]["name"]["maxLength"] == limits.NAME_MAX
    # ... and a body over the declared size is refused by the schema, naming the field, writing nothing.
    before = _counts()
    r = public_api.post("/complaints", complaint_body(description="x" * (limits.DESCRIPTION_MAX + 1)))
    assert "description" in _error(r, 422, "invalid_input")["errors"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/track", {"tracking_code": "KTB-\x00", "secret": "X"}, "tracking_code"),
        ("/track/rate", {"tracking_code": "K", "secret": "S", "rating": 3, "comment": "baik\x00"}, "comment"),
    ],
)
def test_a_nul_character_is_a_422_naming_the_field_not_a_server_error(
    directory, public_api, path, body, field
):
    # PostgreSQL refuses NUL in text outright: without the check this was a 500 there (found by test_fuzz).
    body = _error(public_api.post(path, body), 422, "invalid_input")
    assert field in body["errors"]


def test_a_nul_character_in_a_query_parameter_is_a_422(directory, api_as):
    staff = api_as(directory.koordinator)
    r = staff.client.get(V1 + "/handlings", {"q": "jalan\x00"}, headers=staff.headers)
    assert "q" in _error(r, 422, "invalid_input")["errors"]
