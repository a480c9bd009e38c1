"""Models -> API output dicts. Every read here goes through complaints.selectors/access, which already decide
what the caller may see; this module only chooses the shape and the language of labels."""

from __future__ import annotations

from tuntas.complaints import access, selectors
from tuntas.complaints.models import Attachment, Complaint, Event, Handling, ReporterIdentity
from tuntas.complaints.services import Submitted
from tuntas.core import clock as time
from tuntas.core.i18n import english
from tuntas.directory.access import roles_in
from tuntas.directory.models import Organisation, User
from tuntas.workflows import engine
from tuntas.workflows.registry import workflow_for


def _l(obj: object, attr: str) -> str:
    """The English variant of a label when the request asked for English and one exists."""
    if english():
        value = getattr(obj, f"{attr}_en", "")
        if value:
            return value
    return getattr(obj, attr)


def org_ref(o: Organisation | None) -> dict | None:
    return None if o is None else {"id": o.pk, "slug": o.slug, "name": o.name}


def category_ref(c) -> dict | None:  # noqa: ANN001
    return None if c is None else {"slug": c.slug, "name": _l(c, "name")}


def region_ref(r) -> dict | None:  # noqa: ANN001
    return None if r is None else {"code": r.code, "name": r.name}


def user_ref(u: User | None) -> dict | None:
    return None if u is None else {"id": u.pk, "name": str(u)}


def _overdue(h: Handling) -> bool:
    return bool(h.is_open and h.due_date and h.due_date < time.today())


def _state_label(wf: engine.Workflow, state: str) -> str:
    spec = wf.states.get(state)
    return _l(spec, "label") if spec else state


def _public_state_label(wf: engine.Workflow, state: str) -> str:
    spec = wf.states.get(state)
    return _l(spec, "public_label") if spec else ""


# --- public -----------------------------------------------------------------------------------------------
def submitted(s: Submitted) -> dict:
    st = selectors.public_status(s.complaint)
    return {
        "tracking_code": s.complaint.tracking_code,
        "secret": s.secret,
        "status": s.complaint.status,
        "status_label": st.label,
        "next_step": st.next_step,
        "due_date": st.due_date,
    }


def _public_event(e: Event) -> dict:
    state_label = ""
    if e.handling is not None:
        target = e.payload.get("to") if e.kind == Event.Kind.TRANSITIONED else e.payload.get("state")
        if e.kind in (Event.Kind.TRANSITIONED, Event.Kind.HANDLING_OPENED) and target:
            state_label = _public_state_label(workflow_for(e.handling), target)
    return {
        "kind": e.kind,
        "kind_label": str(Event.Kind(e.kind).label),
        "at": e.created_at,
        "message": e.message,
        "state_label": state_label,
        "organisation": e.handling.organisation.name if e.handling else "",
    }


def track(c: Complaint) -> dict:
    """What the reporter sees: plain status words, what happens next, and only reporter-visible events."""
    st = selectors.public_status(c)
    events = selectors.reporter_timeline(c).select_related("handling__workflow")
    return {
        "code": c.tracking_code,
        "title": c.title,
        "description": c.description,
        "category": _l(c.category, "name") if c.category else "",
        "classification": c.classification,
        "privacy": c.privacy,
        "submitted_at": c.submitted_at,
        "status": c.status,
        "status_label": st.label,
        "organisation": st.organisation,
        "next_step": st.next_step,
        "due_date": st.due_date,
        "can_reply": st.can_reply,
        "can_accept": st.can_accept,
        "can_rate": st.can_rate,
        "can_withdraw": st.can_withdraw,
        "handlings": [
            {
                "organisation": h.organisation,
                "label": h.label,
                "next_step": h.next_step,
                "due_date": h.due_date,
                "waiting_for_reporter": h.waiting_for_reporter,
            }
            for h in st.handlings
        ],
        "can_escalate": st.can_escalate,
        "escalate_to": st.escalate_to,
        "escalate_kind": st.escalate_kind,
        "escalate_until": st.escalate_until,
        "rating": c.rating,
        "timeline": [_public_event(e) for e in events],
        "attachments": [
            {"name": a.original_name, "size": a.size, "content_type": a.content_type}
            for a in selectors.reporter_attachments(c)
        ],
    }


# --- staff ------------------------------------------------------------------------------------------------
def handling_item(h: Handling) -> dict:
    c = h.complaint
    return {
        "id": h.pk,
        "complaint_id": c.pk,
        "tracking_code": c.tracking_code,
        "title": c.title,
        "category": category_ref(c.category),
        "region": region_ref(c.region),
        "organisation": org_ref(h.organisation),
        "state": h.state,
        "state_label": _state_label(workflow_for(h), h.state),
        "assignee": user_ref(h.assignee),
        "due_date": h.due_date,
        "overdue": _overdue(h),
        "version": h.version,
    }


def _field(f: engine.FieldSpec) -> dict:
    return {
        "name": f.name,
        "type": f.type,
        "required": f.required,
        "label": _l(f, "label"),
        "help": _l(f, "help"),
        "choices": [{"value": c.value, "label": _l(c, "label")} for c in f.choices],
        "kinds": list(f.kinds),
    }


def transitions_for(user: User, h: Handling, wf: engine.Workflow) -> list[dict]:
    """The SOP transitions the caller's roles in the handling's organisation allow from its current state."""
    if not h.is_open:
        return []
    return [
        {"name": t.name, "label": _l(t, "label"), "style": t.style, "fields": [_field(f) for f in t.fields]}
        for t in wf.transitions_from(h.state, roles_in(user, h.organisation_id))
    ]


def handling(user: User, h: Handling) -> dict:
    wf = workflow_for(h)
    return {
        "id": h.pk,
        "complaint_id": h.complaint_id,
        "organisation": org_ref(h.organisation),
        "workflow": wf.slug,
        "state": h.state,
        "state_label": _state_label(wf, h.state),
        "is_open": h.is_open,
        "assignee": user_ref(h.assignee),
        "parent_id": h.parent_id,
        "instruction": h.instruction,
        "severity": h.severity,
        "closure_reason": h.closure_reason,
        "opened_at": h.opened_at,
        "closed_at": h.closed_at,
        "due_date": h.due_date,
        "overdue": _overdue(h),
        "version": h.version,
        "transitions": transitions_for(user, h, wf),
    }


def staff_event(e: Event) -> dict:
    return {
        "id": e.pk,
        "kind": e.kind,
        "kind_label": str(Event.Kind(e.kind).label),
        "at": e.created_at,
        "visibility": e.visibility,
        "actor": user_ref(e.actor),
        "actor_kind": e.actor_kind,
        "handling_id": e.handling_id,
        "organisation": e.handling.organisation.name if e.handling else "",
        "message": e.message,
        "payload": e.payload,
    }


def _staff_attachment(a: Attachment) -> dict:
    return {
        "id": a.pk,
        "name": a.original_name,
        "size": a.size,
        "content_type": a.content_type,
        "from_reporter": a.from_reporter,
        "identifying": a.identifying,
        "visibility": a.visibility,
        "created_at": a.created_at,
    }


def reporter(identity: ReporterIdentity | None) -> dict | None:
    if identity is None:
        return None
    return {
        "name": identity.name,
        "email": identity.email,
        "phone": identity.phone,
        "nik": identity.nik,
        "address": identity.address,
    }


def complaint_staff(user: User, c: Complaint) -> dict:
    """The staff view. The identity is inline only for a public complaint the caller may see it on; a
    confidential one is opened through identity_view, which records who looked."""
    may_see = access.can_see_identity(user, c)
    identity = None
    if may_see and c.privacy == Complaint.Privacy.PUBLIC:
        identity = ReporterIdentity.objects.filter(complaint=c).first()
    handlings = c.handlings.select_related("organisation", "workflow", "assignee").order_by("opened_at", "id")
    return {
        "id": c.pk,
        "tracking_code": c.tracking_code,
        "title": c.title,
        "description": c.description,
        "classification": c.classification,
        "category": category_ref(c.category),
        "channel": c.channel,
        "privacy": c.privacy,
        "region": region_ref(c.region),
        "location_text": c.location_text,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "reported_organisation": org_ref(c.reported_organisation),
        "intake_organisation": org_ref(c.intake_organisation),
        "service_name": c.service_name,
        "occurred_on": c.occurred_on,
        "status": c.status,
        "closure_reason": c.closure_reason,
        "submitted_at": c.submitted_at,
        "closed_at": c.closed_at,
        "rating": c.rating,
        "rating_comment": c.rating_comment,
        "version": c.version,
        "handlings": [handling(user, h) for h in handlings],
        "timeline": [staff_event(e) for e in selectors.staff_timeline(c)],
        "attachments": [_staff_attachment(a) for a in selectors.staff_attachments(user, c)],
        "reporter": reporter(identity),
        "identity_available": may_see and c.privacy == Complaint.Privacy.CONFIDENTIAL,
    }
