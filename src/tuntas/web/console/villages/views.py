"""Desa Anti-Maladministrasi in the console: the programmes a user sees, the regency dashboard (villages by
stage as a schematic map of kecamatan blocks and as a filtered list, paged and grouped per kecamatan), and a village's page with the step its viewer may
take: record the commitment, start, fill in with evidence, submit, verify (Pemkab, then Ombudsman), designate.

Every action calls one service and ends in a redirect (PRG); a refusal comes back as a message. Programmes and
villages the user may not see are 404.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tuntas.core import clock
from tuntas.core.errors import InvalidInput
from tuntas.villages import access, selectors, services
from tuntas.villages.models import Assessment, Evidence, Stage
from tuntas.web.domain_errors import domain_errors
from tuntas.web.shortcuts import or_404, private_download, render_console

MAX_FILES_PER_SAVE = 20


DASHBOARD_PAGE_SIZE = 50  # villages a page of the dashboard's list
LISTED_PROBLEMS = 8  # a refusal flashes its message and up to this many ``indicator: problem`` lines


def _assessment_back(request: HttpRequest, assessment_id: int, **_kwargs: object) -> str:
    assessment = Assessment.objects.get(pk=assessment_id)
    return reverse("console:village_participation", kwargs={"participation_id": assessment.participation_id})


def _round_back(request: HttpRequest, round_id: int) -> str:
    from tuntas.villages.models import Round

    programme_id = Round.objects.get(pk=round_id).programme_id
    return reverse("console:village_dashboard", kwargs={"programme_id": programme_id})


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    if not selectors.uses_console(request.user):
        raise PermissionDenied(_("Anda tidak terlibat dalam program Desa Anti-Maladministrasi mana pun."))
    programmes = list(access.visible_programmes(request.user).select_related("pemkab", "ombudsman"))
    mine = list(access.my_participations(request.user).select_related("programme", "village"))
    if len(programmes) == 1 and not mine:
        return redirect("console:village_dashboard", programme_id=programmes[0].pk)
    return render_console(request, "console/villages/index.html", {"programmes": programmes, "mine": mine})


@login_required
@require_GET
def dashboard(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = or_404(selectors.staff_programme, request.user, programme_id)
    kecamatan = request.GET.get("kecamatan", "")[:20]
    stage = request.GET.get("tahap", "")
    if stage not in Stage.values:
        stage = ""
    board = selectors.dashboard(programme, kecamatan=kecamatan, stage=stage)
    page = Paginator(board.rows, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    groups = selectors.group_by_kecamatan(board, list(page.object_list))
    rounds = list(programme.rounds.select_related("instrument").order_by("-starts_on"))
    context = {
        "programme": programme,
        "board": board,
        "page": page,
        "groups": groups,
        # a single kecamatan on the page (or chosen in the filter) opens; otherwise the summaries show
        "open_groups": bool(kecamatan) or len(groups) == 1,
        "query": urlencode([(k, v) for k, v in (("kecamatan", kecamatan), ("tahap", stage)) if v]),
        "kecamatan": kecamatan,
        "stage": stage,
        "stages": selectors.STAGE_ORDER,
        "rounds": rounds,
        "open_round": next((r for r in rounds if r.is_open), None),
        "can_open_round": access.can_open_round(request.user, programme),
        "today": clock.today(),
    }
    return render_console(request, "console/villages/dashboard.html", context)


def _assessment_view(assessment: Assessment) -> dict:
    instrument = services.instrument_for(assessment)
    answers = {a.indicator: a for a in assessment.answers.all()}
    files: dict[str, list[Evidence]] = {}
    for e in assessment.evidence.all():
        files.setdefault(e.indicator, []).append(e)
    criteria = [
        {
            "criterion": c,
            "indicators": [
                {
                    "indicator": i,
                    "answer": answers.get(i.code),
                    "label": i.levels[answers[i.code].value] if i.code in answers else "",
                    "files": files.get(i.code, []),
                    "levels": list(enumerate(i.levels)),
                }
                for i in c.indicators
            ],
        }
        for c in instrument.criteria
    ]
    return {
        "assessment": assessment,
        "instrument": instrument,
        "criteria": criteria,
        "score": services.assessment_score(assessment),
        "missing": services.missing_for_submission(assessment) if assessment.is_editable else {},
    }


@login_required
@require_GET
def participation(request: HttpRequest, participation_id: int) -> HttpResponse:
    p = or_404(selectors.staff_participation, request.user, participation_id)
    user = request.user
    programme = p.programme
    assessment = services.active_assessment(p) or p.assessments.select_related("round").first()
    open_round = programme.rounds.filter(is_open=True).first()
    context = {
        "p": p,
        "programme": programme,
        "history": selectors.history_of(p),
        "open_round": open_round,
        "sees_programme": access.sees_programme(user, programme),
        "can_commit": p.stage == Stage.BELUM_KOMITMEN and access.can_commit(user, p),
        "can_start": p.stage == Stage.KOMITMEN and open_round is not None and access.can_start(user, p),
        "today": clock.today(),
    }
    if assessment is not None:
        context.update(_assessment_view(assessment))
        context.update(
            {
                "can_fill": assessment.is_editable and access.can_fill(user, p),
                "can_verify_1": assessment.stage == Stage.VERIFIKASI_PEMKAB
                and access.can_verify_pemkab(user, p),
                "can_verify_2": assessment.stage == Stage.VERIFIKASI_OMBUDSMAN
                and access.can_verify_ombudsman(user, p),
                "can_designate": assessment.stage == Stage.LULUS and access.can_designate(user, p),
            }
        )
    return render_console(request, "console/villages/participation.html", context)


def _back(p_id: int) -> HttpResponse:
    return redirect("console:village_participation", participation_id=p_id)


@login_required
@require_POST
@domain_errors(back="console:village_participation", listed=LISTED_PROBLEMS)
def commit(request: HttpRequest, participation_id: int) -> HttpResponse:
    p = or_404(selectors.staff_participation, request.user, participation_id)
    signed_on = _date(request.POST.get("signed_on", ""))
    upload = request.FILES.get("document")
    if signed_on is None:
        messages.error(request, _("Isi tanggal penandatanganan komitmen."))
        return _back(p.pk)
    services.commitment_record(
        actor=request.user,
        participation_id=p.pk,
        signed_on=signed_on,
        document=(upload.name, upload.read()) if upload else None,
        notes=request.POST.get("notes", ""),
    )
    messages.success(request, _("Komitmen desa dicatat."))
    return _back(p.pk)


@login_required
@require_POST
@domain_errors(back="console:village_participation", listed=LISTED_PROBLEMS)
def start(request: HttpRequest, participation_id: int) -> HttpResponse:
    p = or_404(selectors.staff_participation, request.user, participation_id)
    open_round = p.programme.rounds.filter(is_open=True).first()
    if open_round is None:
        messages.error(request, _("Belum ada putaran penilaian yang dibuka."))
        return _back(p.pk)
    services.assessment_start(actor=request.user, round_id=open_round.pk, participation_id=p.pk)
    messages.success(request, _("Pengisian instrumen dimulai."))
    return _back(p.pk)


def _assessment_or_404(request: HttpRequest, assessment_id: int) -> Assessment:
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404(_("Penilaian tidak ditemukan."))
    or_404(selectors.staff_participation, request.user, assessment.participation_id)
    return assessment


@login_required
@require_POST
@domain_errors(back=_assessment_back, listed=LISTED_PROBLEMS)
def answers(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """Save the answers, explanations and new evidence files of the instrument form in one go."""
    assessment = _assessment_or_404(request, assessment_id)
    instrument = services.instrument_for(assessment)
    values: dict[str, int | None] = {}
    notes: dict[str, str] = {}
    files = []
    for i in instrument.indicators:
        raw = request.POST.get(f"a_{i.code}")
        if raw not in (None, ""):
            try:
                values[i.code] = int(raw)
            except ValueError:
                values[i.code] = -1  # refused by the service with the indicator named
        if f"n_{i.code}" in request.POST:
            notes[i.code] = request.POST[f"n_{i.code}"]
        for upload in request.FILES.getlist(f"f_{i.code}")[:5]:
            files.append((i.code, upload.name, upload.read()))
    services.answers_save(actor=request.user, assessment_id=assessment.pk, answers=values, notes=notes)
    if files:
        services.evidence_add_many(
            actor=request.user, assessment_id=assessment.pk, files=files[:MAX_FILES_PER_SAVE]
        )
    messages.success(request, _("Jawaban disimpan."))
    return _back(assessment.participation_id)


@login_required
@require_POST
@domain_errors(back=_assessment_back, listed=LISTED_PROBLEMS)
def submit(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(request, assessment_id)
    try:
        services.assessment_submit(
            actor=request.user, assessment_id=assessment.pk, notes=request.POST.get("notes", "")
        )
    except InvalidInput:  # the page marks what is missing; other refusals reach domain_errors
        messages.error(request, _("Lengkapi jawaban dan bukti yang ditandai sebelum mengajukan."))
    else:
        messages.success(request, _("Penilaian diajukan untuk verifikasi Pemkab."))
    return _back(assessment.participation_id)


@login_required
@require_POST
@domain_errors(back=_assessment_back, listed=LISTED_PROBLEMS)
def verify(request: HttpRequest, assessment_id: int, level: int) -> HttpResponse:
    assessment = _assessment_or_404(request, assessment_id)
    passed = request.POST.get("decision") == "pass"
    services.verification_decide(
        actor=request.user,
        assessment_id=assessment.pk,
        level=level,
        passed=passed,
        notes=request.POST.get("notes", ""),
    )
    messages.success(
        request,
        _("Verifikasi dicatat: lulus.") if passed else _("Penilaian dikembalikan ke desa dengan catatan."),
    )
    return _back(assessment.participation_id)


@login_required
@require_POST
@domain_errors(back=_assessment_back, listed=LISTED_PROBLEMS)
def designate(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _assessment_or_404(request, assessment_id)
    designated_on = _date(request.POST.get("designated_on", ""))
    if designated_on is None:
        messages.error(request, _("Isi tanggal penetapan."))
        return _back(assessment.participation_id)
    services.designation_record(
        actor=request.user,
        assessment_id=assessment.pk,
        designated_on=designated_on,
        decree_number=request.POST.get("decree_number", ""),
        notes=request.POST.get("notes", ""),
    )
    messages.success(request, _("Desa ditetapkan sebagai Desa Anti-Maladministrasi. Sertifikat tersedia."))
    return _back(assessment.participation_id)


@login_required
@require_POST
@domain_errors(back="console:village_dashboard", listed=LISTED_PROBLEMS)
def round_open(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = or_404(selectors.staff_programme, request.user, programme_id)
    starts_on, ends_on = _date(request.POST.get("starts_on", "")), _date(request.POST.get("ends_on", ""))
    if starts_on is None or ends_on is None:
        messages.error(request, _("Isi tanggal mulai dan selesai putaran."))
        return redirect("console:village_dashboard", programme_id=programme.pk)
    services.round_open(
        actor=request.user,
        programme_id=programme.pk,
        name=request.POST.get("name", ""),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    messages.success(request, _("Putaran penilaian dibuka."))
    return redirect("console:village_dashboard", programme_id=programme.pk)


@login_required
@require_POST
@domain_errors(back=_round_back, listed=LISTED_PROBLEMS)
def round_close(request: HttpRequest, round_id: int) -> HttpResponse:
    from tuntas.villages.models import Round

    rnd = Round.objects.filter(pk=round_id).first()
    if rnd is None:
        raise Http404(_("Putaran tidak ditemukan."))
    or_404(selectors.staff_programme, request.user, rnd.programme_id)
    services.round_close(actor=request.user, round_id=rnd.pk)
    messages.success(request, _("Putaran penilaian ditutup."))
    return redirect("console:village_dashboard", programme_id=rnd.programme_id)


@login_required
@require_GET
def evidence(request: HttpRequest, evidence_id: int) -> FileResponse:
    """Download a file of evidence, re-checking that the user sees the village."""
    e = Evidence.objects.filter(pk=evidence_id).select_related("assessment").first()
    if e is None:
        raise Http404(_("Bukti tidak ditemukan."))
    or_404(selectors.staff_participation, request.user, e.assessment.participation_id)
    return private_download(e, missing=_("Berkas bukti tidak tersedia."))
