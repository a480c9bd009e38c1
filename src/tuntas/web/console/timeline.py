"""The staff timeline in words: each event as an Indonesian sentence with its actor, visibility and data.

Labels come from the SOP the event's handling follows, so an event reads the way the SOP names things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tuntas.complaints.models import Complaint, Event
from tuntas.workflows import engine
from tuntas.web.console.forms import sop_text


@dataclass(frozen=True)
class TimelineItem:
    event: Event
    sentence: str
    actor: str
    organisation: str
    visibility: str
    visibility_label: str
    message: str
    fields: list[tuple[str, str]] = field(default_factory=list)


def actor_name(event: Event) -> str:
    if event.actor is not None:
        return str(event.actor)
    if event.actor_kind == "pelapor":
        return _("Pelapor")
    return _("Sistem")


def _date_text(value: str) -> str:
    try:
        return date_format(dt.date.fromisoformat(value[:10]), "j F Y")
    except ValueError:
        return value


def _choice_label(choices: Iterable[engine.Choice], value: object) -> str | None:
    for c in choices:
        if c.value == value:
            return sop_text(c.label, c.label_en)
    return None


def _value_text(spec: engine.FieldSpec | None, wf: engine.Workflow | None, value: object) -> str:
    if isinstance(value, dict):  # an organisation or user: {"id", "name"}
        return str(value.get("name") or value.get("id") or "")
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if value is None:
        return "—"
    if spec is not None and wf is not None:
        if spec.type == "closure_reason" and str(value) in wf.closure_reasons:
            reason = wf.closure_reasons[str(value)]
            return sop_text(reason.label, reason.label_en)
        if spec.type in ("choice", "severity"):
            label = _choice_label(spec.choices or wf.severities, value)
            if label:
                return label
        if spec.type == "date" and isinstance(value, str):
            return _date_text(value)
    return str(value)


def _data_fields(
    wf: engine.Workflow | None, transition: engine.TransitionSpec | None, data: Mapping
) -> list[tuple[str, str]]:
    rows = []
    for name, value in data.items():
        if transition is not None and name == transition.message_field:
            continue  # shown as the event's message
        spec = transition.field(name) if transition else None
        label = sop_text(spec.label, spec.label_en) if spec else name.replace("_", " ").capitalize()
        rows.append((label, _value_text(spec, wf, value)))
    return rows


def _state_label(wf: engine.Workflow | None, name: str) -> str:
    state = wf.states.get(name) if wf else None
    return sop_text(state.label, state.label_en) if state else name


def _closure_label(workflows: Iterable[engine.Workflow], code: str) -> str:
    for wf in workflows:
        reason = wf.closure_reasons.get(code)
        if reason is not None:
            return sop_text(reason.label, reason.label_en)
    return code


def timeline_items(
    events: Iterable[Event], workflows: Mapping[int, engine.Workflow]
) -> list[TimelineItem]:
    """``workflows`` maps handling id -> the SOP that handling follows."""
    items = []
    for e in events:
        wf = workflows.get(e.handling_id) if e.handling_id else None
        org = e.handling.organisation.name if e.handling_id else ""
        actor = actor_name(e)
        p = e.payload or {}
        fields: list[tuple[str, str]] = []
        values = {"actor": actor, "org": org}
        kind = e.kind
        if kind == Event.Kind.SUBMITTED:
            channel = p.get("channel", "")
            label = Complaint.Channel(channel).label if channel in Complaint.Channel.values else channel
            sentence = _("Pelapor mengajukan pengaduan melalui %(channel)s.") % {"channel": label}
        elif kind == Event.Kind.HANDLING_OPENED:
            values["state"] = _state_label(wf, p.get("state", ""))
            if p.get("parent"):
                sentence = _("Pengaduan diteruskan ke %(org)s (tahap “%(state)s”).") % values
            else:
                sentence = _("Penanganan dibuka di %(org)s (tahap “%(state)s”).") % values
        elif kind == Event.Kind.TRANSITIONED:
            transition = wf.transitions.get(p.get("transition", "")) if wf else None
            values["to"] = _state_label(wf, p.get("to", ""))
            if transition is None and p.get("transition") == "cabut":
                sentence = _("Penanganan di %(org)s ditutup karena pengaduan dicabut.") % values
            else:
                values["action"] = (
                    sop_text(transition.label, transition.label_en) if transition else p.get("transition", "")
                )
                sentence = _("%(actor)s menjalankan “%(action)s” di %(org)s; tahap kini “%(to)s”.") % values
            fields = _data_fields(wf, transition, p.get("data") or {})
        elif kind == Event.Kind.COMMENTED:
            sentence = _("%(actor)s menulis catatan internal.") % values
        elif kind == Event.Kind.REPLIED:
            sentence = _("%(actor)s mengirim pesan kepada pelapor.") % values
        elif kind == Event.Kind.REPORTER_REPLIED:
            sentence = (
                _("Pelapor menyatakan jawaban sudah sesuai.") if p.get("accept") else _("Pelapor menanggapi.")
            )
        elif kind == Event.Kind.ASSIGNED:
            values["name"] = p.get("name") or ""
            if p.get("to") is None:
                sentence = _("%(actor)s menghapus penugasan di %(org)s.") % values
            elif e.actor_id is not None and p.get("to") == e.actor_id:
                sentence = _("%(actor)s mengambil penanganan di %(org)s.") % values
            else:
                sentence = _("%(actor)s menugaskan %(name)s di %(org)s.") % values
        elif kind == Event.Kind.ATTACHMENT_ADDED:
            sentence = _("%(actor)s menambahkan lampiran.") % values
        elif kind == Event.Kind.IDENTITY_VIEWED:
            sentence = _("%(actor)s melihat identitas pelapor.") % values
        elif kind == Event.Kind.CLOCK_BREACHED:
            clock = wf.clocks.get(p.get("clock", "")) if wf else None
            values["clock"] = sop_text(clock.label, clock.label_en) if clock else p.get("clock", "")
            values["due"] = _date_text(p.get("due_date", ""))
            sentence = _("Tenggat “%(clock)s” di %(org)s (%(due)s) terlewati.") % values
        elif kind == Event.Kind.WITHDRAWN:
            sentence = _("Pelapor mencabut pengaduan.")
        elif kind == Event.Kind.CLOSED:
            reason = p.get("closure_reason") or ""
            if reason:
                label = _closure_label(workflows.values(), reason)
                sentence = _("Pengaduan selesai: %(reason)s.") % {"reason": label}
            else:
                sentence = _("Pengaduan selesai.")
        elif kind == Event.Kind.RATED:
            sentence = _("Pelapor memberi penilaian %(rating)s dari 5.") % {"rating": p.get("rating", "?")}
        else:
            sentence = e.get_kind_display()
        items.append(
            TimelineItem(
                event=e,
                sentence=sentence,
                actor=actor,
                organisation=org,
                visibility=e.visibility,
                visibility_label=Event.Visibility(e.visibility).label
                if e.visibility in Event.Visibility.values
                else e.visibility,
                message=e.message,
                fields=fields,
            )
        )
    return items
