"""Service standards in the console: the units' services and their versions, the draft editor, opening a
public consultation, reading and moderating its comments, and publishing.

Every action calls one service and ends in a redirect (PRG); a form the service refuses is rendered again with
its errors. Services and versions of other units are 404, the same as ones that do not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.core import clock
from tuntas.standards import access, selectors, services
from tuntas.standards.models import ServiceStandard
from tuntas.web.console.standards.forms import ConsultationForm, PublishForm, ServiceForm, StandardForm
from tuntas.web.domain_errors import domain_errors, form_errors
from tuntas.web.shortcuts import or_404, render_console


def _drafting_organisations(request: HttpRequest) -> list:
    return list(access.drafting_organisations(request.user))


def _index(request: HttpRequest, service_form: ServiceForm | None = None, status: int = 200) -> HttpResponse:
    organisations = list(selectors.staff_organisations(request.user))
    by_org: dict[int, list] = {o.pk: [] for o in organisations}
    for svc in selectors.staff_services(request.user):
        versions = list(svc.standards.all())
        svc.published = next((v for v in versions if v.status == ServiceStandard.Status.PUBLISHED), None)
        svc.working = next((v for v in versions if v.is_editable), None)
        by_org.setdefault(svc.organisation_id, []).append(svc)
    if service_form is None:
        drafting = _drafting_organisations(request)
        service_form = ServiceForm(organisations=drafting) if drafting else None
    context = {"rows": [(o, by_org.get(o.pk, [])) for o in organisations], "service_form": service_form}
    return render_console(request, "console/standards/index.html", context, status=status)


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if not selectors.uses_console(request.user):
        raise PermissionDenied(_("Halaman ini untuk unit yang menyusun atau memiliki standar pelayanan."))
    return _index(request)


@login_required
@require_POST
@domain_errors(back="console:standards")
def service_create(request: HttpRequest) -> HttpResponse:
    drafting = _drafting_organisations(request)
    form = ServiceForm(request.POST, organisations=drafting)
    if form.is_valid():
        with form_errors(form):
            svc = services.service_create(
                actor=request.user,
                organisation_id=form.cleaned_data["organisation"],
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                description=form.cleaned_data["description"],
            )
            messages.success(request, _("Layanan ditambahkan. Susun standarnya sekarang."))
            return redirect("console:standards_service", service_id=svc.pk)
    messages.error(request, _("Periksa isian layanan baru."))
    return _index(request, form, status=422)


@login_required
@require_GET
def service(request: HttpRequest, service_id: int) -> HttpResponse:
    svc = or_404(selectors.staff_service, request.user, service_id)
    versions = list(svc.standards.all())
    context = {
        "service": svc,
        "versions": versions,
        "published": next((v for v in versions if v.status == ServiceStandard.Status.PUBLISHED), None),
        "working": next((v for v in versions if v.is_editable), None),
        "can_draft": access.can_draft(request.user, svc.organisation_id),
    }
    return render_console(request, "console/standards/service.html", context)


@login_required
@require_POST
@domain_errors(back="console:standards_service")
def draft_new(request: HttpRequest, service_id: int) -> HttpResponse:
    svc = or_404(selectors.staff_service, request.user, service_id)
    draft = services.standard_draft_new(actor=request.user, service_id=svc.pk)
    if draft.based_on_id:
        messages.success(
            request,
            _(
                "Draf versi %(n)s dibuat dari versi %(base)s. Versi yang berlaku tetap tampil sampai draf ini terbit."
            )
            % {"n": draft.version, "base": draft.based_on.version},
        )
    else:
        messages.success(request, _("Draf versi %(n)s dibuat.") % {"n": draft.version})
    return redirect("console:standards_version", standard_id=draft.pk)


def _version_page(
    request: HttpRequest, standard: ServiceStandard, status: int = 200, **forms
) -> HttpResponse:  # noqa: ANN003
    view = selectors.standard_view(standard)
    org_id = standard.service.organisation_id
    can_draft = access.can_draft(request.user, org_id)
    can_publish = access.can_publish(request.user, org_id)
    editing = standard.is_editable and can_draft
    missing = services.missing_for_publication(standard) if standard.is_editable else {}
    context = {
        "view": view,
        "standard": standard,
        "service": standard.service,
        "can_draft": can_draft,
        "can_publish": can_publish and standard.is_editable,
        "editor": (forms.get("editor") or StandardForm(view=view)) if editing else None,
        "consultation_form": forms.get("consultation_form") or ConsultationForm(),
        "publish_form": forms.get("publish_form") or PublishForm(),
        "missing": _missing_labels(view, missing),
        "consultation_open": services.consultation_is_open(standard),
        "publish_waits": standard.status == ServiceStandard.Status.KONSULTASI
        and standard.consultation_closes_on >= clock.today(),
        "replaces": ServiceStandard.objects.filter(
            service_id=standard.service_id, status=ServiceStandard.Status.PUBLISHED
        ).first(),
        "comments": list(selectors.staff_comments(standard)),
    }
    return render_console(request, "console/standards/version.html", context, status=status)


def _missing_labels(view: selectors.StandardView, missing: dict[str, str]) -> list[str]:
    labels = []
    for item in view.components:
        if item.code in missing:
            labels.append(item.component.label)
        if f"{item.code}_value" in missing:
            labels.append(_("%(component)s: angka") % {"component": item.component.label})
    return labels


@login_required
@require_http_methods(["GET", "POST"])
@domain_errors(back="console:standards_version")  # published meanwhile, edited by someone else, not permitted
def version(request: HttpRequest, standard_id: int) -> HttpResponse:
    """The version page; a POST saves the editor (drafts and versions under consultation only)."""
    standard = or_404(selectors.staff_standard, request.user, standard_id)
    if request.method == "GET":
        return _version_page(request, standard)
    form = StandardForm(request.POST, view=selectors.standard_view(standard))
    if form.is_valid():
        with form_errors(form):
            services.standard_update(
                actor=request.user,
                standard_id=standard.pk,
                texts=form.texts(),
                values=form.values(),
                expected_revision=form.cleaned_data["expected_revision"],
            )
            messages.success(request, _("Draf disimpan."))
            return redirect("console:standards_version", standard_id=standard.pk)
    messages.error(request, _("Periksa isian yang ditandai."))
    return _version_page(request, standard, status=422, editor=form)


@login_required
@require_POST
@domain_errors(back="console:standards_version")
def open_consultation(request: HttpRequest, standard_id: int) -> HttpResponse:
    standard = or_404(selectors.staff_standard, request.user, standard_id)
    form = ConsultationForm(request.POST)
    if form.is_valid():
        with form_errors(form):
            services.standard_open_consultation(
                actor=request.user,
                standard_id=standard.pk,
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
            )
            messages.success(
                request, _("Konsultasi publik dibuka. Masyarakat dapat memberi masukan di portal.")
            )
            return redirect("console:standards_version", standard_id=standard.pk)
    messages.error(request, _("Periksa jadwal konsultasi publik."))
    return _version_page(request, standard, status=422, consultation_form=form)


@login_required
@require_POST
@domain_errors(back="console:standards_version")
def publish(request: HttpRequest, standard_id: int) -> HttpResponse:
    standard = or_404(selectors.staff_standard, request.user, standard_id)
    form = PublishForm(request.POST)
    if form.is_valid():
        # Only the decree is on this form; an incomplete draft is refused (the page lists what is missing).
        with form_errors(form, fields={"decree"}):
            services.standard_publish(
                actor=request.user, standard_id=standard.pk, decree=form.cleaned_data["decree"]
            )
            messages.success(request, _("Standar pelayanan diterbitkan dan tampil di portal."))
            return redirect("console:standards_version", standard_id=standard.pk)
    return _version_page(request, standard, status=422, publish_form=form)


def _comment_back(request: HttpRequest, **_kwargs: object) -> str:
    """A refused hide goes back to the version the form was on (it posts ``standard``), else the index."""
    standard_id = request.POST.get("standard", "")
    if standard_id.isdigit():
        return reverse("console:standards_version", kwargs={"standard_id": int(standard_id)})
    return reverse("console:standards")


@login_required
@require_POST
@domain_errors(back=_comment_back)
def comment_hide(request: HttpRequest, comment_id: int) -> HttpResponse:
    hidden = request.POST.get("hidden") != "0"
    comment = services.consultation_comment_hide(actor=request.user, comment_id=comment_id, hidden=hidden)
    messages.success(
        request,
        _("Masukan disembunyikan dari portal.") if hidden else _("Masukan ditampilkan lagi di portal."),
    )
    response = redirect("console:standards_version", standard_id=comment.standard_id)
    response["Location"] += "#masukan"
    return response
