"""Who is calling the staff API: an integration with a Bearer token, or the console's own logged-in session.

Both resolve to a staff ``User`` in ``request.auth`` (and ``request.user``); what that user may see and do is
decided by ``complaints.access`` through the selectors and services, never here.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from tuntas.api.tokens import token_authenticate
from tuntas.core.errors import NotPermitted


class TokenAuth(HttpBearer):
    """``Authorization: Bearer tok_<prefix>_<secret>``; revoked tokens and inactive users are refused."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        api_token = token_authenticate(token)
        if api_token is None:
            return None
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user


class SessionAuth(NinjaSessionAuth):
    """ninja's ``django_auth`` with Django's CSRF check, applied only when there is a logged-in session:
    a request without one (e.g. a failed token) is then a plain 401, not a CSRF 403."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        try:
            return super()._get_key(request)
        except HttpError as exc:  # ninja's CSRF failure, in our error shape and language
            raise NotPermitted(_("Token CSRF tidak ada atau tidak cocok. Muat ulang halaman.")) from exc


token_auth = TokenAuth()
session_auth = SessionAuth()
staff_auth = [token_auth, session_auth]
