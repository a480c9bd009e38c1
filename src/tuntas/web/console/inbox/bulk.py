"""Reassigning several handlings at once from the inbox (no JavaScript needed).

The pimpinan, koordinator or admin of a unit ticks handlings on an inbox page, chooses a member and presses
"Tugaskan"; ``services.handlings_assign`` gives all of them or none, and the inbox comes back with the same
filters and the ticks kept when the batch was refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tuntas.complaints import services
from tuntas.complaints.access import ASSIGNING_ROLES
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.directory.models import Organisation, User
from tuntas.web.console.common import my_organisations

CLEAR = "none"  # the assignee choice that clears the handlings
SELECTED = "selected"  # the inbox's query parameter that keeps the ticks after a refused batch


@dataclass(frozen=True)
class BulkAssign:
    """What the inbox needs to draw the form: the units the user may assign in, and whom to."""

    organisation_ids: frozenset[int]
    members: list[tuple[str, str]]

    def can_pick(self, handling) -> bool:  # noqa: ANN001 - a Handling row of the page
        return handling.is_open and handling.organisation_id in self.organisation_ids


def bulk_assign_for(user: User, orgs: list[Organisation]) -> BulkAssign | None:
    """None unless the user holds an assigning role (pimpinan, koordinator, admin) in one of ``orgs``."""
    if user.is_superuser:
        ids = frozenset(o.pk for o in orgs)
    else:
        ids = frozenset(m.organisation.pk for m in my_organisations(user) if m.role_codes & ASSIGNING_ROLES)
    if not ids:
        return None
    members = (
        User.objects.filter(is_active=True, memberships__organisation_id__in=ids, memberships__is_active=True)
        .distinct()
        .order_by("full_name", "username")
    )
    return BulkAssign(ids, [(str(u.pk), str(u)) for u in members])


def _inbox_url(query: str, selected: list[int] | None = None) -> str:
    params = QueryDict(query, mutable=True)  # re-encoded: only a query string of the inbox comes back
    params.pop("page", None)
    params.pop(SELECTED, None)
    if selected:
        params.setlist(SELECTED, [str(pk) for pk in selected])
    encoded = params.urlencode()
    return reverse("console:inbox") + (f"?{encoded}" if encoded else "")


def _ids(values: list[str]) -> list[int]:
    try:
        return [int(v) for v in values]
    except ValueError as exc:
        raise InvalidInput(_("Pilihan penanganan tidak valid.")) from exc


@login_required
@require_POST
def assign(request: HttpRequest) -> HttpResponse:
    query = request.POST.get("next", "")
    raw = request.POST.getlist("handling")
    chosen = request.POST.get("assignee", "")
    try:
        ids = _ids(raw)
        if not chosen:
            raise InvalidInput(_("Pilih petugas yang akan ditugaskan."))
        assignee_id = None if chosen == CLEAR else _ids([chosen])[0]
        handlings = services.handlings_assign(actor=request.user, handling_ids=ids, assignee_id=assignee_id)
    except DomainError as exc:  # NotFound too: a handling gone from view refuses the batch like any other
        messages.error(request, exc.message)
        return HttpResponseRedirect(_inbox_url(query, _safe_ids(raw)))
    count = len(handlings)
    if assignee_id is None:
        text = ngettext(
            "Penugasan %(count)d penanganan dilepas.", "Penugasan %(count)d penanganan dilepas.", count
        ) % {"count": count}
    else:
        name = str(handlings[0].assignee)
        text = ngettext(
            "%(count)d penanganan ditugaskan kepada %(name)s.",
            "%(count)d penanganan ditugaskan kepada %(name)s.",
            count,
        ) % {"count": count, "name": name}
    messages.success(request, text)
    return HttpResponseRedirect(_inbox_url(query))


def _safe_ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def selected_ids(request: HttpRequest) -> frozenset[int]:
    """The ticks a refused batch keeps (see ``assign``)."""
    return frozenset(_safe_ids(request.GET.getlist(SELECTED)))
