"""One settings module, configured by environment variables (TUNTAS_* and DATABASE_URL).

Defaults are for the embedded deployment: SQLite in WAL mode under ``var/``, nothing else needed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("TUNTAS_PROJECT_DIR", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("TUNTAS_VAR_DIR", PROJECT_DIR / "var"))


def _bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _bool("TUNTAS_DEBUG", False)
DEMO = _bool("TUNTAS_DEMO", False)
SECRET_KEY = os.environ.get("TUNTAS_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO or os.environ.get("TUNTAS_TESTING") or "pytest" in sys.modules):
        raise RuntimeError("TUNTAS_SECRET_KEY must be set outside demo/debug mode")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = [h for h in os.environ.get("TUNTAS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("TUNTAS_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "huey.contrib.djhuey",
    "tuntas.core",
    "tuntas.directory",
    "tuntas.workflows",
    "tuntas.complaints",
    "tuntas.sla",
    "tuntas.notify",
    "tuntas.standards",
    "tuntas.clarifications",
    "tuntas.surveys",
    "tuntas.compliance",
    "tuntas.villages",
    "tuntas.cooperation",
    "tuntas.triage",
    "tuntas.followup",
    "tuntas.audit",
    "tuntas.insights",
    "tuntas.interop",
    "tuntas.channels",
    "tuntas.jobs",
    "tuntas.api",
    "tuntas.web",
    "tuntas.demo",
    "tuntas.ops",
]

MIDDLEWARE = [
    "tuntas.ops.health.ProbeMiddleware",  # /healthz, /readyz: before host checks, HTTPS redirect and logs
    "tuntas.ops.middleware.RequestMiddleware",  # request id, timing, metrics, one log line per request
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the session passed the second step
    "tuntas.audit.two_factor.TwoFactorMiddleware",  # the console and admin wait for that step (two_factor.py)
    "tuntas.audit.services.AuditRequestMiddleware",  # who changed a role in the admin, for the audit log
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "tuntas.urls"
WSGI_APPLICATION = "tuntas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "tuntas.web.context.site",
                "tuntas.ops.context.request_id",
            ],
        },
    }
]

# --- database -------------------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("TUNTAS_SQLITE_PATH", str(VAR_DIR / "tuntas.sqlite3")),
            "OPTIONS": {
                # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at BEGIN so
                # two writers queue instead of failing with "database is locked" halfway through.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "directory.User"

CACHES = {
    "default": {
        "BACKEND": os.environ.get("TUNTAS_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("TUNTAS_CACHE_LOCATION", "tuntas"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "console:login"
LOGIN_REDIRECT_URL = "console:inbox"
LOGOUT_REDIRECT_URL = "portal:home"

# --- i18n -----------------------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TUNTAS_TIME_ZONE", "Asia/Makassar")

# --- static & media -------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("TUNTAS_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("TUNTAS_MEDIA_ROOT", VAR_DIR / "media"))
# `tuntas backup` writes its archives here (tuntas.ops.backup).
TUNTAS_BACKUP_DIR = Path(os.environ.get("TUNTAS_BACKUP_DIR", VAR_DIR / "backups"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
with contextlib.suppress(OSError):  # whitenoise warns about a missing STATIC_ROOT before collectstatic
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG

# --- security -------------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _bool("TUNTAS_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A staff session ends this many hours after signing in (a working day; no write per request to slide it),
# and earlier when the browser closes, as on a shared computer in a kantor desa or a warnet.
SESSION_COOKIE_AGE = int(float(os.environ.get("TUNTAS_SESSION_HOURS", "8")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
# Sent on every response (tuntas.ops.middleware): the browser features no page needs are switched off;
# geolocation only for our own pages (the location picker's "use my position").
PERMISSIONS_POLICY = "camera=(), microphone=(), payment=(), usb=(), geolocation=(self)"
# Behind nginx terminating HTTPS (deploy/nginx/tuntas.conf sets X-Forwarded-Proto): lets Django know the
# request was secure. Only set it when the proxy always overwrites that header.
if _bool("TUNTAS_BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _bool("TUNTAS_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("TUNTAS_HSTS_SECONDS", "0"))
# Deliberately off, so `check --deploy` need not warn: a regency's other subdomains (*.kotabarukab.go.id)
# are not ours to force onto HTTPS, and the preload list is hard to leave.
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
RATELIMIT_ENABLE = _bool("TUNTAS_RATELIMIT", True)
RATELIMIT_VIEW = "tuntas.web.errors.ratelimited"
CSRF_FAILURE_VIEW = (
    "tuntas.web.errors.csrf_failure"  # "the form expired, reload it", not Django's English page
)
# Behind a reverse proxy, name the header that carries the client address (e.g. HTTP_X_REAL_IP), or every
# client shares the proxy's limit.
RATELIMIT_IP_META_KEY = os.environ.get("TUNTAS_CLIENT_IP_HEADER") or None
# Public submission and tracking lookups per client address.
# Only complaints actually stored count toward TUNTAS_RATE_SUBMIT; every POST of the form (invalid ones too)
# counts toward the generous TUNTAS_RATE_SUBMIT_ATTEMPTS (web/portal/guard.py).
TUNTAS_RATE_SUBMIT = os.environ.get("TUNTAS_RATE_SUBMIT", "10/h")
TUNTAS_RATE_SUBMIT_ATTEMPTS = os.environ.get("TUNTAS_RATE_SUBMIT_ATTEMPTS", "120/h")
# A complaint form sent sooner than this after it was shown is taken for a robot (0 under the test runner).
TUNTAS_SUBMIT_MIN_SECONDS = int(
    os.environ.get("TUNTAS_SUBMIT_MIN_SECONDS", "0" if "pytest" in sys.modules else "3")
)
TUNTAS_RATE_TRACK = os.environ.get("TUNTAS_RATE_TRACK", "30/m")
# Console sign-in attempts (and password changes) per client address; password reset requests per address.
TUNTAS_RATE_LOGIN = os.environ.get("TUNTAS_RATE_LOGIN", "10/m")
TUNTAS_RATE_PASSWORD_RESET = os.environ.get("TUNTAS_RATE_PASSWORD_RESET", "5/h")
# A reset link works once, for this long (Django's default is 3 days; the link sits in the outbox meanwhile).
PASSWORD_RESET_TIMEOUT = int(float(os.environ.get("TUNTAS_PASSWORD_RESET_HOURS", "2")) * 3600)
# Failed secrets per tracking code, from any address, before that code is refused until the window ends.
TUNTAS_TRACK_GUESSES_PER_CODE = int(os.environ.get("TUNTAS_TRACK_GUESSES_PER_CODE", "10"))
TUNTAS_TRACK_GUESS_MINUTES = int(os.environ.get("TUNTAS_TRACK_GUESS_MINUTES", "60"))
TUNTAS_RATE_SURVEY = os.environ.get("TUNTAS_RATE_SURVEY", "20/h")  # survey answers per client address
# A browser that answered a survey is not asked again for this long (a soft guard, not a lock).
TUNTAS_SURVEY_REPEAT_HOURS = int(os.environ.get("TUNTAS_SURVEY_REPEAT_HOURS", "24"))
# Results of fewer respondents carry a note that the index is not yet reliable.
TUNTAS_SURVEY_MIN_RESPONDENTS = int(os.environ.get("TUNTAS_SURVEY_MIN_RESPONDENTS", "30"))
# Working days a unit has to follow up a recommendation when its finding names no other deadline.
TUNTAS_FOLLOWUP_DAYS = int(os.environ.get("TUNTAS_FOLLOWUP_DAYS", "60"))
# Open311 GeoReport v2 (tuntas.interop): reads / filings per client address, and the jurisdiction_id.
TUNTAS_RATE_OPEN311 = os.environ.get("TUNTAS_RATE_OPEN311", "120/m")
TUNTAS_RATE_OPEN311_POST = os.environ.get("TUNTAS_RATE_OPEN311_POST", "20/h")
# Downloads of the open datasets (/data/*.csv, *.json) per client address; harvesters fetch a few a day.
TUNTAS_RATE_OPEN_DATA = os.environ.get("TUNTAS_RATE_OPEN_DATA", "30/m")
TUNTAS_OPEN311_JURISDICTION = os.environ.get("TUNTAS_OPEN311_JURISDICTION", "tuntas")

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
TUNTAS_MAX_ATTACHMENTS = 5
TUNTAS_MAX_ATTACHMENT_BYTES = int(os.environ.get("TUNTAS_MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024))

# --- mail -----------------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("TUNTAS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("TUNTAS_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("TUNTAS_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("TUNTAS_FROM_EMAIL", "tuntas@localhost")
EMAIL_HOST_USER = os.environ.get("TUNTAS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TUNTAS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _bool("TUNTAS_EMAIL_TLS", False)  # STARTTLS, usually port 587
EMAIL_USE_SSL = _bool("TUNTAS_EMAIL_SSL", False)  # implicit TLS, usually port 465

# --- background tasks (huey) and notification delivery ----------------------------------------------------
# Embedded default: a SQLite file under var/ (also when the database is PostgreSQL), no broker to run. With
# TUNTAS_HUEY_REDIS_URL, Redis. `tuntas run_huey` is the worker. Tests run tasks in-process (immediate).
TUNTAS_HUEY_REDIS_URL = os.environ.get("TUNTAS_HUEY_REDIS_URL", "")
if TUNTAS_HUEY_REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "url": TUNTAS_HUEY_REDIS_URL}
else:
    with contextlib.suppress(OSError):  # the database may live elsewhere; the queue file lives here
        VAR_DIR.mkdir(parents=True, exist_ok=True)
    HUEY = {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")}
HUEY.update(
    name="tuntas",
    immediate=bool(os.environ.get("TUNTAS_TESTING")) or "pytest" in sys.modules,
    # Threads: deliveries wait on the network, not the CPU. An idle worker polls the SQLite queue at least
    # every 2 s (huey's default backs off to 10 s), so a message leaves within seconds of its commit.
    consumer={
        "workers": int(os.environ.get("TUNTAS_HUEY_WORKERS", "2")),
        "worker_type": "thread",
        "max_delay": 2.0,
    },
)
# Outbox channel adapters (tuntas.notify.channels); point a channel at another class to swap it.
TUNTAS_NOTIFY_CHANNELS = {
    "email": "tuntas.notify.channels.EmailChannel",
    "sms": "tuntas.notify.channels.SmsGatewayChannel",
    "webhook": "tuntas.notify.channels.WebhookChannel",
}
TUNTAS_NOTIFY_TIMEOUT = float(os.environ.get("TUNTAS_NOTIFY_TIMEOUT", "10"))  # seconds per SMTP/HTTP call
# SMS/WhatsApp gateway: POST {to, message, reference} with `Authorization: Bearer <token>`. Unset: no SMS.
TUNTAS_SMS_GATEWAY_URL = os.environ.get("TUNTAS_SMS_GATEWAY_URL", "")
TUNTAS_SMS_GATEWAY_TOKEN = os.environ.get("TUNTAS_SMS_GATEWAY_TOKEN", "")
# Channels (email intake): a mailbox read over IMAP by the worker; unset host = no email intake.
TUNTAS_IMAP_HOST = os.environ.get("TUNTAS_IMAP_HOST", "")
TUNTAS_IMAP_PORT = int(os.environ.get("TUNTAS_IMAP_PORT", "993"))
TUNTAS_IMAP_SSL = _bool("TUNTAS_IMAP_SSL", True)  # implicit TLS (IMAPS); off only for a local test server
TUNTAS_IMAP_USER = os.environ.get("TUNTAS_IMAP_USER", "")
TUNTAS_IMAP_PASSWORD = os.environ.get("TUNTAS_IMAP_PASSWORD", "")
TUNTAS_IMAP_FOLDER = os.environ.get("TUNTAS_IMAP_FOLDER", "INBOX")
TUNTAS_MAILBOX_ADDRESS = os.environ.get("TUNTAS_MAILBOX_ADDRESS", "")  # its own address (loops, reply tokens)
TUNTAS_MAILBOX_ORGANISATION = os.environ.get("TUNTAS_MAILBOX_ORGANISATION", "")  # slug; empty = routing
TUNTAS_CHANNEL_MAX_MESSAGE_BYTES = int(os.environ.get("TUNTAS_CHANNEL_MAX_MESSAGE_BYTES", 15 * 1024 * 1024))
TUNTAS_CHANNEL_RAW_KEEP_BYTES = int(os.environ.get("TUNTAS_CHANNEL_RAW_KEEP_BYTES", 256 * 1024))
TUNTAS_CHANNELS_AUTO_SUBMIT = _bool("TUNTAS_CHANNELS_AUTO_SUBMIT", False)
# Webhooks are signed with HMAC-SHA256 of the body (X-Tuntas-Signature: sha256=<hex>); unset: they wait
# (and in the end fail) rather than go out unsigned.
TUNTAS_WEBHOOK_SECRET = os.environ.get("TUNTAS_WEBHOOK_SECRET", "")
# Staff two-step sign-in (TOTP, audit/two_factor.py): "required" = admins, those whose role may open a
# confidential reporter's identity and members of organisations that ask for it must set it up; "optional" =
# whoever set it up is asked for it, nobody is forced (the demo and the tests); "off".
TUNTAS_TWO_FACTOR = os.environ.get(
    "TUNTAS_TWO_FACTOR",
    "optional" if DEMO or os.environ.get("TUNTAS_TESTING") or "pytest" in sys.modules else "required",
)
OTP_TOTP_ISSUER = os.environ.get("TUNTAS_TWO_FACTOR_ISSUER", "Tuntas")
# Subscriptions (interop) need https:// unless the receiver is on this machine; a closed LAN may allow http.
TUNTAS_WEBHOOK_ALLOW_HTTP = _bool("TUNTAS_WEBHOOK_ALLOW_HTTP", False)
# Absolute links in staff emails (console URLs); empty = site-relative paths.
TUNTAS_SITE_URL = os.environ.get("TUNTAS_SITE_URL", "")
# Map tiles for the location picker and the public map (Leaflet, vendored). Empty: no tiles are fetched and
# the pages fall back to plain coordinate boxes / the schematic grid, as on a LAN without internet access.
# Example: https://tile.openstreetmap.org/{z}/{x}/{y}.png (respect the tile server's usage policy).
TUNTAS_MAP_TILES = os.environ.get("TUNTAS_MAP_TILES", "")
TUNTAS_MAP_ATTRIBUTION = os.environ.get("TUNTAS_MAP_ATTRIBUTION", "")
# Where the location picker opens, "latitude,longitude", and its zoom: set the regency's centre (the default
# is South Kalimantan as a whole).
TUNTAS_MAP_CENTRE = tuple(float(v) for v in os.environ.get("TUNTAS_MAP_CENTRE", "-3.3,115.0").split(",")[:2])
TUNTAS_MAP_ZOOM = int(os.environ.get("TUNTAS_MAP_ZOOM", "9"))
# Local hour (TIME_ZONE) from which the daily digest goes out (the worker task runs hourly, sends once a day).
TUNTAS_DIGEST_HOUR = int(os.environ.get("TUNTAS_DIGEST_HOUR", "7"))

# --- operations (tuntas.ops) ------------------------------------------------------------------------------
# The worker beats every minute; silent longer than this, the console warns and `tuntas doctor` fails.
TUNTAS_WORKER_SILENT_MINUTES = int(os.environ.get("TUNTAS_WORKER_SILENT_MINUTES", "5"))
# `tuntas doctor` fails below this much free space in the var and media dirs, and warns below four times it.
TUNTAS_DISK_MIN_FREE_MB = int(os.environ.get("TUNTAS_DISK_MIN_FREE_MB", "1024"))
# /metrics (Prometheus) answers a request with `Authorization: Bearer <token>` or from an allowed address
# (comma-separated addresses or networks, e.g. 10.0.5.0/24); with neither set it is a 404.
TUNTAS_METRICS_TOKEN = os.environ.get("TUNTAS_METRICS_TOKEN", "")
TUNTAS_METRICS_ALLOW = [a.strip() for a in os.environ.get("TUNTAS_METRICS_ALLOW", "").split(",") if a.strip()]
TUNTAS_METRICS_CACHE_SECONDS = int(os.environ.get("TUNTAS_METRICS_CACHE_SECONDS", "15"))

# --- domain ---------------------------------------------------------------------------------------------
TUNTAS_SITE_NAME = os.environ.get("TUNTAS_SITE_NAME", "Tuntas")
TUNTAS_DEFAULT_CODE_PREFIX = os.environ.get("TUNTAS_CODE_PREFIX", "TNT")
TUNTAS_WORKFLOW_DIRS = [p for p in os.environ.get("TUNTAS_WORKFLOW_DIRS", "").split(os.pathsep) if p]

# Logs: JSON lines (one per request and job, with request id, user id, timing) in production, plain text
# in development; TUNTAS_LOG_FORMAT=json|text overrides. Identity data is masked (tuntas.ops.logs).
from tuntas.ops.logs import logging_config  # noqa: E402 - a plain module, no Django imports

TUNTAS_LOG_FORMAT = os.environ.get("TUNTAS_LOG_FORMAT", "text" if (DEBUG or DEMO) else "json")
LOGGING = logging_config(json=TUNTAS_LOG_FORMAT == "json", level=os.environ.get("TUNTAS_LOG_LEVEL", "INFO"))

# Optional error reports (Sentry or a compatible service such as GlitchTip); off unless a DSN is set.
# Identity data is removed before anything is sent (tuntas.ops.sentry).
TUNTAS_SENTRY_DSN = os.environ.get("TUNTAS_SENTRY_DSN", "")
if TUNTAS_SENTRY_DSN:
    from tuntas.ops.sentry import sentry_init  # noqa: E402

    sentry_init(
        TUNTAS_SENTRY_DSN,
        environment=os.environ.get("TUNTAS_SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("TUNTAS_SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
