"""Optional error reports to Sentry (or a compatible service such as GlitchTip) through sentry-sdk.

Off unless ``TUNTAS_SENTRY_DSN`` is set. What leaves the server is reduced before sending: no request
bodies, cookies, query strings or local variables are collected, the user is an id, and ``before_send``
masks identity-like values (e-mail, NIK, phone numbers) and anything under an identity or secret key in
what remains (messages, breadcrumbs, extra data).
"""

from __future__ import annotations

from typing import Any

from tuntas.ops.logs import scrub

MASK = "[disaring]"
# Keys whose values are identity data or secrets wherever they appear in an event.
SENSITIVE_KEYS = {
    "name", "nama", "email", "phone", "telepon", "nik", "address", "alamat", "reporter", "pelapor", "identity",
    "recipient", "password", "secret", "rahasia", "token", "authorization", "cookie", "cookies", "session",
    "sessionid", "csrftoken", "api_key", "username", "ip_address", "body", "data", "query_string",
}  # fmt: skip
# Request headers worth keeping: they say what asked, not who.
KEPT_HEADERS = {
    "user-agent",
    "accept",
    "accept-language",
    "content-type",
    "content-length",
    "host",
    "referer",
}


def _clean(value: Any, key: str = "") -> Any:
    if key.lower() in SENSITIVE_KEYS:
        return MASK
    if isinstance(value, dict):
        return {k: _clean(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, str):
        return scrub(value)
    return value


def before_send(event: dict, hint: dict | None = None) -> dict:
    """The event with identity data removed (also used for transactions and breadcrumbs)."""
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if isinstance(request, dict):
        headers = request.get("headers") or {}
        event["request"] = {
            "method": request.get("method"),
            "url": str(request.get("url", "")).split("?", 1)[0],
            "headers": {k: v for k, v in headers.items() if k.lower() in KEPT_HEADERS},
        }
    event.pop("server_name", None)  # the host name is not needed to fix a bug
    for key in list(event):
        if key not in {"user", "request"}:
            event[key] = _clean(event[key], key if key in SENSITIVE_KEYS else "")
    return event


def before_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return _clean(crumb)


def sentry_init(
    dsn: str, *, environment: str = "production", traces_sample_rate: float = 0.0, transport: Any = None
) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    import tuntas

    sentry_sdk.init(
        dsn=dsn,
        release=f"tuntas@{tuntas.__version__}",
        environment=environment,
        integrations=[DjangoIntegration()],
        # Collect as little as the SDK allows; before_send then strips what remains of identity data.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "allowlist", "terms": sorted(KEPT_HEADERS)}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "stack_frame_variables": False,  # a frame's locals may hold a ReporterIdentity or form data
        },
        traces_sample_rate=traces_sample_rate,
        before_send=before_send,
        before_send_transaction=before_send,
        before_breadcrumb=before_breadcrumb,
        transport=transport,
    )
