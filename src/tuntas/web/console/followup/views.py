"""“Tindak lanjut”: recommendations of LHP and Ombudsman products. A unit's own list and its answers with
evidence, the issuer's review, issuing a finding, the Pemkab-wide list of Ombudsman products (CSV too) and
the per-unit follow-up rate. Writes call ``followup.services``; reads go through ``followup.selectors``, and a
recommendation the user may not see is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.core import clock as time
from tuntas.core.errors import DomainError, NotFound
from tuntas.directory.models import Organisation
from tuntas.followup import access, selectors, services, tracking
from tuntas.followup.models import Evidence, Recommendation
from tuntas.web.console.common import console_context
from tuntas.web.console.followup.forms import ROWS, FindingForm, RespondForm, ReviewForm
from tuntas.web.shortcuts import private_download

STATUS_FILTERS = ("open", "overdue", "all", *tracking.STATUSES)


def _rec_or_404(request: HttpRequest, recommendation_id: int) -> Recommendation:
    try:
        return selectors.recommendation_for(request.user, recommendation_id)
    except NotFound as exc:
        raise Http404(_("Rekomendasi tidak ditemukan.")) from exc


def _place(form, exc: DomainError) -> None:  # noqa: ANN001
    placed = False
    for name, message in exc.errors.items():
        if name in form.fields:
            form.add_error(name, message)
            placed = True
    if not placed:
        form.add_error(None, exc.message)


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context.update(console_context(request))
    context["followup_oversees"] = access.oversees(request.user)
    context["followup_issuer"] = bool(access.issuer_organisations(request.user))
    return render(request, f"console/followup/{template}", context, status=status)


@login_required
@require_GET
def followup_list(request: HttpRequest) -> HttpResponse:
    box = "review" if request.GET.get("box") == "review" else "unit"
    status = request.GET.get("status") if request.GET.get("status") in STATUS_FILTERS else "open"
    rows = (selectors.review_list if box == "review" else selectors.unit_list)(request.user, status=status)
    return _render(
        request,
        "list.html",
        {"box": box, "status": status, "rows": list(rows[:300]), "today": time.today()},
    )


@login_required
@require_GET
def followup_detail(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    rec = _rec_or_404(request, recommendation_id)
    return _render(request, "detail.html", _detail_context(request, rec))


def _detail_context(request: HttpRequest, rec: Recommendation, **forms) -> dict:  # noqa: ANN003
    user = request.user
    can_answer = access.may_answer(user, rec.unit_id) and not rec.is_final and not rec.awaiting_review
    can_review = access.may_issue(user, rec.finding.issuer) and not rec.is_final and rec.awaiting_review
    return {
        "rec": rec,
        "finding": rec.finding,
        "events": rec.events.select_related("actor"),
        "evidence": rec.evidence.all(),
        "instalments": rec.instalments.all(),
        "today": time.today(),
        "can_answer": can_answer,
        "can_review": can_review,
        "respond_form": forms.get("respond_form") or RespondForm(initial={"version": rec.version}),
        "review_form": forms.get("review_form") or ReviewForm(initial={"version": rec.version}),
    }


@login_required
@require_POST
def followup_respond(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    rec = _rec_or_404(request, recommendation_id)
    form = RespondForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.recommendation_respond(
                actor=request.user,
                recommendation_id=rec.pk,
                claim=d["claim"],
                response=d["response"],
                reason=d["reason"],
                files=[(f.name, f.read()) for f in d["files"] or []],
                instalments=[(d["paid_on"], d["amount"])] if d.get("amount") else [],
                expected_version=d["version"],
            )
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except DomainError as exc:
            _place(form, exc)
        else:
            messages.success(request, _("Jawaban terkirim; menunggu penilaian penerbit."))
            return redirect("console:followup_detail", rec.pk)
    return _render(request, "detail.html", _detail_context(request, rec, respond_form=form), status=400)


@login_required
@require_POST
def followup_review(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    rec = _rec_or_404(request, recommendation_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.recommendation_review(
                actor=request.user,
                recommendation_id=rec.pk,
                accept=d["decision"] == "accept",
                note=d["note"],
                expected_version=d["version"],
            )
        except DomainError as exc:
            _place(form, exc)
        else:
            messages.success(request, _("Penilaian tersimpan."))
            return redirect("console:followup_detail", rec.pk)
    return _render(request, "detail.html", _detail_context(request, rec, review_form=form), status=400)


@login_required
@require_http_methods(["GET", "POST"])
def followup_new(request: HttpRequest) -> HttpResponse:
    issuers = access.issuer_organisations(request.user)
    if not issuers:
        raise PermissionDenied
    units = (
        Organisation.objects.filter(is_active=True).exclude(pk__in=[o.pk for o in issuers]).order_by("name")
    )
    form = FindingForm(
        request.POST or None, issuers=issuers, units=units, initial={"issued_on": time.today()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        recs = [
            services.RecommendationInput(
                d[f"text_{i}"], d[f"unit_{i}"], d.get(f"days_{i}"), d.get(f"tgr_{i}")
            )
            for i in range(1, ROWS + 1)
            if d.get(f"text_{i}") and d.get(f"unit_{i}")
        ]
        try:
            finding = services.finding_issue(
                actor=request.user,
                issuer=d["issuer"],
                kind=d["kind"],
                number=d["number"],
                title=d["title"],
                issued_on=d["issued_on"],
                recommendations=recs,
            )
        except DomainError as exc:
            _place(form, exc)
        else:
            messages.success(request, _("Temuan %(n)s tersimpan.") % {"n": finding.number})
            return redirect(reverse("console:followup_list") + "?box=review")
    return _render(request, "new.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def followup_products(request: HttpRequest) -> HttpResponse:
    if not access.oversees(request.user):
        raise PermissionDenied
    rows = selectors.ombudsman_products(request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(selectors.products_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="produk-ombudsman.csv"'
        return response
    rows = list(rows[:500])
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.status] = counts.get(r.status, 0) + 1
    return _render(
        request,
        "products.html",
        {"rows": rows, "today": time.today(), "rate": tracking.follow_up_rate(counts), "total": len(rows)},
    )


@login_required
@require_GET
def followup_rates(request: HttpRequest) -> HttpResponse:
    ombudsman_only = request.GET.get("only") == "ombudsman"
    rows = selectors.unit_rates(request.user, ombudsman_only=ombudsman_only)
    return _render(request, "rates.html", {"rows": rows, "ombudsman_only": ombudsman_only})


@login_required
@require_GET
def followup_evidence(request: HttpRequest, evidence_id: int) -> FileResponse:
    doc = Evidence.objects.filter(pk=evidence_id).first()
    if doc is None:
        raise Http404(_("Bukti tidak ditemukan."))
    _rec_or_404(request, doc.recommendation_id)
    return private_download(doc, missing=_("Berkas bukti tidak tersedia."))
