"""`tuntas doctor` on a well-configured deployment and on each deliberate misconfiguration."""

import datetime as dt
import http.server
import io
import json
import os
import threading

import pytest
from django.core import mail
from django.core.management import call_command

from tuntas.core import clock
from tuntas.core.models import Holiday
from tuntas.notify.models import OutboxMessage
from tuntas.ops import heartbeat
from tuntas.workflows.models import WorkflowDefinition

GOOD_KEY = "k7R-" + "x9Qm2Lp8Vt4Wn6Zb3Hc5Jd7Fg1Ks0Ya" * 2


def _doctor(*args: str) -> tuple[int, list[dict]]:
    out = io.StringIO()
    try:
        call_command("doctor", "--json", *args, stdout=out)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, json.loads(out.getvalue())


def _levels(findings: list[dict], check: str) -> list[str]:
    return [f["level"] for f in findings if f["check"] == check]


def _finding(findings: list[dict], check: str, level: str) -> dict:
    matches = [f for f in findings if f["check"] == check and f["level"] == level]
    assert matches, f"no {level} finding for {check}: {[f for f in findings if f['check'] == check]}"
    return matches[0]


@pytest.fixture
def healthy(directory, settings, tmp_path):
    """A deployment with nothing wrong: production settings, data loaded, the worker beating."""
    # The browser tests' Playwright loop sets DJANGO_ALLOW_ASYNC_UNSAFE for the rest of the worker's session
    # (the ORM needs it while that loop runs, so it cannot be unset here); Django's deploy check rightly calls
    # it an error, and a production environment does not have it: silenced, as a deployment could silence it.
    settings.SILENCED_SYSTEM_CHECKS = [*settings.SILENCED_SYSTEM_CHECKS, "async.E001"]
    settings.DEBUG = False
    settings.DEMO = False
    settings.SECRET_KEY = GOOD_KEY
    settings.ALLOWED_HOSTS = ["lapor.kotabarukab.go.id"]
    settings.TUNTAS_SITE_URL = "https://lapor.kotabarukab.go.id"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "smtp.kotabarukab.go.id"
    settings.DEFAULT_FROM_EMAIL = "lapor@kotabarukab.go.id"
    settings.TUNTAS_SMS_GATEWAY_URL = "https://sms.example.id/send"
    settings.TUNTAS_SMS_GATEWAY_TOKEN = "gateway-token"
    settings.TIME_ZONE = "Asia/Makassar"
    settings.VAR_DIR = tmp_path
    settings.TUNTAS_DISK_MIN_FREE_MB = 1
    media = tmp_path / "media"
    media.mkdir(mode=0o750, exist_ok=True)
    os.chmod(media, 0o750)
    settings.MEDIA_ROOT = media
    year = clock.today().year
    for y in (year, year + 1):
        Holiday.objects.create(date=dt.date(y, 1, 1), name="Tahun Baru", kind="nasional")
        Holiday.objects.create(date=dt.date(y, 12, 24), name="Cuti bersama Natal", kind="cuti_bersama")
    heartbeat.heartbeat_record()
    return settings


def test_a_healthy_deployment_passes(healthy):
    code, findings = _doctor()
    problems = [f for f in findings if f["level"] != "ok"]
    assert problems == []
    assert code == 0
    assert {f["check"] for f in findings} >= {
        "debug",
        "secret_key",
        "allowed_hosts",
        "https_cookies",
        "check_deploy",
        "site_url",
        "email",
        "sms",
        "migrations",
        "holidays",
        "cuti_bersama",
        "sops",
        "regions",
        "time_zone",
        "worker",
        "outbox",
        "disk",
        "media",
    }


def test_text_output_prints_what_to_do_and_exits_non_zero(healthy):
    healthy.DEBUG = True
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("doctor", stdout=out, no_color=True)
    assert exit_.value.code == 1
    text = out.getvalue()
    assert "[SALAH ] debug: DEBUG aktif" in text
    assert "-> Hapus TUNTAS_DEBUG" in text
    assert "1 salah, 0 perlu perhatian" in text


def test_strict_fails_on_warnings(healthy):
    healthy.TUNTAS_SMS_GATEWAY_URL = ""
    assert _doctor()[0] == 0
    assert _doctor("--strict")[0] == 1


@pytest.mark.parametrize(
    "changes, check, level, action_mentions",
    [
        ({"DEBUG": True}, "debug", "error", "TUNTAS_DEBUG"),
        ({"DEMO": True}, "demo", "warning", "TUNTAS_DEMO=0"),
        (
            {"SECRET_KEY": "insecure-development-key-do-not-use-in-production"},
            "secret_key",
            "error",
            "secrets",
        ),
        ({"SECRET_KEY": "short"}, "secret_key", "error", "secrets"),
        ({"ALLOWED_HOSTS": ["*"]}, "allowed_hosts", "error", "TUNTAS_ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": ["localhost", "127.0.0.1"]}, "allowed_hosts", "warning", "TUNTAS_ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": ["other.go.id"]}, "allowed_hosts", "error", "lapor.kotabarukab.go.id"),
        ({"SESSION_COOKIE_SECURE": False}, "https_cookies", "error", "TUNTAS_SECURE_COOKIES=1"),
        ({"SECURE_SSL_REDIRECT": False}, "check_deploy", "warning", "TUNTAS_SSL_REDIRECT=1"),
        ({"SECURE_HSTS_SECONDS": 0}, "check_deploy", "warning", "TUNTAS_HSTS_SECONDS"),
        ({"TUNTAS_SITE_URL": ""}, "site_url", "error", "TUNTAS_SITE_URL"),
        ({"TUNTAS_SITE_URL": "lapor.kotabarukab.go.id"}, "site_url", "error", "https://"),
        ({"TUNTAS_SITE_URL": "http://lapor.kotabarukab.go.id"}, "site_url", "warning", "HTTPS"),
        (
            {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
            "email",
            "error",
            "--send-test-email",
        ),
        ({"DEFAULT_FROM_EMAIL": "tuntas@localhost"}, "email", "warning", "TUNTAS_FROM_EMAIL"),
        ({"TUNTAS_SMS_GATEWAY_URL": ""}, "sms", "warning", "TUNTAS_SMS_GATEWAY_URL"),
        ({"TUNTAS_SMS_GATEWAY_URL": "http://sms.example.id/send"}, "sms", "warning", "https://"),
        ({"TUNTAS_SMS_GATEWAY_TOKEN": ""}, "sms", "warning", "TUNTAS_SMS_GATEWAY_TOKEN"),
        ({"TIME_ZONE": "Asia/Jakarta"}, "time_zone", "error", "TUNTAS_TIME_ZONE=Asia/Makassar"),
        ({"TIME_ZONE": "Asia/Jayapura"}, "time_zone", "error", "TUNTAS_TIME_ZONE=Asia/Makassar"),
        ({"TUNTAS_DISK_MIN_FREE_MB": 10**9}, "disk", "error", "disk"),
    ],
)
def test_each_misconfigured_setting_is_a_finding(healthy, changes, check, level, action_mentions):
    for name, value in changes.items():
        setattr(healthy, name, value)
    code, findings = _doctor()
    finding = _finding(findings, check, level)
    assert action_mentions in finding["action"]
    assert code == (1 if level == "error" else 0)


def test_missing_holidays_of_this_year_are_an_error(healthy):
    Holiday.objects.filter(date__year=clock.today().year, kind="nasional").delete()
    code, findings = _doctor()
    assert f"load_holidays {clock.today().year}" in _finding(findings, "holidays", "error")["action"]
    assert code == 1


def test_missing_cuti_bersama_this_year_is_an_error_next_year_a_warning(healthy):
    year = clock.today().year
    Holiday.objects.filter(date__year=year + 1, kind="cuti_bersama").delete()
    code, findings = _doctor()
    assert str(year + 1) in _finding(findings, "cuti_bersama", "warning")["message"]
    assert code == 0
    Holiday.objects.filter(date__year=year, kind="cuti_bersama").delete()
    code, findings = _doctor()
    assert str(year) in _finding(findings, "cuti_bersama", "error")["message"]
    assert code == 1


def test_no_sop_loaded_is_an_error(healthy):
    WorkflowDefinition.objects.update(is_active=False)
    code, findings = _doctor()
    assert "load_workflows" in _finding(findings, "sops", "error")["action"]
    assert code == 1


def test_an_invalid_stored_sop_is_named(healthy):
    sop = WorkflowDefinition.objects.filter(is_active=True).first()
    WorkflowDefinition.objects.filter(pk=sop.pk).update(source="slug: [broken")
    _code, findings = _doctor()
    assert sop.slug in _finding(findings, "sops", "error")["message"]


def test_an_sop_edited_away_from_its_shipped_file_is_a_warning(healthy):
    sop = WorkflowDefinition.objects.filter(is_active=True).first()
    WorkflowDefinition.objects.filter(pk=sop.pk).update(source=sop.source + "\n# edited\n")
    code, findings = _doctor()
    assert "load_workflows" in _finding(findings, "sops", "warning")["action"]
    assert code == 0


def test_no_regions_is_an_error(healthy):
    from tuntas.directory.models import Organisation, Region

    Organisation.objects.update(region=None)
    Region.objects.all().delete()
    code, findings = _doctor()
    assert "load_regions" in _finding(findings, "regions", "error")["action"]
    assert code == 1


def test_a_silent_worker_is_an_error(healthy):
    from tuntas.ops.models import Heartbeat

    Heartbeat.objects.update(seen_at=clock.now() - dt.timedelta(minutes=30))
    code, findings = _doctor()
    assert "30 menit" in _finding(findings, "worker", "error")["message"]
    assert "tuntas-worker" in _finding(findings, "worker", "error")["action"]
    assert code == 1


def test_a_late_backlog_and_failures_are_warnings(healthy):
    old = clock.now() - dt.timedelta(hours=1)
    for status in ("pending", "failed"):
        OutboxMessage.objects.create(
            channel="email",
            recipient="a@example.org",
            template="t",
            body="b",
            created_at=old,
            next_attempt_at=old,
            status=status,
        )
    code, findings = _doctor()
    outbox = [f for f in findings if f["check"] == "outbox"]
    assert [f["level"] for f in outbox] == ["warning", "warning"]
    assert all("/console/pengiriman/" in f["action"] for f in outbox)
    assert code == 0


def test_media_inside_the_static_root_is_an_error(healthy, tmp_path):
    healthy.STATIC_ROOT = tmp_path
    _code, findings = _doctor()
    assert "TUNTAS_MEDIA_ROOT" in _finding(findings, "media", "error")["action"]


def test_media_readable_by_everyone_is_a_warning(healthy):
    os.chmod(healthy.MEDIA_ROOT, 0o755)
    _code, findings = _doctor()
    assert "chmod o-rwx" in _finding(findings, "media", "warning")["action"]


def test_media_served_by_a_url_route_is_an_error(healthy):
    healthy.MEDIA_URL = "/media/"
    healthy.ROOT_URLCONF = "tests.ops.urls_serving_media"
    _code, findings = _doctor()
    assert _levels(findings, "media") == ["error"]


def test_pending_migrations_are_an_error(healthy, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    real = MigrationExecutor.migration_plan

    def one_pending(self, targets, clean_start=False):
        leaf = self.loader.graph.leaf_nodes()[0]
        return [(self.loader.graph.nodes[leaf], False), *real(self, targets, clean_start)]

    monkeypatch.setattr(MigrationExecutor, "migration_plan", one_pending)
    code, findings = _doctor()
    assert "tuntas migrate" in _finding(findings, "migrations", "error")["action"]
    assert code == 1


def test_send_test_email_goes_through_the_configured_backend(healthy):
    healthy.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _code, findings = _doctor("--send-test-email", "admin@kotabarukab.go.id")
    assert _levels(findings, "send_test_email") == ["ok"]
    assert mail.outbox[0].to == ["admin@kotabarukab.go.id"]
    assert OutboxMessage.objects.count() == 0  # a test send leaves nothing behind


class _Gateway(http.server.BaseHTTPRequestHandler):
    status = 200
    received: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.headers["Authorization"], json.loads(body)))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    _Gateway.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Gateway)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.mark.parametrize("status, level", [(200, "ok"), (401, "error")])
def test_send_test_sms_posts_to_the_gateway(healthy, gateway, status, level):
    _Gateway.status = status
    healthy.TUNTAS_SMS_GATEWAY_URL = f"http://127.0.0.1:{gateway.server_port}/send"
    code, findings = _doctor("--send-test-sms", "081234567890")
    assert _levels(findings, "send_test_sms") == [level]
    auth, payload = _Gateway.received[0]
    assert auth == "Bearer gateway-token" and payload["to"] == "081234567890"
    assert code == (1 if level == "error" else 0)
