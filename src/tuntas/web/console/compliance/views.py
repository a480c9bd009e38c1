"""Compliance self-assessment in the console: the rounds, a round's overview (organisations x score x zone),
an organisation's instrument (self-answers and evidence per indicator, saved one indicator at a time with
htmx or a plain POST), the reviewer's scores, returning, finalising and the result.

Every write calls one service; a refused change is shown as a message (or, for one indicator, its form with
the error). Rounds and assessments the user may not see are 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.compliance import access, selectors, services
from tuntas.compliance.models import Assessment, AssessmentEvent
from tuntas.compliance.results import self_skipped
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.web.console.compliance.forms import RoundForm, managing_organisations
from tuntas.web.domain_errors import domain_errors
from tuntas.web.shortcuts import is_htmx, or_404, private_download, render_console


def _assessment_url(assessment_id: int, anchor: str = "") -> str:
    url = reverse("console:compliance_assessment", args=[assessment_id])
    return f"{url}#{anchor}" if anchor else url


@login_required
@require_GET
def rounds(request: HttpRequest) -> HttpResponse:
    if not selectors.uses_console(request.user):
        raise PermissionDenied(_("Halaman ini untuk unit yang dinilai atau menilai kepatuhan."))
    context = {
        "rounds": list(selectors.visible_rounds(request.user)),
        "mine": list(selectors.my_assessments(request.user)),
        "can_create": bool(managing_organisations(request.user)),
    }
    return render_console(request, "console/compliance/rounds.html", context, vary_htmx=True)


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    orgs = managing_organisations(request.user)
    if not orgs:
        raise Http404(_("Halaman tidak ditemukan."))
    form = RoundForm(request.POST or None, reviewing=orgs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.round_create(
                actor=request.user,
                scheme_id=data["scheme"].pk,
                name=data["name"],
                year=data["year"],
                period=data["period"],
                reviewing_organisation_id=data["reviewing_organisation"].pk,
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                organisation_ids=[o.pk for o in data["organisations"]],
            )
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Putaran penilaian dibuka untuk %(n)s organisasi.") % {"n": len(data["organisations"])},
            )
            return redirect("console:compliance_round", round_id=created.pk)
    status = 422 if request.method == "POST" else 200
    return render_console(
        request, "console/compliance/round_form.html", {"form": form}, status=status, vary_htmx=True
    )


@login_required
@require_GET
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round_ = or_404(selectors.round_for, request.user, round_id)
    rows = list(selectors.round_assessments(request.user, round_))
    bands = {b.code: b for b in round_.scheme.parsed.bands}
    for a in rows:
        a.band = bands.get(a.review_band) if a.status == Assessment.Status.FINAL else None
        a.self_band_obj = bands.get(a.self_band)
    counts = {}
    for a in rows:
        if a.band:
            counts[a.band.code] = counts.get(a.band.code, 0) + 1
    context = {
        "round": round_,
        "scheme": round_.scheme.parsed,
        "rows": rows,
        "sees_all": access.sees_all_of_round(request.user, round_),
        "band_counts": [(b, counts.get(b.code, 0)) for b in round_.scheme.parsed.bands],
        "is_open": services.round_is_open(round_),
    }
    return render_console(request, "console/compliance/round.html", context, vary_htmx=True)


def _page_context(request: HttpRequest, assessment: Assessment) -> dict:
    view = selectors.assessment_view(assessment)
    can_self = access.can_self_assess(request.user, assessment)
    can_review = access.can_review(request.user, assessment)
    editable = assessment.is_self_editable and (
        assessment.status == Assessment.Status.DIKEMBALIKAN or services.round_is_open(assessment.round)
    )
    returned = (
        assessment.events.filter(kind=AssessmentEvent.Kind.RETURNED).order_by("-created_at", "-pk").first()
    )
    # The unit sees the reviewer's scores (and their history) once the review is done, not while it runs.
    show_review = can_review or assessment.status in (Assessment.Status.DINILAI, Assessment.Status.FINAL)
    events = assessment.events.select_related("actor").order_by("-created_at", "-pk")
    if not show_review:
        events = events.exclude(kind=AssessmentEvent.Kind.REVIEW_ANSWERED)
    return {
        "assessment": assessment,
        "view": view,
        "scheme": view.scheme,
        "self_mode": can_self and editable,
        "review_mode": can_review and assessment.is_reviewable,
        "show_review": show_review,
        "can_self": can_self,
        "returned": returned if assessment.status == Assessment.Status.DIKEMBALIKAN else None,
        "events": list(events[:50]),
        "missing_self": services.missing_self_answers(assessment) if can_self and editable else [],
        "missing_review": services.missing_review_answers(assessment) if can_review else [],
        "self_skips": bool(self_skipped(assessment)),
        "result_rows": list(zip(view.self_result.dimensions, view.review_result.dimensions, strict=True)),
    }


@login_required
@require_GET
def assessment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    found = or_404(selectors.assessment_for, request.user, assessment_id)
    return render_console(
        request, "console/compliance/assessment.html", _page_context(request, found), vary_htmx=True
    )


def _indicator_response(
    request: HttpRequest, assessment_id: int, code: str, errors: dict | None = None, saved: bool = False
) -> HttpResponse:
    found = selectors.assessment_for(request.user, assessment_id)
    context = _page_context(request, found)
    row = context["view"].row(code)
    if row is None:
        raise Http404(_("Indikator tidak ditemukan."))
    context.update(row=row, errors=errors or {}, saved=saved)
    # 200 even with errors: htmx 2 does not swap 4xx responses by default, and the fragment carries the error.
    return render_console(request, "console/compliance/_indicator.html", context, vary_htmx=True)


def _save_answer(request: HttpRequest, assessment_id: int, code: str, service) -> HttpResponse:  # noqa: ANN001
    or_404(selectors.assessment_for, request.user, assessment_id)
    htmx = is_htmx(request)
    try:
        service(
            actor=request.user,
            assessment_id=assessment_id,
            indicator=code,
            value=request.POST.get("value", ""),
            note=request.POST.get("note", ""),
        )
    except InvalidInput as exc:
        if htmx:
            return _indicator_response(
                request, assessment_id, code, errors=exc.errors or {"value": exc.message}
            )
        messages.error(request, "; ".join(exc.errors.values()) or exc.message)
    except DomainError as exc:
        if htmx:
            return _indicator_response(request, assessment_id, code, errors={"form": exc.message})
        messages.error(request, exc.message)
    else:
        if htmx:
            return _indicator_response(request, assessment_id, code, saved=True)
        messages.success(request, _("Jawaban disimpan."))
    return redirect(_assessment_url(assessment_id, f"ind-{code}"))


@login_required
@require_POST
def answer(request: HttpRequest, assessment_id: int, code: str) -> HttpResponse:
    return _save_answer(request, assessment_id, code, services.answer_self)


@login_required
@require_POST
def review_answer(request: HttpRequest, assessment_id: int, code: str) -> HttpResponse:
    return _save_answer(request, assessment_id, code, services.answer_review)


def _back_to_indicator(request: HttpRequest, assessment_id: int, code: str) -> str:
    return _assessment_url(assessment_id, f"ind-{code}")


def _back_to_assessment(request: HttpRequest, assessment_id: int) -> str:
    return _assessment_url(assessment_id)


@login_required
@require_POST
@domain_errors(back=_back_to_indicator)
def evidence_add(request: HttpRequest, assessment_id: int, code: str) -> HttpResponse:
    or_404(selectors.assessment_for, request.user, assessment_id)
    files = [(f.name, f.read()) for f in request.FILES.getlist("files")]
    saved = services.evidence_add(
        actor=request.user, assessment_id=assessment_id, indicator=code, files=files
    )
    messages.success(request, _("%(n)s bukti dukung diunggah.") % {"n": len(saved)})
    return redirect(_assessment_url(assessment_id, f"ind-{code}"))


@login_required
@require_GET
def evidence(request: HttpRequest, evidence_id: int) -> FileResponse:
    ev = or_404(selectors.evidence_for, request.user, evidence_id)
    return private_download(ev, missing=_("Berkas tidak tersedia."))


def _transition(request: HttpRequest, assessment_id: int, call, success: str) -> HttpResponse:  # noqa: ANN001
    """One step of the assessment's life; a refusal reaches ``domain_errors`` on the calling view."""
    or_404(selectors.assessment_for, request.user, assessment_id)
    call()
    messages.success(request, success)
    return redirect(_assessment_url(assessment_id))


@login_required
@require_POST
@domain_errors(back=_back_to_assessment)
def submit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _transition(
        request,
        assessment_id,
        lambda: services.assessment_submit(actor=request.user, assessment_id=assessment_id),
        _("Penilaian mandiri diajukan kepada penilai."),
    )


@login_required
@require_POST
@domain_errors(back=_back_to_assessment)
def return_(request: HttpRequest, assessment_id: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _transition(
        request,
        assessment_id,
        lambda: services.assessment_return(actor=request.user, assessment_id=assessment_id, note=note),
        _("Penilaian dikembalikan kepada organisasi untuk diperbaiki."),
    )


@login_required
@require_POST
@domain_errors(back=_back_to_assessment)
def mark_reviewed(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _transition(
        request,
        assessment_id,
        lambda: services.assessment_mark_reviewed(actor=request.user, assessment_id=assessment_id),
        _("Penilaian selesai dinilai. Periksa hasilnya lalu finalkan."),
    )


@login_required
@require_POST
@domain_errors(back=_back_to_assessment)
def finalise(request: HttpRequest, assessment_id: int) -> HttpResponse:
    return _transition(
        request,
        assessment_id,
        lambda: services.assessment_finalise(actor=request.user, assessment_id=assessment_id),
        _("Hasil penilaian difinalkan."),
    )
