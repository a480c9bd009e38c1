"""Settings checks: debug, secret key, hosts, HTTPS, Django's deployment checks, site URL, email, SMS."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks as django_checks
from django.utils.translation import gettext as _

from tuntas.ops.doctor.base import Finding, error, ok, warning

INSECURE_KEY = "insecure-development-key-do-not-use-in-production"
KEY_HINT = 'python -c "import secrets; print(secrets.token_urlsafe(50))"'
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Backends that never reach a mailbox: they print, keep in memory, write files or drop.
NON_SENDING_EMAIL = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
# Django deployment checks that the doctor's own checks already explain with the TUNTAS_* variable to set.
COVERED_DEPLOY_CHECKS = {"security.W009", "security.W012", "security.W016", "security.W018", "security.W020"}


def _deploy_action(check_id: str) -> str | None:
    """What to set for Django deployment warnings whose own hint names a Django setting, not our variable."""
    return {
        "security.W004": _(
            "Setelah seluruh situs berjalan di HTTPS, set TUNTAS_HSTS_SECONDS=31536000 (situs nginx dari deploy/ "
            "juga mengirim HSTS)."
        ),
        "security.W008": _(
            "Set TUNTAS_SSL_REDIRECT=1 dan TUNTAS_BEHIND_HTTPS_PROXY=1 di belakang nginx (yang juga mengalihkan "
            "http ke https)."
        ),
    }.get(check_id)


def debug() -> Iterator[Finding]:
    if settings.DEBUG:
        yield error(
            "debug",
            _("DEBUG aktif: halaman galat menampilkan kode, pengaturan dan data permintaan."),
            _("Hapus TUNTAS_DEBUG dari lingkungan layanan (atau set TUNTAS_DEBUG=0), lalu mulai ulang."),
        )
    else:
        yield ok("debug", _("DEBUG mati."))
    if settings.DEMO:
        yield warning(
            "demo",
            _("Mode demo aktif: akun demo dengan kata sandi yang diketahui umum dapat dibuat."),
            _("Set TUNTAS_DEMO=0 pada server produksi."),
        )


def secret_key() -> Iterator[Finding]:
    key = settings.SECRET_KEY
    if key == INSECURE_KEY:
        yield error(
            "secret_key",
            _("TUNTAS_SECRET_KEY tidak diset: kunci pengembangan yang diketahui umum dipakai."),
            _("Set TUNTAS_SECRET_KEY ke nilai acak yang panjang, misalnya dari: %(hint)s")
            % {"hint": KEY_HINT},
        )
    elif len(key) < 50 or len(set(key)) < 5:
        yield error(
            "secret_key",
            _("TUNTAS_SECRET_KEY terlalu pendek atau sederhana (perlu minimal 50 karakter acak)."),
            _("Ganti dengan nilai dari: %(hint)s (sesi yang sedang masuk akan keluar).") % {"hint": KEY_HINT},
        )
    else:
        yield ok("secret_key", _("Kunci rahasia diset."))


def allowed_hosts() -> Iterator[Finding]:
    hosts = set(settings.ALLOWED_HOSTS)
    site_host = urlsplit(settings.TUNTAS_SITE_URL).hostname if settings.TUNTAS_SITE_URL else None
    if "*" in hosts:
        yield error(
            "allowed_hosts",
            _("TUNTAS_ALLOWED_HOSTS berisi '*': permintaan dengan nama host apa pun diterima."),
            _("Set TUNTAS_ALLOWED_HOSTS ke nama situs, mis. lapor.kotabarukab.go.id."),
        )
    elif not hosts or hosts <= LOCAL_HOSTS:
        yield warning(
            "allowed_hosts",
            _("TUNTAS_ALLOWED_HOSTS hanya berisi nama lokal: permintaan melalui nama situs ditolak (400)."),
            _("Tambahkan nama situs ke TUNTAS_ALLOWED_HOSTS (dipisah koma)."),
        )
    elif site_host and not _host_allowed(site_host, hosts):
        yield error(
            "allowed_hosts",
            _("Host dari TUNTAS_SITE_URL (%(host)s) tidak ada di TUNTAS_ALLOWED_HOSTS.")
            % {"host": site_host},
            _("Tambahkan %(host)s ke TUNTAS_ALLOWED_HOSTS.") % {"host": site_host},
        )
    else:
        yield ok("allowed_hosts", _("Host yang diizinkan: %(hosts)s.") % {"hosts": ", ".join(sorted(hosts))})


def _host_allowed(host: str, allowed: set[str]) -> bool:
    return any(host == a or (a.startswith(".") and (host.endswith(a) or host == a[1:])) for a in allowed)


def https() -> Iterator[Finding]:
    if not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        yield error(
            "https_cookies",
            _("Cookie sesi dan CSRF tidak ditandai Secure: bisa terkirim lewat HTTP tanpa enkripsi."),
            _("Layani situs lewat HTTPS dan set TUNTAS_SECURE_COOKIES=1."),
        )
    else:
        yield ok("https_cookies", _("Cookie sesi dan CSRF hanya lewat HTTPS."))


def check_deploy() -> Iterator[Finding]:
    """Django's own ``check --deploy`` findings, each with Django's hint."""
    messages = [
        m
        for m in django_checks.run_checks(include_deployment_checks=True)
        if m.level >= django_checks.WARNING and m.id not in COVERED_DEPLOY_CHECKS and not m.is_silenced()
    ]
    for m in messages:
        make = error if m.level >= django_checks.ERROR else warning
        yield make(
            "check_deploy",
            f"{m.id}: {m.msg}".strip(),
            _deploy_action(m.id) or m.hint or _("Lihat dokumentasi Django untuk %(id)s.") % {"id": m.id},
        )
    if not messages:
        yield ok("check_deploy", _("manage.py check --deploy tidak menemukan masalah."))


def site_url() -> Iterator[Finding]:
    url = settings.TUNTAS_SITE_URL
    parts = urlsplit(url)
    if not url:
        yield error(
            "site_url",
            _(
                "TUNTAS_SITE_URL kosong: tautan di pesan yang ditulis pekerja latar (tenggat, ringkasan harian) "
                "hanya jalur, tanpa alamat situs."
            ),
            _("Set TUNTAS_SITE_URL ke alamat publik, mis. https://lapor.kotabarukab.go.id."),
        )
    elif parts.scheme not in ("http", "https") or not parts.hostname:
        yield error(
            "site_url",
            _("TUNTAS_SITE_URL (%(url)s) bukan alamat web yang sah.") % {"url": url},
            _("Tulis lengkap dengan skema, mis. https://lapor.kotabarukab.go.id."),
        )
    elif parts.scheme != "https":
        yield warning(
            "site_url",
            _("TUNTAS_SITE_URL memakai http://: tautan di email membuka situs tanpa enkripsi."),
            _("Layani situs lewat HTTPS dan ubah TUNTAS_SITE_URL ke https://."),
        )
    else:
        yield ok("site_url", _("Alamat situs: %(url)s.") % {"url": url})


def email() -> Iterator[Finding]:
    backend = settings.EMAIL_BACKEND
    if backend in NON_SENDING_EMAIL:
        yield error(
            "email",
            _("Email tidak benar-benar dikirim (backend %(backend)s).")
            % {"backend": backend.rsplit(".", 2)[-2]},
            _(
                "Set TUNTAS_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend dengan TUNTAS_EMAIL_HOST, "
                "TUNTAS_EMAIL_PORT (dan TUNTAS_EMAIL_USER, TUNTAS_EMAIL_PASSWORD, TUNTAS_EMAIL_TLS bila perlu); "
                "uji dengan tuntas doctor --send-test-email ALAMAT."
            ),
        )
        return
    if settings.DEFAULT_FROM_EMAIL.endswith("@localhost"):
        yield warning(
            "email",
            _("Alamat pengirim %(sender)s akan ditolak banyak server email.")
            % {"sender": settings.DEFAULT_FROM_EMAIL},
            _("Set TUNTAS_FROM_EMAIL ke alamat di domain instansi."),
        )
    else:
        yield ok(
            "email",
            _("Email dikirim lewat %(host)s:%(port)s.")
            % {"host": settings.EMAIL_HOST, "port": settings.EMAIL_PORT},
        )


def sms() -> Iterator[Finding]:
    url = settings.TUNTAS_SMS_GATEWAY_URL
    if not url:
        yield warning(
            "sms",
            _(
                "Gateway SMS/WhatsApp belum diset: pelapor yang hanya memberi nomor telepon tidak menerima kabar."
            ),
            _(
                "Set TUNTAS_SMS_GATEWAY_URL dan TUNTAS_SMS_GATEWAY_TOKEN; uji dengan tuntas doctor --send-test-sms NOMOR."
            ),
        )
    elif not url.startswith("https://"):
        yield warning(
            "sms",
            _("TUNTAS_SMS_GATEWAY_URL tidak memakai https://: isi pesan dan token terkirim tanpa enkripsi."),
            _("Pakai alamat https:// gateway."),
        )
    elif not settings.TUNTAS_SMS_GATEWAY_TOKEN:
        yield warning(
            "sms",
            _("TUNTAS_SMS_GATEWAY_TOKEN kosong: gateway dipanggil tanpa otorisasi."),
            _("Set TUNTAS_SMS_GATEWAY_TOKEN ke token dari penyedia gateway."),
        )
    else:
        yield ok("sms", _("Gateway SMS/WhatsApp diset."))


CHECKS = [
    ("debug", debug),
    ("secret_key", secret_key),
    ("allowed_hosts", allowed_hosts),
    ("https_cookies", https),
    ("check_deploy", check_deploy),
    ("site_url", site_url),
    ("email", email),
    ("sms", sms),
]
