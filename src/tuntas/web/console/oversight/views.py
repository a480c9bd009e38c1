"""The Inspektorat's oversight list ("Pengawasan"): open handlings of the units in its region, the overdue
first, with "Ambil alih" for the Inspektur. Taking over is one service call; the complaint then opens in the
Inspektorat's own SOP and its page becomes visible."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuntas.complaints.access import visible_complaints
from tuntas.complaints.oversight import inspektorats_of, may_take_over, overseen_handlings
from tuntas.complaints.services import handling_take_over
from tuntas.core.errors import InvalidInput
from tuntas.web.console.common import console_context, due_window
from tuntas.web.domain_errors import domain_errors
from tuntas.web.shortcuts import sop_text
from tuntas.workflows.registry import workflow_of

PAGE_SIZE = 30


@login_required
@require_GET
def oversight(request: HttpRequest) -> HttpResponse:
    if not inspektorats_of(request.user):
        raise Http404(_("Halaman ini untuk Inspektorat."))
    overdue_only = request.GET.get("terlambat") == "1"
    page = Paginator(overseen_handlings(request.user, overdue_only=overdue_only), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    window = due_window()
    # The list shows units' handlings, whose complaint page the Inspektorat opens only if it handles or
    # handled the complaint itself (or after taking it over): the code links only where it opens.
    viewable = set(
        visible_complaints(request.user)
        .filter(pk__in=[h.complaint_id for h in page.object_list])
        .values_list("pk", flat=True)
    )
    for h in page.object_list:
        h.viewable = h.complaint_id in viewable
        state = workflow_of(h.workflow).states.get(h.state)
        h.state_label = sop_text(state.label, state.label_en) if state else h.state
        h.due_flag = window.flag(h)
    context = {
        **console_context(request),
        "page": page,
        "overdue_only": overdue_only,
        "overdue_count": overseen_handlings(request.user, overdue_only=True).count(),
        "may_take_over": may_take_over(request.user),
    }
    return render(request, "console/oversight.html", context)


@login_required
@require_POST
@domain_errors(back="console:oversight")
def take_over(request: HttpRequest, handling_id: int) -> HttpResponse:
    try:
        opened = handling_take_over(
            actor=request.user, handling_id=handling_id, reason=request.POST.get("reason", "")
        )
    except InvalidInput:  # the one input of the row's form: said in its words, back at the row
        messages.error(request, _("Tulis alasan pengambilalihan."))
        return redirect(reverse("console:oversight") + f"#penanganan-{handling_id}")
    messages.success(
        request,
        _("Pengaduan diambil alih; penanganan dilanjutkan oleh %(org)s.") % {"org": opened.organisation.name},
    )
    return redirect("console:complaint", complaint_id=opened.complaint_id)
