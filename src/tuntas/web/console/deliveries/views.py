"""Deliveries that need a look: failed and long-pending notifications, with a button to send one again.

For admins (of any organisation) and superusers; each sees the messages about complaints they may see.
Recipients are the reporters' email addresses and phone numbers, so the page only ever shows them masked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tuntas.complaints import access, notifications
from tuntas.complaints.models import Complaint
from tuntas.core.errors import Conflict, NotFound, NotPermitted
from tuntas.notify import selectors
from tuntas.notify.masking import mask
from tuntas.notify.models import OutboxMessage
from tuntas.web.console.common import console_context

PAGE_SIZE = 50


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    channel: str
    recipient: str  # masked
    template: str
    subject: str
    status: str
    status_label: str
    attempts: int
    last_error: str
    complaint: Complaint | None
    created_at: dt.datetime
    next_attempt_at: dt.datetime


def _recipient(m: OutboxMessage, user, allowed: dict[int, bool]) -> str:  # noqa: ANN001
    """Masked; and not even that for a reporter's own address when the viewer may not see the identity
    (a masked address still gives away a domain and an initial)."""
    complaint = m.complaint
    if complaint is not None and complaint.privacy != Complaint.Privacy.PUBLIC:
        if complaint.pk not in allowed:
            allowed[complaint.pk] = access.can_see_identity(user, complaint)
        identity = getattr(complaint, "identity", None) if complaint.privacy != "anonymous" else None
        if not allowed[complaint.pk] and identity and m.recipient in (identity.email, identity.phone):
            return _("(identitas dirahasiakan)")
    return mask(m.recipient)


def _row(m: OutboxMessage, user, allowed: dict[int, bool]) -> DeliveryRow:  # noqa: ANN001
    return DeliveryRow(
        id=m.pk,
        channel=m.get_channel_display(),
        recipient=_recipient(m, user, allowed),
        template=m.template,
        subject=m.subject,
        status=m.status,
        status_label=m.get_status_display(),
        attempts=m.attempts,
        last_error=m.last_error or "",
        complaint=m.complaint,
        created_at=m.created_at,
        next_attempt_at=m.next_attempt_at,
    )


def _retry(request: HttpRequest) -> HttpResponse:
    raw = request.POST.get("message", "")
    if not raw.isdigit():
        raise Http404(_("Pesan tidak ditemukan."))
    try:
        notifications.outbox_retry(actor=request.user, message_id=int(raw))
    except NotFound as exc:
        raise Http404(exc.message) from exc
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except Conflict as exc:
        messages.info(request, exc.message)
    else:
        messages.success(request, _("Pesan dimasukkan lagi ke antrean dan segera dikirim ulang."))
    return redirect("console:deliveries")


@login_required
@require_http_methods(["GET", "POST"])
def deliveries(request: HttpRequest) -> HttpResponse:
    if not selectors.can_review_deliveries(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _retry(request)
    messages_to_review = notifications.deliveries_for_review(request.user)
    page = Paginator(messages_to_review, PAGE_SIZE).get_page(request.GET.get("page"))
    allowed: dict[int, bool] = {}  # complaint id -> may this user see its reporter's identity
    context = {
        "page": page,
        "rows": [_row(m, request.user, allowed) for m in page.object_list],
        "stuck_hours": int(selectors.STUCK_AFTER.total_seconds() // 3600),
        **console_context(request),
    }
    response = render(request, "console/deliveries.html", context)
    add_never_cache_headers(response)
    return response
