"""Following a complaint: prove it with the code and secret once, then read it and act on it.

Each action posts to its own URL, calls one reporter service and redirects back (Post/Redirect/Get); input the
service refuses re-renders the page with the typed text kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.complaints import selectors
from tuntas.complaints.attachments import by_event
from tuntas.complaints.services import complaint_by_secret, reporter_rate, reporter_reply, reporter_withdraw
from tuntas.core.errors import DomainError, InvalidInput, NotFound, TooManyAttempts
from tuntas.web.portal import proof
from tuntas.web.portal.forms import AcceptForm, RateForm, ReplyForm, TrackForm, WithdrawForm, read_files
from tuntas.web.portal.timeline import entries, latest_from_staff
from tuntas.web.shortcuts import rate_limited

WRONG_CODE = gettext_noop(
    "Kode lacak atau kode rahasia tidak cocok. Periksa kembali keduanya, lalu coba lagi."
)


@require_http_methods(["GET", "POST"])
@rate_limited("TUNTAS_RATE_TRACK")
def track(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = TrackForm(request.POST)
        if form.is_valid():
            try:
                complaint = complaint_by_secret(form.cleaned_data["code"], form.cleaned_data["secret"])
            except NotFound:
                form.add_error(None, _(WRONG_CODE))
            except TooManyAttempts as exc:
                form.add_error(None, exc.message)
                return render(request, "portal/track.html", {"form": form}, status=429)
            else:
                proof.remember(request, complaint)
                return redirect("portal:track_detail", tracking_code=complaint.tracking_code)
    else:
        form = TrackForm(initial={"code": request.GET.get("kode", "")[:30]})
    return render(request, "portal/track.html", {"form": form})


def with_proof(view: Callable) -> Callable:
    """Runs ``view(request, proof, ...)`` only for a complaint this browser proved; otherwise back to /lacak/."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, tracking_code: str, *args, **kwargs) -> HttpResponse:  # noqa: ANN002, ANN003
        p = proof.proved(request, tracking_code)
        if p is None:
            messages.info(request, _("Masukkan kode lacak dan kode rahasia untuk melihat pengaduan."))
            return redirect(f"{reverse('portal:track')}?{urlencode({'kode': tracking_code})}")
        return view(request, p, *args, **kwargs)

    return never_cache(wrapper)


def _detail(request: HttpRequest, p: proof.Proof, **forms) -> HttpResponse:  # noqa: ANN003
    complaint = p.complaint
    events = selectors.reporter_timeline(complaint).select_related("handling__workflow")
    attachments = list(selectors.reporter_attachments(complaint))
    timeline = entries(events, by_event(attachments))
    status = selectors.public_status(complaint)
    # The answer to judge or the question to answer, shown right above the form that acts on it.
    latest = latest_from_staff(timeline) if status.can_accept or status.waiting_for_reporter else None
    context = {
        "complaint": complaint,
        "status": status,
        "timeline": timeline,
        "latest": latest,
        "attachments": attachments,
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "accept_form": forms.get("accept_form") or AcceptForm(),
        "rate_form": forms.get("rate_form") or RateForm(),
        "language_next": reverse("portal:track_detail", kwargs={"tracking_code": p.code}),
    }
    return render(request, "portal/detail.html", context)


def _back(p: proof.Proof) -> HttpResponse:
    return redirect("portal:track_detail", tracking_code=p.code)


def _refused(request: HttpRequest, p: proof.Proof, exc: DomainError) -> HttpResponse:
    """Conflict and friends: say why in a flash message and show the page as it is now."""
    if isinstance(exc, NotFound):
        proof.forget(request, p.code)
        messages.error(request, _(WRONG_CODE))
        return redirect("portal:track")
    messages.error(request, exc.message)
    return _back(p)


@require_GET
@with_proof
def detail(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    return _detail(request, p)


@require_POST
@with_proof
def reply(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    form = ReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            reporter_reply(
                code=p.code,
                token=p.token,
                message=form.cleaned_data["message"],
                files=read_files(form.cleaned_data["files"]),
            )
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:
            return _refused(request, p, exc)
        else:
            messages.success(request, _("Tanggapan Anda sudah terkirim ke petugas."))
            return _back(p)
    return _detail(request, p, reply_form=form)


@require_POST
@with_proof
def accept(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            reporter_reply(code=p.code, token=p.token, message=form.cleaned_data["message"], accept=True)
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:
            return _refused(request, p, exc)
        else:
            messages.success(request, _("Terima kasih. Anda menyatakan jawaban sudah sesuai."))
            return _back(p)
    return _detail(request, p, accept_form=form)


@require_POST
@with_proof
def rate(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            reporter_rate(
                code=p.code,
                token=p.token,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:
            return _refused(request, p, exc)
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
            return _back(p)
    return _detail(request, p, rate_form=form)


@require_http_methods(["GET", "POST"])
@with_proof
def withdraw(request: HttpRequest, p: proof.Proof) -> HttpResponse:
    """Two steps: this page asks for the reason and a confirmation, then the POST withdraws."""
    if not selectors.public_status(p.complaint).can_withdraw:
        messages.error(request, _("Pengaduan ini sudah tidak dapat dicabut."))
        return _back(p)
    form = WithdrawForm(request.POST) if request.method == "POST" else WithdrawForm()
    if form.is_bound and form.is_valid():
        try:
            reporter_withdraw(code=p.code, token=p.token, reason=form.cleaned_data["reason"])
        except InvalidInput as exc:
            form.apply_errors(exc)
        except DomainError as exc:
            return _refused(request, p, exc)
        else:
            messages.success(request, _("Pengaduan Anda sudah dicabut."))
            return _back(p)
    return render(request, "portal/withdraw.html", {"complaint": p.complaint, "form": form})


@require_GET
@with_proof
def attachment(request: HttpRequest, p: proof.Proof, pk: int) -> FileResponse:
    att = selectors.reporter_attachments(p.complaint).filter(pk=pk).first()
    if att is None:
        raise Http404(_("Lampiran tidak ditemukan."))
    return FileResponse(
        att.file.open("rb"), as_attachment=True, filename=att.original_name, content_type=att.content_type
    )


@require_POST
def forget(request: HttpRequest, tracking_code: str) -> HttpResponse:
    """ "Keluar": this browser forgets the complaint; following it again needs the code and secret."""
    proof.forget(request, tracking_code)
    messages.success(request, _("Anda sudah keluar dari halaman pengaduan ini di perangkat ini."))
    return redirect("portal:home")
