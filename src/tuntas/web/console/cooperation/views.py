"""Cooperation in the console: the Pemkab-Ombudsman agreement with its areas' progress and overdue activities,
the action plan of an area, an activity with its log and progress form, trainings with participants,
attendance and materials, and the before/after report.

Both sides (the Pemkab's tree and the Ombudsman) see the same pages; forms appear only to those the services
would let act. Every action calls one service and ends in a redirect (PRG); a refused form is rendered again
with its errors. Anything under an agreement the user does not see is 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.cooperation import access, selectors, services
from tuntas.cooperation.models import Agreement
from tuntas.core import clock
from tuntas.core.errors import DomainError, InvalidInput
from tuntas.directory.models import Organisation, OrganisationKind, User
from tuntas.web.console.cooperation.forms import (
    ActivityForm,
    AgreementForm,
    DocumentForm,
    MaterialsForm,
    ParticipantsForm,
    ProgressForm,
    TrainingForm,
)
from tuntas.web.shortcuts import or_404, private_download, render_console

REPORT_WINDOWS = (30, 60, 90, 180)
DEFAULT_WINDOW = 90


def _files(request: HttpRequest, name: str = "files") -> list[tuple[str, bytes]]:
    uploaded: list[UploadedFile] = request.FILES.getlist(name)
    return [(f.name, f.read()) for f in uploaded]


def _act(request: HttpRequest, form, call, *, done: str, back: str, page):  # noqa: ANN001, ANN202
    """The shape of every form action here: a valid form runs its one service call (``call(cleaned_data)``);
    success and refusals other than bad input flash and redirect to ``back`` (PRG); bad input puts the errors
    on the form (``form.apply_errors``, or on ``errors_on`` when the form names one) and ``page(form)``
    renders the page again with status 422."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except InvalidInput as exc:
            field = getattr(form, "errors_on", None)
            if field:
                form.add_error(field, exc.errors.get(field) or exc.message)
            else:
                form.apply_errors(exc)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(back)
        else:
            messages.success(request, done)
            return redirect(back)
    return page(form)


def _agreement_context(request: HttpRequest, agreement: Agreement) -> dict:
    return {
        "agreement": agreement,
        "agreement_status": agreement.effective_status(clock.today()),
        "can_manage": access.can_manage(request.user, agreement),
    }


# --- agreements ----------------------------------------------------------------------------------------------


def _new_agreement_form(request: HttpRequest, data=None) -> AgreementForm | None:  # noqa: ANN001
    if not access.may_record_agreements(request.user):
        return None
    active = Organisation.objects.filter(is_active=True).order_by("name")
    return AgreementForm(
        data,
        pemkabs=list(active.filter(kind__agreement_party=OrganisationKind.Party.PEMDA)),
        ombudsmen=list(active.filter(kind__agreement_party=OrganisationKind.Party.OMBUDSMAN)),
    )


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """The agreements the user sees; a POST records a new one (managers on either side)."""
    if not access.uses_console(request.user):
        raise PermissionDenied(_("Halaman ini untuk pihak nota kesepakatan dengan Ombudsman."))
    form = _new_agreement_form(request)
    status = 200
    if request.method == "POST" and form is not None:
        form = _new_agreement_form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.agreement_create(
                    actor=request.user,
                    pemkab_id=data["pemkab"],
                    ombudsman_id=data["ombudsman"],
                    **form.changes(),
                )
            except InvalidInput as exc:
                form.apply_errors(exc)
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Nota kesepakatan dicatat. Unggah dokumennya dan susun rencana aksi.")
                )
                return redirect("console:cooperation_agreement", agreement_id=created.pk)
        status = 422
    today = clock.today()
    rows = []
    for agreement in selectors.agreements_for(request.user):
        areas = selectors.area_progress(agreement, today)
        rows.append((agreement, agreement.effective_status(today), selectors.overall_progress(areas)))
    return render_console(
        request, "console/cooperation/index.html", {"rows": rows, "form": form}, status=status
    )


def _agreement_page(request: HttpRequest, agreement: Agreement, status: int = 200, **forms) -> HttpResponse:  # noqa: ANN003
    today = clock.today()
    areas = selectors.area_progress(agreement, today)
    context = {
        **_agreement_context(request, agreement),
        "areas": areas,
        "overall": selectors.overall_progress(areas),
        "overdue": selectors.overdue_activities(agreement, today),
        "trainings": list(selectors.trainings_of(agreement)[:5]),
        "document_form": forms.get("document_form") or DocumentForm(),
        "edit_form": forms.get("edit_form") or _edit_form(agreement),
        "today": today,
    }
    return render_console(request, "console/cooperation/agreement.html", context, status=status)


@login_required
@require_GET
def agreement(request: HttpRequest, agreement_id: int) -> HttpResponse:
    return _agreement_page(request, or_404(selectors.agreement_for, request.user, agreement_id))


def _edit_form(agreement: Agreement, data=None) -> AgreementForm:  # noqa: ANN001
    names = (
        "title",
        "number_pemkab",
        "number_ombudsman",
        "signed_on",
        "valid_from",
        "valid_until",
        "summary",
    )
    initial = {n: getattr(agreement, n) for n in (*names, "is_public", "revision")}
    initial["expected_revision"] = initial.pop("revision")
    return AgreementForm(data, initial=initial)


@login_required
@require_POST
def agreement_edit(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = or_404(selectors.agreement_for, request.user, agreement_id)
    form = _edit_form(agreement, request.POST)
    return _act(
        request,
        form,
        lambda d: services.agreement_update(
            actor=request.user,
            agreement_id=agreement.pk,
            changes=form.changes(),
            expected_revision=d["expected_revision"],
        ),
        done=_("Nota kesepakatan disimpan."),
        back=reverse("console:cooperation_agreement", args=[agreement.pk]),
        page=lambda f: _agreement_page(request, agreement, status=422, edit_form=f),
    )


@login_required
@require_POST
def document(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = or_404(selectors.agreement_for, request.user, agreement_id)
    form = DocumentForm(request.POST, request.FILES)
    form.errors_on = "document"
    return _act(
        request,
        form,
        lambda d: services.agreement_document_attach(
            actor=request.user, agreement_id=agreement.pk, name=d["document"].name, data=d["document"].read()
        ),
        done=_("Dokumen nota kesepakatan diunggah."),
        back=reverse("console:cooperation_agreement", args=[agreement.pk]),
        page=lambda f: _agreement_page(request, agreement, status=422, document_form=f),
    )


@login_required
@require_GET
def upload(request: HttpRequest, upload_id: int) -> FileResponse:
    item = or_404(selectors.upload_for, request.user, upload_id)
    return private_download(item, missing=_("Berkas tidak tersedia."))


# --- action plan ---------------------------------------------------------------------------------------------


def _organisations(agreement: Agreement) -> list:
    return list(selectors.side_organisations(agreement))


@login_required
@require_http_methods(["GET", "POST"])
def area(request: HttpRequest, area_id: int) -> HttpResponse:
    """An area's action plan; a POST adds an activity (managers)."""
    plan = or_404(selectors.area_for, request.user, area_id)
    agreement = plan.agreement
    form = None
    status = 200
    if request.method == "POST":
        form = ActivityForm(request.POST, organisations=_organisations(agreement))
        if form.is_valid():
            try:
                activity = services.activity_create(
                    actor=request.user,
                    area_id=plan.pk,
                    title=form.cleaned_data["title"],
                    owner_id=form.cleaned_data["owner"],
                    due_on=form.cleaned_data["due_on"],
                    description=form.cleaned_data["description"],
                )
            except InvalidInput as exc:
                form.apply_errors(exc)
            except DomainError as exc:
                messages.error(request, exc.message)
                return redirect("console:cooperation_area", area_id=plan.pk)
            else:
                messages.success(request, _("Kegiatan ditambahkan ke rencana aksi."))
                return redirect("console:cooperation_activity", activity_id=activity.pk)
        status = 422
    context = _agreement_context(request, agreement)
    if context["can_manage"] and form is None:
        form = ActivityForm(organisations=_organisations(agreement))
    progress = next((a for a in selectors.area_progress(agreement) if a.area.pk == plan.pk), None)
    context.update(plan=plan, progress=progress, activities=selectors.activities_of(plan), form=form)
    return render_console(request, "console/cooperation/area.html", context, status=status)


def _activity_page(request: HttpRequest, activity, status: int = 200, **forms) -> HttpResponse:  # noqa: ANN001, ANN003
    agreement = activity.area.agreement
    context = _agreement_context(request, agreement)
    can_report = access.can_report_progress(request.user, activity)
    edit_form = None
    if context["can_manage"]:
        edit_form = forms.get("edit_form") or ActivityForm(
            organisations=_organisations(agreement),
            initial={
                "title": activity.title,
                "owner": activity.owner_id,
                "due_on": activity.due_on,
                "description": activity.description,
                "expected_revision": activity.revision,
            },
        )
    context.update(
        activity=activity,
        log=list(selectors.log_of(activity=activity)),
        trainings=list(activity.trainings.select_related("kind").order_by("-starts_on")),
        progress_form=(forms.get("progress_form") or ProgressForm(initial={"progress": activity.progress}))
        if can_report
        else None,
        edit_form=edit_form,
    )
    return render_console(request, "console/cooperation/activity.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def activity(request: HttpRequest, activity_id: int) -> HttpResponse:
    """An activity with its log; a POST edits it (managers)."""
    item = or_404(selectors.activity_for, request.user, activity_id)
    if request.method == "GET":
        return _activity_page(request, item)
    form = ActivityForm(request.POST, organisations=_organisations(item.area.agreement))
    return _act(
        request,
        form,
        lambda d: services.activity_update(
            actor=request.user,
            activity_id=item.pk,
            title=d["title"],
            owner_id=d["owner"],
            due_on=d["due_on"],
            description=d["description"],
            expected_revision=d["expected_revision"],
        ),
        done=_("Kegiatan disimpan."),
        back=reverse("console:cooperation_activity", args=[item.pk]),
        page=lambda f: _activity_page(request, item, status=422, edit_form=f),
    )


@login_required
@require_POST
def progress(request: HttpRequest, activity_id: int) -> HttpResponse:
    item = or_404(selectors.activity_for, request.user, activity_id)
    form = ProgressForm(request.POST, request.FILES)
    return _act(
        request,
        form,
        lambda d: services.activity_report(
            actor=request.user,
            activity_id=item.pk,
            progress=d["progress"],
            status=d["status"] or None,
            note=d["note"],
            files=_files(request),
        ),
        done=_("Kemajuan dicatat."),
        back=reverse("console:cooperation_activity", args=[item.pk]),
        page=lambda f: _activity_page(request, item, status=422, progress_form=f),
    )


# --- trainings -----------------------------------------------------------------------------------------------


def _training_form(agreement: Agreement, data=None) -> TrainingForm:  # noqa: ANN001
    activities = list(selectors.activities_in(agreement))
    return TrainingForm(data, organisations=_organisations(agreement), activities=activities)


@login_required
@require_http_methods(["GET", "POST"])
def trainings(request: HttpRequest, agreement_id: int) -> HttpResponse:
    """The agreement's trainings; a POST records a new one (managers)."""
    agreement = or_404(selectors.agreement_for, request.user, agreement_id)
    context = _agreement_context(request, agreement)
    form = _training_form(agreement) if context["can_manage"] else None
    status = 200
    if request.method == "POST":
        form = _training_form(agreement, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                training = services.training_create(
                    actor=request.user,
                    agreement_id=agreement.pk,
                    kind_code=data["kind"],
                    title=data["title"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                    organiser_id=data["organiser"],
                    place=data["place"],
                    description=data["description"],
                    activity_id=data["activity"],
                )
            except InvalidInput as exc:
                form.apply_errors(exc)
            except DomainError as exc:
                messages.error(request, exc.message)
                return redirect("console:cooperation_trainings", agreement_id=agreement.pk)
            else:
                messages.success(request, _("Pelatihan dicatat. Tambahkan pesertanya."))
                return redirect("console:cooperation_training", training_id=training.pk)
        status = 422
    context.update(trainings=list(selectors.trainings_of(agreement)), form=form)
    return render_console(request, "console/cooperation/trainings.html", context, status=status)


def _training_page(request: HttpRequest, training, status: int = 200, **forms) -> HttpResponse:  # noqa: ANN001, ANN003
    agreement = training.agreement
    context = _agreement_context(request, agreement)
    can_record = access.can_record_training(request.user, training)
    organisations = _organisations(agreement)
    participants_form = None
    if can_record:
        users = list(
            User.objects.filter(
                memberships__organisation__in=[o.pk for o in organisations], memberships__is_active=True
            )
            .distinct()
            .order_by("full_name", "username")
        )
        participants_form = forms.get("participants_form") or ParticipantsForm(
            organisations=organisations, users=users
        )
    context.update(
        training=training,
        participations=selectors.participations_of(training),
        materials=list(training.uploads.order_by("created_at")),
        log=list(selectors.log_of(training=training)),
        can_record=can_record,
        attendance_open=can_record and training.starts_on <= clock.today(),
        participants_form=participants_form,
        materials_form=forms.get("materials_form") or MaterialsForm(),
        attendance_errors=forms.get("attendance_errors"),
    )
    return render_console(request, "console/cooperation/training.html", context, status=status)


@login_required
@require_GET
def training(request: HttpRequest, training_id: int) -> HttpResponse:
    return _training_page(request, or_404(selectors.training_for, request.user, training_id))


@login_required
@require_POST
def participants(request: HttpRequest, training_id: int) -> HttpResponse:
    item = or_404(selectors.training_for, request.user, training_id)
    organisations = _organisations(item.agreement)
    users = list(User.objects.filter(pk__in=[v for v in request.POST.getlist("users") if v.isdigit()]))
    form = ParticipantsForm(request.POST, organisations=organisations, users=users)
    return _act(
        request,
        form,
        lambda d: services.training_participants_set(
            actor=request.user,
            training_id=item.pk,
            organisation_id=d["organisation"],
            invited=d["invited"],
            user_ids=d["users"],
        ),
        done=_("Peserta disimpan."),
        back=reverse("console:cooperation_training", args=[item.pk]),
        page=lambda f: _training_page(request, item, status=422, participants_form=f),
    )


@login_required
@require_POST
def attendance(request: HttpRequest, training_id: int) -> HttpResponse:
    """Counts per organisation (``count_<participation>``, blank = from the named ones) and a tick per named
    participant who came (``came``)."""
    item = or_404(selectors.training_for, request.user, training_id)
    counts: dict[int, int | None] = {}
    errors = {}
    for key, value in request.POST.items():
        if key.startswith("count_") and key[6:].isdigit():
            value = value.strip()
            if value and not value.isdigit():
                errors[key] = _("Isi dengan angka.")
            counts[int(key[6:])] = int(value) if value.isdigit() else None
    came = [int(v) for v in request.POST.getlist("came") if v.isdigit()]
    if not errors:
        try:
            services.training_attendance_record(
                actor=request.user, training_id=item.pk, counts=counts, attended_participants=came
            )
        except InvalidInput as exc:
            errors = exc.errors or {"": exc.message}
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("console:cooperation_training", training_id=item.pk)
        else:
            messages.success(request, _("Presensi dicatat."))
            return redirect("console:cooperation_training", training_id=item.pk)
    messages.error(request, _("Periksa presensi."))
    return _training_page(request, item, status=422, attendance_errors=list(errors.values()))


@login_required
@require_POST
def materials(request: HttpRequest, training_id: int) -> HttpResponse:
    item = or_404(selectors.training_for, request.user, training_id)
    form = MaterialsForm(request.POST, request.FILES)
    form.errors_on = "files"
    return _act(
        request,
        form,
        lambda d: services.training_materials_add(
            actor=request.user, training_id=item.pk, files=_files(request)
        ),
        done=_("Materi diunggah."),
        back=reverse("console:cooperation_training", args=[item.pk]),
        page=lambda f: _training_page(request, item, status=422, materials_form=f),
    )


# --- before/after report -------------------------------------------------------------------------------------


@login_required
@require_GET
def report(request: HttpRequest, agreement_id: int) -> HttpResponse:
    agreement = or_404(selectors.agreement_for, request.user, agreement_id)
    raw = request.GET.get("hari", "")
    days = int(raw) if raw.isdigit() and int(raw) in REPORT_WINDOWS else DEFAULT_WINDOW
    context = _agreement_context(request, agreement)
    context.update(
        rows=selectors.training_impact(agreement, wanted_days=days),
        days=days,
        windows=REPORT_WINDOWS,
        since=selectors.data_since(),
    )
    return render_console(request, "console/cooperation/report.html", context)
