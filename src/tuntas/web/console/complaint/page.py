"""Everything the complaint page shows, gathered in one place so a failed form can re-render the same page."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpRequest

from tuntas.complaints import access, selectors, services
from tuntas.complaints.attachments import by_event
from tuntas.complaints.models import Complaint, Handling, ReporterIdentity
from tuntas.directory.access import WORKING_ROLES, organisation_ids_of, roles_in
from tuntas.directory.models import User
from tuntas.web.console.common import DueWindow, console_context, due_window, region_path
from tuntas.web.console.complaint.forms import AssignForm, NoteForm, TransitionForm
from tuntas.web.console.complaint.timeline import timeline_items
from tuntas.web.shortcuts import sop_text
from tuntas.workflows import engine
from tuntas.workflows.registry import workflow_for


@dataclass
class HandlingPanel:
    handling: Handling
    own: bool
    sop_name: str
    state_label: str
    due_flag: str
    transitions: list[TransitionForm] = field(default_factory=list)
    open_form: str = ""  # dom id of the transition form to show open (after a failed submit)
    assign_form: AssignForm | None = None
    can_take: bool = False
    can_note: bool = False
    can_reply: bool = False
    note_form: NoteForm | None = None
    reply_form: NoteForm | None = None


@dataclass(frozen=True)
class IdentityBlock:
    """``mode``: anonymous | shown | reveal (confidential, allowed, behind a recorded click) | hidden.
    ``rule``: who may open it and why this viewer may or may not (hidden and reveal only)."""

    mode: str
    identity: ReporterIdentity | None = None
    rule: access.IdentityRule | None = None


def identity_block(
    user: User, complaint: Complaint, revealed: ReporterIdentity | None = None
) -> IdentityBlock:
    if complaint.privacy == Complaint.Privacy.ANONYMOUS:
        return IdentityBlock("anonymous")
    if revealed is not None:
        return IdentityBlock("shown", revealed)
    rule = access.identity_rule(user, complaint)  # the same decision as access.can_see_identity
    if not rule.viewer_may:
        return IdentityBlock("hidden", rule=rule)
    if complaint.privacy == Complaint.Privacy.CONFIDENTIAL:
        return IdentityBlock("reveal", rule=rule)
    return IdentityBlock("shown", services.identity_view(actor=user, complaint_id=complaint.pk))


def _panel(
    user: User,
    complaint: Complaint,
    h: Handling,
    wf: engine.Workflow,
    *,
    own: bool,
    window: DueWindow,
    bound: TransitionForm | None,
) -> HandlingPanel:
    state = wf.states.get(h.state)
    panel = HandlingPanel(
        handling=h,
        own=own,
        sop_name=sop_text(wf.name, wf.name_en),
        state_label=sop_text(state.label, state.label_en) if state else h.state,
        due_flag=window.flag(h),
    )
    if not own:
        return panel
    roles = roles_in(user, h.organisation_id)
    working = bool(roles & WORKING_ROLES)
    for t in wf.transitions_from(h.state, roles) if h.is_open else []:
        if bound is not None and bound.handling.pk == h.pk and bound.transition.name == t.name:
            panel.transitions.append(bound)
            panel.open_form = bound.dom_id
        else:
            panel.transitions.append(TransitionForm(transition=t, workflow=wf, handling=h))
    if h.is_open and roles & access.ASSIGNING_ROLES:
        panel.assign_form = AssignForm(handling=h)
    panel.can_take = h.is_open and working and panel.assign_form is None and h.assignee_id != user.pk
    panel.can_note = working
    panel.can_reply = working and h.is_open and complaint.is_open
    if panel.can_note:
        panel.note_form = NoteForm(prefix=f"h{h.pk}-catatan")
    if panel.can_reply:
        panel.reply_form = NoteForm(prefix=f"h{h.pk}-balas")
    return panel


def _coordinate(value: Decimal | None) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def osm_url(complaint: Complaint) -> str:
    if complaint.latitude is None or complaint.longitude is None:
        return ""
    lat, lon = _coordinate(complaint.latitude), _coordinate(complaint.longitude)
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def complaint_context(
    request: HttpRequest,
    complaint: Complaint,
    *,
    bound: TransitionForm | None = None,
    revealed: ReporterIdentity | None = None,
) -> dict:
    user = request.user
    handlings = list(
        complaint.handlings.select_related("organisation", "workflow", "assignee").order_by("opened_at", "id")
    )
    workflows = {h.pk: workflow_for(h) for h in handlings}
    own_ids = organisation_ids_of(user)
    window = due_window()
    panels = [
        _panel(
            user,
            complaint,
            h,
            workflows[h.pk],
            own=user.is_superuser or h.organisation_id in own_ids,
            window=window,
            bound=bound,
        )
        for h in handlings
    ]
    attachments = list(selectors.staff_attachments(user, complaint))
    context = {
        "complaint": complaint,
        "region_path": region_path(complaint.region),
        "coordinates": (_coordinate(complaint.latitude), _coordinate(complaint.longitude))
        if complaint.latitude is not None
        else None,
        "osm_url": osm_url(complaint),
        "identity": identity_block(user, complaint, revealed),
        "attachments": attachments,
        "own_panels": [p for p in panels if p.own],
        "other_panels": [p for p in panels if not p.own],
        "open_panels": any(p.own and p.handling.is_open for p in panels),
        "timeline": timeline_items(selectors.staff_timeline(complaint), workflows, by_event(attachments)),
    }
    context.update(console_context(request))
    return context
