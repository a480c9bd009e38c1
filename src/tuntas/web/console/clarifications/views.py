"""“Permintaan klarifikasi”: requests between organisations (list, create with a preview, the thread and its
actions, file downloads). Every write calls one ``clarifications.services`` function; every read goes through
``clarifications.selectors`` (a request the user may not see is a 404)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tuntas.clarifications import access, routing, selectors, services
from tuntas.clarifications.models import Document, InfoRequest, Routing
from tuntas.complaints import access as complaint_access
from tuntas.core.errors import DomainError, NotFound
from tuntas.directory.models import Organisation, User
from tuntas.web.console.clarifications.forms import (
    AnswerForm,
    CloseForm,
    ReceiverForm,
    ReplyForm,
    RequestForm,
    ReturnForm,
    RouteForm,
    WithdrawForm,
)
from tuntas.web.console.common import console_context
from tuntas.web.console.complaint.views import complaint_or_404
from tuntas.web.shortcuts import private_download


def _request_or_404(user: User, request_id: int) -> InfoRequest:
    try:
        return selectors.request_for(user, request_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _uploads(files: list[UploadedFile]) -> list[tuple[str, bytes]]:
    return [(f.name, f.read()) for f in files]


def _form_errors(form, exc: DomainError) -> None:  # noqa: ANN001
    """A domain error on a field goes next to that field when the form has it, else above the form."""
    placed = False
    for name, message in exc.errors.items():
        target = {"units": "units", "reply": "reply", "answer": "answer", "note": "note"}.get(name, name)
        if target in form.fields:
            form.add_error(target, message)
            placed = True
    if not placed:
        form.add_error(None, exc.message)


# --- list ------------------------------------------------------------------------------------------------


@login_required
@require_GET
def request_list(request: HttpRequest) -> HttpResponse:
    counts = selectors.open_counts(request.user)
    box = request.GET.get("box")
    if box not in selectors.BOXES:
        box = selectors.default_box(counts)
    due = request.GET.get("due") if request.GET.get("due") in ("overdue", "soon") else ""
    status = request.GET.get("status") if request.GET.get("status") in ("open", "closed", "all") else "open"
    window = selectors.due_window()
    rows = [
        (r, selectors.request_flag(r, window))
        for r in selectors.request_list(request.user, box=box, due=due, status=status)[:200]
    ]
    context = {
        "box": box,
        "due": due,
        "status": status,
        "rows": rows,
        "overdue": selectors.overdue_counts(request.user),
        "counts": counts,
    }
    context.update(console_context(request))
    return render(request, "console/clarifications/list.html", context)


# --- create ----------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request: HttpRequest, complaint_id: int) -> HttpResponse:
    """Choose the receiver, read exactly what it will see of the complaint, then write and send."""
    user = request.user
    complaint = complaint_or_404(user, complaint_id)
    senders = access.sending_organisations(user, complaint)
    if not senders:
        messages.error(request, _("Unit Anda tidak dapat mengirim permintaan tentang pengaduan ini."))
        return redirect("console:complaint", complaint_id=complaint.pk)
    receivers = routing.receiver_choices(senders[0], complaint)
    by_id = {o.pk: o for o in receivers}
    source = request.POST if request.method == "POST" else request.GET
    picker = ReceiverForm(source if "receiver" in source else None, receivers=receivers)
    receiver: Organisation | None = None
    if picker.is_bound and picker.is_valid():
        receiver = by_id.get(picker.cleaned_data["receiver"])
    form = None
    if receiver is not None:
        if request.method == "POST":
            form = RequestForm(request.POST, request.FILES, senders=senders)
            if form.is_valid():
                d = form.cleaned_data
                try:
                    sent = services.request_send(
                        actor=user,
                        complaint_id=complaint.pk,
                        receiver_id=receiver.pk,
                        kind=d["kind"],
                        subject=d["subject"],
                        question=d["question"],
                        days=d.get("days"),
                        sender_organisation_id=d["sender_organisation"],
                        files=_uploads(d["files"]),
                    )
                except DomainError as exc:
                    _form_errors(form, exc)
                else:
                    messages.success(
                        request, _("Permintaan dikirim kepada %(org)s.") % {"org": receiver.name}
                    )
                    return redirect("console:clarification_detail", request_id=sent.pk)
        else:
            form = RequestForm(
                initial={"receiver": receiver.pk, "sender_organisation": senders[0].pk}, senders=senders
            )
    context = {
        "complaint": complaint,
        "picker": picker,
        "receiver": receiver,
        "preview": selectors.request_preview(user, complaint, receiver) if receiver else None,
        "form": form,
    }
    context.update(console_context(request))
    response = render(
        request, "console/clarifications/create.html", context, status=400 if form and form.errors else 200
    )
    add_never_cache_headers(response)
    return response


# --- detail ----------------------------------------------------------------------------------------------


def _routing_views(user: User, info: InfoRequest, bound: AnswerForm | None, bound_id: int | None) -> list:
    window = selectors.due_window()
    rows = []
    for r in selectors.routings_for(user, info):
        form = None
        if r.is_open and info.awaiting_receiver and access.can_answer_routing(user, r):
            form = bound if bound is not None and bound_id == r.pk else AnswerForm(prefix=f"r{r.pk}")
        rows.append(
            {
                "routing": r,
                "flag": selectors.routing_flag(r, window),
                "form": form,
                "show_answer": access.reads_unit_answer(user, info, r),
            }
        )
    return rows


def _detail_context(request: HttpRequest, info: InfoRequest, **bound: object) -> dict:
    user = request.user
    documents = list(selectors.documents_for(user, info))
    is_sender = access.can_act_as_sender(user, info)
    is_receiver = access.can_act_as_receiver(user, info)
    context = {
        "info": info,
        "complaint": info.complaint,
        "flag": selectors.request_flag(info, selectors.due_window()),
        "substance": selectors.complaint_substance(info.complaint),
        "identity": selectors.identity_for(user, info),
        "attachments": list(selectors.complaint_attachments_for(user, info)),
        "complaint_link": complaint_access.can_view_complaint(user, info.complaint),
        "request_documents": [d for d in documents if d.stage == Document.Stage.REQUEST],
        "reply_documents": [d for d in documents if d.stage == Document.Stage.REPLY or d.in_reply],
        "routings": _routing_views(user, info, bound.get("answer_form"), bound.get("routing_id")),
        "unit_documents": {},
        "is_sender": is_sender,
        "is_receiver": is_receiver,
    }
    for d in documents:
        if d.routing_id:
            context["unit_documents"].setdefault(d.routing_id, []).append(d)
    for row in context["routings"]:
        row["documents"] = context["unit_documents"].get(row["routing"].pk, [])
    if is_receiver and info.awaiting_receiver:
        units = routing.unit_choices(info.receiver_organisation, info.complaint)
        context["route_form"] = bound.get("route_form") or RouteForm(units=units)
        unit_docs = [d for d in documents if d.stage == Document.Stage.UNIT]
        context["reply_form"] = bound.get("reply_form") or ReplyForm(documents=unit_docs)
    if is_sender and info.status == InfoRequest.Status.ANSWERED:
        context["accept_form"] = bound.get("accept_form") or CloseForm()
        context["return_form"] = bound.get("return_form") or ReturnForm()
    if is_sender and not info.is_closed:
        context["withdraw_form"] = bound.get("withdraw_form") or WithdrawForm()
    context.update(console_context(request))
    return context


@login_required
@require_GET
def request_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    response = render(request, "console/clarifications/detail.html", _detail_context(request, info))
    add_never_cache_headers(response)
    return response


def _after(request: HttpRequest, info: InfoRequest, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("console:clarification_detail", request_id=info.pk)


def _failed(request: HttpRequest, info: InfoRequest, **bound: object) -> HttpResponse:
    response = render(
        request, "console/clarifications/detail.html", _detail_context(request, info, **bound), status=400
    )
    add_never_cache_headers(response)
    return response


def _run(
    request: HttpRequest, info: InfoRequest, form, name: str, call, **extra: object
) -> HttpResponse | None:  # noqa: ANN001
    """Validate ``form``, call the service; on a domain error re-render the page with the form bound."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except DomainError as exc:
            _form_errors(form, exc)
        else:
            return None
    return _failed(request, info, **{name: form}, **extra)


@login_required
@require_POST
def request_route(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    form = RouteForm(request.POST, units=routing.unit_choices(info.receiver_organisation, info.complaint))
    failed = _run(
        request,
        info,
        form,
        "route_form",
        lambda d: services.request_route(
            actor=request.user,
            request_id=info.pk,
            organisation_ids=d["units"],
            instruction=d["instruction"],
            days=d.get("days"),
        ),
    )
    return failed or _after(request, info, _("Permintaan diteruskan ke unit."))


@login_required
@require_POST
def routing_answer(request: HttpRequest, routing_id: int) -> HttpResponse:
    row = Routing.objects.filter(pk=routing_id).first()
    if row is None:
        raise Http404(_("Permintaan tidak ditemukan."))
    info = _request_or_404(request.user, row.request_id)
    form = AnswerForm(request.POST, request.FILES, prefix=f"r{row.pk}")
    failed = _run(
        request,
        info,
        form,
        "answer_form",
        lambda d: services.routing_answer(
            actor=request.user, routing_id=row.pk, answer=d["answer"], files=_uploads(d["files"])
        ),
        routing_id=row.pk,
    )
    return failed or _after(
        request, info, _("Jawaban unit dikirim kepada %(org)s.") % {"org": info.receiver_organisation.name}
    )


@login_required
@require_POST
def request_reply(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    unit_docs = list(selectors.documents_for(request.user, info).filter(stage=Document.Stage.UNIT))
    form = ReplyForm(request.POST, request.FILES, documents=unit_docs)
    failed = _run(
        request,
        info,
        form,
        "reply_form",
        lambda d: services.request_reply(
            actor=request.user,
            request_id=info.pk,
            reply=d["reply"],
            files=_uploads(d["files"]),
            document_ids=d["documents"],
        ),
    )
    return failed or _after(
        request, info, _("Jawaban dikirim kepada %(org)s.") % {"org": info.sender_organisation.name}
    )


@login_required
@require_POST
def request_accept(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    form = CloseForm(request.POST)
    failed = _run(
        request,
        info,
        form,
        "accept_form",
        lambda d: services.request_accept(actor=request.user, request_id=info.pk, note=d["note"]),
    )
    return failed or _after(request, info, _("Jawaban diterima; permintaan selesai."))


@login_required
@require_POST
def request_return(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    form = ReturnForm(request.POST)
    failed = _run(
        request,
        info,
        form,
        "return_form",
        lambda d: services.request_return(
            actor=request.user, request_id=info.pk, note=d["note"], days=d.get("days")
        ),
    )
    return failed or _after(request, info, _("Jawaban dikembalikan dengan tenggat baru."))


@login_required
@require_POST
def request_withdraw(request: HttpRequest, request_id: int) -> HttpResponse:
    info = _request_or_404(request.user, request_id)
    form = WithdrawForm(request.POST)
    failed = _run(
        request,
        info,
        form,
        "withdraw_form",
        lambda d: services.request_withdraw(actor=request.user, request_id=info.pk, reason=d["reason"]),
    )
    return failed or _after(request, info, _("Permintaan ditarik."))


# --- files -----------------------------------------------------------------------------------------------


@login_required
@require_GET
def document(request: HttpRequest, document_id: int) -> FileResponse:
    doc = Document.objects.filter(pk=document_id).first()
    if doc is None:
        raise Http404(_("Lampiran tidak ditemukan."))
    info = _request_or_404(request.user, doc.request_id)
    if not selectors.documents_for(request.user, info).filter(pk=doc.pk).exists():
        raise Http404(_("Lampiran tidak ditemukan."))
    return private_download(doc, missing=_("Berkas lampiran tidak tersedia."))


@login_required
@require_GET
def complaint_attachment(request: HttpRequest, request_id: int, attachment_id: int) -> FileResponse:
    """A complaint attachment opened through a request: the request rule decides (identity files never for
    a confidential complaint), so a unit without a handling can read the evidence it is asked about."""
    info = _request_or_404(request.user, request_id)
    att = selectors.complaint_attachments_for(request.user, info).filter(pk=attachment_id).first()
    if att is None:
        raise Http404(_("Lampiran tidak ditemukan."))
    return private_download(att, missing=_("Berkas lampiran tidak tersedia."))
