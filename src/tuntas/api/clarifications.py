"""Staff endpoints for requests between organisations (clarification, documents, corrective action, status).

Mount in ``api/api.py`` with ``api.add_router("", clarifications.router)``. Reads go through
``clarifications.selectors`` and writes through ``clarifications.services``: a request the caller may not see
is a 404. Files are uploaded through the console; here they are listed by name with their console link. The
identity rule is the console's: the reporter's identity is never part of these payloads.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from tuntas.api.auth import staff_auth
from tuntas.api.schemas import ErrorOut
from tuntas.clarifications import access, selectors, services
from tuntas.clarifications.models import InfoRequest
from tuntas.core.errors import NotFound

router = Router(tags=["clarifications"], auth=staff_auth)

READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}  # 422: a path or query value of the wrong type
WRITE_ERRORS = {**READ_ERRORS, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut}  # 400: a body that is not JSON


class OrgOut(Schema):
    id: int
    name: str


class RoutingOut(Schema):
    id: int
    organisation: OrgOut
    status: str
    due_date: dt.date
    overdue: bool
    answer: str = Field(description="empty unless the caller is the receiver or this unit")


class DocumentOut(Schema):
    id: int
    name: str
    stage: str
    url: str


class ClarificationOut(Schema):
    id: int
    complaint_id: int
    tracking_code: str
    kind: str
    status: str
    subject: str
    sender: OrgOut
    receiver: OrgOut
    due_date: dt.date
    flag: str = Field(description='"overdue", "soon" or ""')
    round: int


class ClarificationDetailOut(ClarificationOut):
    question: str
    reply: str
    closing_note: str
    routings: list[RoutingOut]
    documents: list[DocumentOut]


class SendIn(Schema):
    complaint_id: int
    receiver_id: int
    kind: str = "klarifikasi"
    subject: str
    question: str
    days: int | None = None


class RouteIn(Schema):
    organisation_ids: list[int]
    instruction: str = ""
    days: int | None = None


class TextIn(Schema):
    text: str = ""
    days: int | None = None
    document_ids: list[int] = Field(default_factory=list)


def _org(o) -> OrgOut:  # noqa: ANN001
    return OrgOut(id=o.pk, name=o.name)


def _summary(r: InfoRequest, window: selectors.DueWindow) -> dict:
    return {
        "id": r.pk,
        "complaint_id": r.complaint_id,
        "tracking_code": r.complaint.tracking_code,
        "kind": r.kind_id,
        "status": r.status,
        "subject": r.subject,
        "sender": _org(r.sender_organisation),
        "receiver": _org(r.receiver_organisation),
        "due_date": r.due_date,
        "flag": selectors.request_flag(r, window),
        "round": r.round,
    }


def _detail(user, request_id: int) -> dict:  # noqa: ANN001
    r = selectors.request_for(user, request_id)
    window = selectors.due_window()
    routings = [
        RoutingOut(
            id=x.pk,
            organisation=_org(x.organisation),
            status=x.status,
            due_date=x.due_date,
            overdue=selectors.routing_flag(x, window) == "overdue",
            answer=x.answer if access.reads_unit_answer(user, r, x) else "",
        )
        for x in selectors.routings_for(user, r)
    ]
    documents = [
        DocumentOut(
            id=d.pk,
            name=d.original_name,
            stage=d.stage,
            url=reverse("console:clarification_document", args=[d.pk]),
        )
        for d in selectors.documents_for(user, r)
    ]
    return {
        **_summary(r, window),
        "question": r.question,
        "reply": r.reply,
        "closing_note": r.closing_note,
        "routings": routings,
        "documents": documents,
    }


@router.get(
    "/clarifications", response={200: list[ClarificationOut], **READ_ERRORS}, url_name="clarification_list"
)
def clarification_list(request: HttpRequest, box: str = "incoming", due: str = "", status: str = "open"):
    """Incoming (to answer) or outgoing (sent) requests, earliest deadline first; ``due``: overdue | soon."""
    window = selectors.due_window()
    rows = selectors.request_list(request.auth, box=box, due=due, status=status)[:200]
    return [_summary(r, window) for r in rows]


@router.get(
    "/clarifications/{request_id}",
    response={200: ClarificationDetailOut, **READ_ERRORS},
    url_name="clarification",
)
def clarification(request: HttpRequest, request_id: int):
    return _detail(request.auth, request_id)


@router.post(
    "/clarifications", response={201: ClarificationDetailOut, **WRITE_ERRORS}, url_name="clarification_send"
)
def clarification_send(request: HttpRequest, payload: SendIn):
    r = services.request_send(actor=request.auth, **payload.dict())
    return Status(201, _detail(request.auth, r.pk))


@router.post(
    "/clarifications/{request_id}/route",
    response={200: ClarificationDetailOut, **WRITE_ERRORS},
    url_name="clarification_route",
)
def clarification_route(request: HttpRequest, request_id: int, payload: RouteIn):
    services.request_route(actor=request.auth, request_id=request_id, **payload.dict())
    return _detail(request.auth, request_id)


@router.post(
    "/clarifications/routings/{routing_id}/answer",
    response={200: ClarificationDetailOut, **WRITE_ERRORS},
    url_name="clarification_answer",
)
def clarification_answer(request: HttpRequest, routing_id: int, payload: TextIn):
    row = services.routing_answer(actor=request.auth, routing_id=routing_id, answer=payload.text)
    return _detail(request.auth, row.request_id)


@router.post(
    "/clarifications/{request_id}/{step}",
    response={200: ClarificationDetailOut, **WRITE_ERRORS},
    url_name="clarification_step",
)
def clarification_step(request: HttpRequest, request_id: int, step: str, payload: TextIn):
    """``step``: reply (text, document_ids), accept (text = note), return (text, days), withdraw (text)."""
    user = request.auth
    if step == "reply":
        services.request_reply(
            actor=user, request_id=request_id, reply=payload.text, document_ids=payload.document_ids
        )
    elif step == "accept":
        services.request_accept(actor=user, request_id=request_id, note=payload.text)
    elif step == "return":
        services.request_return(actor=user, request_id=request_id, note=payload.text, days=payload.days)
    elif step == "withdraw":
        services.request_withdraw(actor=user, request_id=request_id, reason=payload.text)
    else:
        raise NotFound(_("Aksi tidak dikenal."))
    return _detail(user, request_id)
