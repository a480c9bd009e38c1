"""Two-step sign-in for staff (TOTP, RFC 6238, through django-otp): after the password, a six-digit code from
an authenticator app on the officer's phone.

Who must (``TUNTAS_TWO_FACTOR=required``, production's default): superusers and Django staff, every admin,
everyone whose role in an organisation may open a confidential reporter's identity there (the kind's
``identity_roles``: the same rule ``complaints.access`` applies), and all members of an organisation that asks
for it (``Organisation.requires_two_factor``). Whoever set an authenticator up is asked for it in any mode but
"off". ``optional`` (the demo and the tests) forces nobody.

``TwoFactorMiddleware`` holds the console and the admin until the session passed the step: a user with a
device goes to the code page, one who must but has none to the set-up page; sign-in, sign-out and the
password pages (``/console/masuk/...``, ``/console/keluar/``) stay open. The staff API authenticates with
tokens and is not affected. A lost phone: an admin deletes the user's device in the admin (TOTP devices) and
the user sets up a new one at the next sign-in.

Wrong codes are throttled by django-otp (each failure doubles the wait) and recorded in the audit log.
"""

from __future__ import annotations

import time
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuntas.directory.access import memberships_of
from tuntas.directory.models import Role, User

MODES = ("required", "optional", "off")
OPEN_PREFIXES = ("/console/masuk/", "/console/keluar/")
PROTECTED_PREFIXES = ("/console/", "/admin/")
FREE_KEY = "tuntas_2fa_free"  # session: this user was found to need no second step, until (unix time)
FREE_SECONDS = 300


def mode() -> str:
    value = getattr(settings, "TUNTAS_TWO_FACTOR", "required")
    return value if value in MODES else "required"


def is_required(user: User) -> bool:
    """Whether ``user`` must set up and use the second step (see the module docstring)."""
    if mode() != "required" or not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    for m in memberships_of(user).select_related("organisation__kind"):
        if m.role == Role.ADMIN or m.organisation.requires_two_factor:
            return True
        if m.role in m.organisation.kind.identity_roles():
            return True
    return False


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def setup_device(user: User) -> TOTPDevice:
    """The device being set up (not yet confirmed): the same one until it is confirmed, so reloading the page
    does not change the code the phone already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)
    return device


def confirm(user: User, device: TOTPDevice) -> None:
    """The first right code makes the device the user's; earlier unfinished set-ups are dropped."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).exclude(pk=device.pk).delete()


def pending_step(request: HttpRequest) -> str | None:
    """ "verify", "setup" or None: what the signed-in user still owes before the console opens."""
    user = request.user
    if mode() == "off" or not user.is_authenticated:
        return None
    if user.is_verified():
        return None
    free = request.session.get(FREE_KEY)
    if isinstance(free, list) and free[0] == user.pk and free[1] > time.time():
        return None
    if confirmed_device(user) is not None:
        return "verify"
    if is_required(user):
        return "setup"
    request.session[FREE_KEY] = [user.pk, int(time.time()) + FREE_SECONDS]
    return None


def note_free_at_sign_in(sender, request, user, **kwargs) -> None:  # noqa: ANN001, ANN003, ARG001
    """``user_logged_in``: decide at sign-in (the session is written then anyway) that someone without a device
    who need not set one up owes nothing, so their pages pay no query for it."""
    if request is None or mode() == "off" or not hasattr(request, "session"):
        return
    if confirmed_device(user) is None and not is_required(user):
        request.session[FREE_KEY] = [user.pk, int(time.time()) + FREE_SECONDS]


def safe_next(request: HttpRequest, default: str) -> str:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class TwoFactorMiddleware:
    def __init__(self, get_response) -> None:  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(PROTECTED_PREFIXES) and not path.startswith(OPEN_PREFIXES):
            step = pending_step(request)
            if step is not None:
                target = reverse(
                    "console:two_factor_verify" if step == "verify" else "console:two_factor_setup"
                )
                return redirect(f"{target}?next={quote(request.get_full_path())}")
        return self.get_response(request)
