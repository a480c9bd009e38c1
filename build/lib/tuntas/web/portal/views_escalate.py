"""The reporter takes the complaint to the next oversight body ("Ajukan ke Inspektorat / Ombudsman").

The form sits on the tracking page (templates/portal/_escalation.html) when ``public_status`` says escalation
is possible; this view calls the one service and redirects back (Post/Redirect/Get).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuntas.complaints.services import reporter_escalate
from tuntas.core.errors import DomainError, InvalidInput, NotFound
from tuntas.web.portal import proof
from tuntas.web.portal.views_track import WRONG_CODE, with_proof

ANCHOR = "eskalasi"


@require_POST
@with_proof
def escalate(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    detail = reverse("portal:track_detail", kwargs={"tracking_code": p.code})
    try:
        handling = reporter_escalate(code=p.code, token=p.token, reason=request.POST.get("reason", ""))
    except InvalidInput as exc:
        missing = "reason" in exc.errors and not request.POST.get("reason", "").strip()
        messages.error(request, _("Tulis alasan Anda meminta pemeriksaan.") if missing else exc.message)
        return redirect(f"{detail}#{ANCHOR}")
    except NotFound:
        proof.forget(request, p.code)
        messages.error(request, _(WRONG_CODE))
        return redirect("portal:track")
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(detail)
    messages.success(
        request,
        _("Pengaduan Anda sudah diajukan ke %(org)s. Riwayat penanganan sebelumnya tetap tersimpan.")
        % {"org": handling.organisation.name},
    )
    return redirect(detail)
