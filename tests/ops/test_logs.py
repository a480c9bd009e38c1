"""Structured logs: one JSON line per request and per job with request id, user id and timing, and never
a reporter's identity."""

import io
import json
import logging

import pytest
from django.test import Client

from tests.web.conftest import form_data
from tuntas.complaints.models import Complaint
from tuntas.notify.models import OutboxMessage
from tuntas.ops.logs import ContextFilter, IdentityScrubFilter, JsonFormatter, logging_config

SENTINEL = {
    "name": "Zulkarnain Sentinelnama",
    "email": "sentinel.pelapor@contoh.id",
    "phone": "081377712345",
    "nik": "6302069999990001",
    "address": "Jl. Sentinelalamat No. 7",
}
SENTINEL_STRINGS = ("Sentinelnama", "sentinel.pelapor", "081377712345", "6302069999990001", "Sentinelalamat")


@pytest.fixture
def json_log():
    """Everything logged while the test runs, formatted as production does."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    handler.addFilter(IdentityScrubFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]

    lines.text = stream.getvalue  # raw text too, for the sentinel search
    yield lines
    root.removeHandler(handler)
    root.setLevel(old_level)


def _requests(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "tuntas.request"]


def test_one_json_line_per_request_with_id_user_and_timing(json_log, directory):
    client = Client()
    client.force_login(directory.koordinator)
    response = client.get("/console/")
    [line] = _requests(json_log())
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) == 32
    assert line["user_id"] == directory.koordinator.pk
    assert line["view"] == "console:inbox" and line["status"] == 200 and line["method"] == "GET"
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["level"] == "INFO" and "time" in line


def test_anonymous_requests_log_no_user(json_log, db):
    Client().get("/")
    assert _requests(json_log())[0]["user_id"] is None


def test_the_query_string_is_not_logged(json_log, db):
    Client().get("/lacak/?kode=KTB-AAAA-BB&rahasia=sangat-rahasia-123")
    text = json_log.text()
    assert "sangat-rahasia-123" not in text
    assert _requests(json_log())[0]["path"] == "/lacak/"


@pytest.mark.parametrize(
    "incoming, kept", [("a1b2c3d4e5f60718293a4b5c6d7e8f90", True), ("bad id\n{}", False)]
)
def test_an_incoming_request_id_is_kept_only_when_sane(json_log, db, incoming, kept):
    response = Client().get("/", HTTP_X_REQUEST_ID=incoming)
    assert (response["X-Request-ID"] == incoming) is kept
    assert _requests(json_log())[0]["request_id"] == response["X-Request-ID"]


def test_logs_of_a_complaint_journey_carry_no_identity(
    json_log, directory, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):  # the worker's jobs run (huey is immediate)
        response = client.post("/lapor/", form_data(**SENTINEL))
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert OutboxMessage.objects.filter(recipient=SENTINEL["email"]).exists()
    staff = Client()
    staff.force_login(directory.koordinator)
    staff.get(f"/console/pengaduan/{complaint.pk}/")
    staff.post(f"/console/pengaduan/{complaint.pk}/identitas/")
    staff.get(f"/console/pengaduan/{complaint.pk}/identitas/")
    lines = json_log()
    assert len(_requests(lines)) >= 4
    jobs = [line for line in lines if line["logger"] == "tuntas.job"]
    assert jobs and jobs[0]["outcome"] == "ok" and jobs[0]["request_id"].startswith("job-")
    assert "duration_ms" in jobs[0] and jobs[0]["task"]
    text = json_log.text()
    for sentinel in SENTINEL_STRINGS:
        assert sentinel not in text


def test_identity_in_a_message_or_traceback_is_masked(json_log):
    log = logging.getLogger("tuntas.somewhere")
    log.warning("kirim ke %s / %s / NIK %s", SENTINEL["email"], "+62 813-7771-2345", SENTINEL["nik"])
    try:
        raise ValueError(f"alamat {SENTINEL['email']} ditolak")
    except ValueError:
        log.exception("gagal")
    text = json_log.text()
    assert "sentinel.pelapor" not in text and "7771" not in text and SENTINEL["nik"] not in text
    assert "[email]" in text and "[telepon]" in text and "[nik]" in text


def test_development_logs_are_plain_text_with_the_request_id():
    config = logging_config(json=False, level="INFO")
    assert config["handlers"]["console"]["formatter"] == "text"
    formatter = logging.Formatter(config["formatters"]["text"]["format"])
    record = logging.LogRecord("tuntas.request", logging.INFO, __file__, 1, "GET / 200", None, None)
    ContextFilter().filter(record)
    assert formatter.format(record).endswith("tuntas.request [-] GET / 200")


def test_server_error_page_shows_the_request_id(json_log, db, settings):
    settings.ROOT_URLCONF = "tests.ops.urls_failing"
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    rid = response["X-Request-ID"]
    assert f'<code translate="no" data-request-id>{rid}</code>' in response.content.decode()
    errors = [line for line in json_log() if line["logger"] == "django.request"]
    assert errors and errors[0]["request_id"] == rid
    assert "sentinel.boom" not in json_log.text()  # the exception's text is masked too


def test_not_found_page_shows_the_request_id(db):
    response = Client().get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert response["X-Request-ID"] in response.content.decode()
