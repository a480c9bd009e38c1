"""Staff endpoints: the caller is a staff user (token or console session). Reads go through the selectors,
writes through the services; anything the caller may not see is a 404, exactly like a missing row."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Status

from tuntas.api import present
from tuntas.api.auth import staff_auth
from tuntas.api.schemas import (
    AssignIn,
    CommentIn,
    ComplaintStaffOut,
    ErrorOut,
    HandlingFilters,
    HandlingOut,
    HandlingPage,
    IdentityOut,
    StaffEventOut,
    TransitionIn,
)
from tuntas.complaints import selectors, services

router = Router(tags=["staff"], auth=staff_auth)

MAX_LIMIT = 100
READ_ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ErrorOut}  # 422: a path or query value of the wrong type
WRITE_ERRORS = {**READ_ERRORS, 400: ErrorOut, 403: ErrorOut, 409: ErrorOut}  # 400: a body that is not JSON


@router.get("/handlings", response={200: HandlingPage, 401: ErrorOut, 422: ErrorOut}, url_name="handlings")
def handlings(request: HttpRequest, filters: Query[HandlingFilters]):
    """The caller's inbox: handlings of their organisations, earliest deadline first by default."""
    qs = selectors.inbox(
        request.auth,
        selectors.InboxFilters(
            status=filters.status,
            state=filters.state,
            category=filters.category,
            due=filters.due,
            assignee=filters.assignee,
            region=filters.region,
            q=filters.q,
            organisation=filters.organisation,
            sort=filters.sort,
        ),
    )
    limit = min(filters.limit, MAX_LIMIT)
    page = qs[filters.offset : filters.offset + limit]
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": filters.offset,
        "items": [present.handling_item(h) for h in page],
    }


@router.get(
    "/complaints/{complaint_id}", response={200: ComplaintStaffOut, **READ_ERRORS}, url_name="complaint"
)
def complaint(request: HttpRequest, complaint_id: int):
    """A complaint with its handlings (and what the caller may do on each), timeline and attachments."""
    return present.complaint_staff(request.auth, selectors.complaint_for(request.auth, complaint_id))


@router.get(
    "/complaints/{complaint_id}/identity",
    response={200: IdentityOut, 403: ErrorOut, **READ_ERRORS},
    url_name="complaint_identity",
)
def complaint_identity(request: HttpRequest, complaint_id: int):
    """The reporter's identity, for roles allowed to see it; each view of a confidential identity is logged."""
    identity = services.identity_view(actor=request.auth, complaint_id=complaint_id)
    return {"reporter": present.reporter(identity)}


@router.post(
    "/handlings/{handling_id}/transitions",
    response={200: HandlingOut, **WRITE_ERRORS},
    url_name="handling_transition",
)
def handling_transition(request: HttpRequest, handling_id: int, payload: TransitionIn):
    """Take an SOP transition. Send ``expected_version`` (the version you saw) to get 409 instead of acting
    on a handling someone else changed in the meantime."""
    selectors.handling_for(request.auth, handling_id)
    h = services.handling_transition(
        actor=services.Actor(user=request.auth),
        handling_id=handling_id,
        transition=payload.transition,
        data=payload.data,
        expected_version=payload.expected_version,
    )
    return present.handling(request.auth, selectors.handling_for(request.auth, h.pk))


@router.post(
    "/handlings/{handling_id}/comments",
    response={201: StaffEventOut, **WRITE_ERRORS},
    url_name="handling_comment",
)
def handling_comment(request: HttpRequest, handling_id: int, payload: CommentIn):
    """An internal note, or with ``to_reporter`` a message the reporter sees when tracking."""
    selectors.handling_for(request.auth, handling_id)
    event = services.comment_add(
        actor=request.auth, handling_id=handling_id, text=payload.text, to_reporter=payload.to_reporter
    )
    return Status(201, present.staff_event(event))


@router.post(
    "/handlings/{handling_id}/assign",
    response={200: HandlingOut, **WRITE_ERRORS},
    url_name="handling_assign",
)
def handling_assign(request: HttpRequest, handling_id: int, payload: AssignIn):
    """Give the handling to a member of its organisation, or clear it with ``null``."""
    selectors.handling_for(request.auth, handling_id)
    h = services.handling_assign(actor=request.auth, handling_id=handling_id, assignee_id=payload.assignee_id)
    return present.handling(request.auth, selectors.handling_for(request.auth, h.pk))
