"""Writes for requests between organisations. Each step is one call: actor first, permission checked here,
rows locked, the change, its timeline event (internal) and the staff emails written in one transaction.

Lifecycle: terkirim (sent) -> diteruskan (routed to units) -> dijawab unit (every unit answered) -> dijawab
(reply sent to the requester) -> diterima (accepted) | dikembalikan (returned: asked again, new deadline,
back to the receiver) ; ditarik (withdrawn by the sender) from any open state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from tuntas.clarifications import access, notifications, routing
from tuntas.clarifications.models import Document, InfoRequest, RequestKind, Routing
from tuntas.complaints import access as complaint_access
from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.core.files import CleanFile, clean_uploads, store_clean_file
from tuntas.directory.models import Organisation, User

MAX_DAYS = 120
Files = Sequence[tuple[str, bytes]]
S = InfoRequest.Status


# --- checks ------------------------------------------------------------------------------------------------


def due_date_for(organisation: Organisation, days: int, start: dt.date | None = None) -> dt.date:
    """``days`` working days after ``start`` (today) on the calendar of the organisation that must answer."""
    return calendar_for(organisation.region_id).working_days_add(start or time.today(), days)


def _days(value: object, default: int) -> int:
    if value in (None, ""):
        return default
    try:
        days = int(value)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_DAYS:
        message = _("Tenggat harus antara 1 dan %(max)s hari kerja.") % {"max": MAX_DAYS}
        raise InvalidInput(message, errors={"days": message})
    return days


def _text(value: str, field: str, *, required: bool = True, limit: int = 10_000) -> str:
    text = (value or "").strip()
    if required and not text:
        message = _("Wajib diisi.")
        raise InvalidInput(message, errors={field: message})
    if len(text) > limit:
        message = _("Terlalu panjang (maksimal %(n)s karakter).") % {"n": limit}
        raise InvalidInput(message, errors={field: message})
    return text


def _files(files: Files, field: str = "files") -> list[CleanFile]:
    try:
        return clean_uploads(list(files))
    except InvalidInput as exc:
        raise InvalidInput(exc.message, errors={field: exc.message}) from exc


def _locked(actor: User, request_id: int) -> InfoRequest:
    """The request, locked; NotFound when the actor may not see it (the same as a missing one)."""
    if not access.visible_requests(actor).filter(pk=request_id).exists():
        raise NotFound(_("Permintaan tidak ditemukan."))
    return (
        InfoRequest.objects.select_for_update(of=("self",))
        .select_related("complaint", "kind", "sender_organisation", "receiver_organisation", "handling")
        .get(pk=request_id)
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise NotPermitted(_("Anda tidak berwenang melakukan ini pada permintaan ini."))


def _require_status(request: InfoRequest, statuses: Iterable[str]) -> None:
    if request.status not in statuses:
        raise Conflict(
            _("Permintaan berstatus “%(status)s”; langkah ini tidak tersedia.")
            % {"status": request.get_status_display()}
        )


def _save(request: InfoRequest, *fields: str) -> None:
    request.version += 1
    request.save(update_fields=[*fields, "version"])


def _event(request: InfoRequest, kind: str, actor: User, **payload: object) -> Event:
    """The timeline row on the sender's handling. Internal; names organisations and dates only, never the
    texts, so that every organisation reading the timeline may read it."""
    return event_add(
        complaint=request.complaint,
        handling=request.handling,
        kind=kind,
        actor=actor,
        visibility=Event.Visibility.INTERNAL,
        payload={
            "request": request.pk,
            "kind": request.kind_id,
            "sender": {"id": request.sender_organisation_id, "name": request.sender_organisation.name},
            "receiver": {"id": request.receiver_organisation_id, "name": request.receiver_organisation.name},
            "due_date": request.due_date.isoformat(),
            **payload,
        },
    )


def _store(
    request: InfoRequest,
    files: list[CleanFile],
    *,
    stage: str,
    organisation: Organisation,
    actor: User,
    routing_row: Routing | None = None,
) -> list[Document]:
    saved = []
    for f in files:
        doc = Document(
            request=request,
            routing=routing_row,
            stage=stage,
            organisation=organisation,
            uploaded_by=actor,
            created_at=time.now(),
        )
        saved.append(store_clean_file(doc, f))
    return saved


def _sender_handling(complaint: Complaint, organisation: Organisation) -> Handling | None:
    return (
        Handling.objects.filter(complaint=complaint, organisation=organisation)
        .order_by("-is_open", "-opened_at", "-id")
        .first()
    )


# --- the sender -------------------------------------------------------------------------------------------


def request_send(
    *,
    actor: User,
    complaint_id: int,
    receiver_id: int,
    kind: str,
    subject: str,
    question: str,
    days: int | None = None,
    sender_organisation_id: int | None = None,
    files: Files = (),
) -> InfoRequest:
    """Send a request about a complaint the sender's organisation handles, due ``days`` working days from
    today on the receiver's calendar (the kind's default when not given)."""
    complaint = Complaint.objects.select_related("reported_organisation").filter(pk=complaint_id).first()
    if complaint is None or not complaint_access.can_view_complaint(actor, complaint):
        raise NotFound(_("Pengaduan tidak ditemukan."))
    senders = access.sending_organisations(actor, complaint)
    if sender_organisation_id is not None:
        senders = [o for o in senders if o.pk == sender_organisation_id]
    _require(bool(senders))
    sender = senders[0]
    request_kind = RequestKind.objects.filter(slug=kind, is_active=True).first()
    if request_kind is None:
        raise InvalidInput(
            _("Jenis permintaan tidak dikenal."), errors={"kind": _("Pilih jenis permintaan.")}
        )
    receiver = next((o for o in routing.receiver_choices(sender, complaint) if o.pk == receiver_id), None)
    if receiver is None:
        message = _("Unit tujuan tidak dapat menerima permintaan ini.")
        raise InvalidInput(message, errors={"receiver": message})
    n = _days(days, request_kind.default_days)
    subject = _text(subject, "subject", limit=200)
    question = _text(question, "question")
    cleaned = _files(files)
    with transaction.atomic():
        Complaint.objects.select_for_update().filter(pk=complaint.pk).exists()  # orders with other writers
        request = InfoRequest.objects.create(
            complaint=complaint,
            handling=_sender_handling(complaint, sender),
            kind=request_kind,
            sender_organisation=sender,
            sender=actor,
            receiver_organisation=receiver,
            subject=subject,
            question=question,
            days=n,
            sent_at=time.now(),
            due_date=due_date_for(receiver, n),
        )
        _store(request, cleaned, stage=Document.Stage.REQUEST, organisation=sender, actor=actor)
        event = _event(request, Event.Kind.CLARIFICATION_REQUESTED, actor, days=n)
        notifications.tell(receiver, "clarification_requested", request, event=event)
    return request


def request_accept(*, actor: User, request_id: int, note: str = "") -> InfoRequest:
    """The sender accepts the reply; the request is closed."""
    with transaction.atomic():
        request = _locked(actor, request_id)
        _require(access.can_act_as_sender(actor, request))
        _require_status(request, [S.ANSWERED])
        request.status = S.ACCEPTED
        request.closing_note = _text(note, "note", required=False)
        request.closed_at = time.now()
        _save(request, "status", "closing_note", "closed_at")
        event = _event(request, Event.Kind.CLARIFICATION_CLOSED, actor, outcome="accepted")
        notifications.tell(request.receiver_organisation, "clarification_closed", request, event=event)
    return request


def request_return(*, actor: User, request_id: int, note: str, days: int | None = None) -> InfoRequest:
    """The sender finds the reply insufficient and asks again, with a reason and a new deadline."""
    with transaction.atomic():
        request = _locked(actor, request_id)
        _require(access.can_act_as_sender(actor, request))
        _require_status(request, [S.ANSWERED])
        request.closing_note = _text(note, "note")
        request.days = _days(days, request.days)
        request.due_date = due_date_for(request.receiver_organisation, request.days)
        request.status = S.RETURNED
        request.round += 1
        _save(request, "closing_note", "days", "due_date", "status", "round")
        event = _event(request, Event.Kind.CLARIFICATION_RETURNED, actor, round=request.round)
        notifications.tell(request.receiver_organisation, "clarification_returned", request, event=event)
    return request


def request_withdraw(*, actor: User, request_id: int, reason: str) -> InfoRequest:
    """The sender no longer needs an answer; units still working on it are told it is closed."""
    with transaction.atomic():
        request = _locked(actor, request_id)
        _require(access.can_act_as_sender(actor, request))
        _require_status(request, [*InfoRequest.OPEN_STATUSES, S.ANSWERED])
        request.closing_note = _text(reason, "reason")
        request.status = S.WITHDRAWN
        request.closed_at = time.now()
        _save(request, "closing_note", "status", "closed_at")
        request.routings.filter(status=Routing.Status.OPEN).update(status=Routing.Status.CLOSED)
        event = _event(request, Event.Kind.CLARIFICATION_CLOSED, actor, outcome="withdrawn")
        notifications.tell(request.receiver_organisation, "clarification_closed", request, event=event)
    return request


# --- the receiver (focal point) ---------------------------------------------------------------------------


def request_route(
    *,
    actor: User,
    request_id: int,
    organisation_ids: Iterable[int],
    instruction: str = "",
    days: int | None = None,
) -> list[Routing]:
    """The receiver forwards the request to its responsible units. Each routing is due ``days`` working
    days from today, but never after the request itself is due (the receiver needs time to compile)."""
    with transaction.atomic():
        request = _locked(actor, request_id)
        _require(access.can_act_as_receiver(actor, request))
        _require_status(request, InfoRequest.OPEN_STATUSES)
        choices = {o.pk: o for o in routing.unit_choices(request.receiver_organisation, request.complaint)}
        wanted = list(dict.fromkeys(int(i) for i in organisation_ids))
        if not wanted or any(i not in choices for i in wanted):
            message = _("Pilih unit yang bertanggung jawab.")
            raise InvalidInput(message, errors={"units": message})
        busy = set(
            request.routings.filter(status=Routing.Status.OPEN, organisation_id__in=wanted).values_list(
                "organisation_id", flat=True
            )
        )
        if busy:
            message = _("%(units)s masih mengerjakan permintaan ini.") % {
                "units": ", ".join(choices[i].name for i in wanted if i in busy)
            }
            raise Conflict(message, errors={"units": message})
        text = _text(instruction, "instruction", required=False)
        n = _days(days, max(1, request.days // 2))
        now = time.now()
        rows = []
        for org_id in wanted:
            unit = choices[org_id]
            rows.append(
                Routing.objects.create(
                    request=request,
                    organisation=unit,
                    instruction=text,
                    routed_by=actor,
                    routed_at=now,
                    round=request.round,
                    due_date=min(due_date_for(unit, n), request.due_date),
                )
            )
        request.status = S.ROUTED
        _save(request, "status")
        event = _event(
            request,
            Event.Kind.CLARIFICATION_ROUTED,
            actor,
            units=[{"id": r.organisation_id, "name": r.organisation.name} for r in rows],
        )
        for r in rows:
            notifications.tell(r.organisation, "clarification_routed", request, event=event, routing=r)
    return rows


def request_reply(
    *,
    actor: User,
    request_id: int,
    reply: str,
    files: Files = (),
    document_ids: Iterable[int] = (),
) -> InfoRequest:
    """The receiver answers the sender, with its own files and any of the units' documents. Units still
    working are closed: the reply is the receiver's answer as a whole."""
    cleaned = _files(files)
    with transaction.atomic():
        request = _locked(actor, request_id)
        _require(access.can_act_as_receiver(actor, request))
        _require_status(request, InfoRequest.OPEN_STATUSES)
        request.reply = _text(reply, "reply")
        ids = {int(i) for i in document_ids}
        unit_docs = request.documents.filter(stage=Document.Stage.UNIT)
        if ids - set(unit_docs.values_list("pk", flat=True)):
            raise InvalidInput(
                _("Dokumen unit tidak dikenal."), errors={"documents": _("Dokumen tidak dikenal.")}
            )
        unit_docs.filter(pk__in=ids).update(in_reply=True)
        _store(
            request,
            cleaned,
            stage=Document.Stage.REPLY,
            organisation=request.receiver_organisation,
            actor=actor,
        )
        request.routings.filter(status=Routing.Status.OPEN).update(status=Routing.Status.CLOSED)
        request.status = S.ANSWERED
        request.replied_at = time.now()
        request.replied_by = actor
        _save(request, "reply", "status", "replied_at", "replied_by")
        event = _event(request, Event.Kind.CLARIFICATION_ANSWERED, actor, by="receiver", round=request.round)
        notifications.tell(request.sender_organisation, "clarification_answered", request, event=event)
    return request


# --- a unit ----------------------------------------------------------------------------------------------


def routing_answer(*, actor: User, routing_id: int, answer: str, files: Files = ()) -> Routing:
    """A unit answers the receiver (not the sender: the receiver compiles the reply)."""
    row = Routing.objects.filter(pk=routing_id).only("request_id").first()
    if row is None:
        raise NotFound(_("Permintaan tidak ditemukan."))
    cleaned = _files(files)
    with transaction.atomic():
        request = _locked(actor, row.request_id)
        row = (
            Routing.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=routing_id)
        )
        _require(access.can_answer_routing(actor, row))
        if not row.is_open or request.status not in InfoRequest.OPEN_STATUSES:
            raise Conflict(_("Penerusan ini sudah dijawab atau ditutup."))
        row.answer = _text(answer, "answer")
        row.status = Routing.Status.ANSWERED
        row.answered_by = actor
        row.answered_at = time.now()
        row.save(update_fields=["answer", "status", "answered_by", "answered_at"])
        _store(
            request,
            cleaned,
            stage=Document.Stage.UNIT,
            organisation=row.organisation,
            actor=actor,
            routing_row=row,
        )
        if not request.routings.filter(status=Routing.Status.OPEN).exists():
            request.status = S.UNIT_ANSWERED
        _save(request, "status")
        event = _event(
            request,
            Event.Kind.CLARIFICATION_ANSWERED,
            actor,
            by="unit",
            unit={"id": row.organisation_id, "name": row.organisation.name},
        )
        notifications.tell(
            request.receiver_organisation, "clarification_unit_answered", request, event=event, routing=row
        )
    return row
