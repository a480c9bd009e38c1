"""The staff timeline in words: each event as an Indonesian sentence with its actor, visibility and data.

Labels come from the SOP the event's handling follows, so an event reads the way the SOP names things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tuntas.complaints.models import Attachment, Complaint, Event
from tuntas.web.shortcuts import sop_text
from tuntas.workflows import engine


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
    files: list[Attachment] = field(default_factory=list)  # what came with the event, as the reader may see


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


@dataclass(frozen=True)
class _Ctx:
    """One event with what its sentence needs: the SOP of its handling and the names to fill in."""

    event: Event
    wf: engine.Workflow | None
    workflows: Mapping[int, engine.Workflow]
    actor: str
    org: str

    @property
    def p(self) -> Mapping:
        return self.event.payload or {}


Sentence = tuple[str, list[tuple[str, str]]]  # the sentence and the transition data rows


def _submitted(c: _Ctx) -> Sentence:
    channel = c.p.get("channel", "")
    label = Complaint.Channel(channel).label if channel in Complaint.Channel.values else channel
    return _("Pelapor mengajukan pengaduan melalui %(channel)s.") % {"channel": label}, []


def _handling_opened(c: _Ctx) -> Sentence:
    values = {"org": c.org, "state": _state_label(c.wf, c.p.get("state", ""))}
    if c.p.get("parent"):
        return _("Pengaduan diteruskan ke %(org)s (tahap “%(state)s”).") % values, []
    return _("Penanganan dibuka di %(org)s (tahap “%(state)s”).") % values, []


def _transitioned(c: _Ctx) -> Sentence:
    name = c.p.get("transition", "")
    transition = c.wf.transitions.get(name) if c.wf else None
    values = {"actor": c.actor, "org": c.org, "to": _state_label(c.wf, c.p.get("to", ""))}
    if transition is None and name == "cabut":  # written by the withdrawal, not an SOP transition
        return _("Penanganan di %(org)s ditutup karena pengaduan dicabut.") % values, []
    if transition is None and name in ("ambil_alih", "eskalasi_pelapor"):  # moves outside the SOP
        from tuntas.complaints.transfers import MOVE_LABELS

        values["move"] = str(MOVE_LABELS[name])
        return _("Penanganan di %(org)s ditutup: %(move)s.") % values, []
    values["action"] = sop_text(transition.label, transition.label_en) if transition else name
    sentence = _("%(actor)s menjalankan “%(action)s” di %(org)s; tahap kini “%(to)s”.") % values
    return sentence, _data_fields(c.wf, transition, c.p.get("data") or {})


def _assigned(c: _Ctx) -> Sentence:
    values = {"actor": c.actor, "org": c.org, "name": c.p.get("name") or ""}
    if c.p.get("to") is None:
        return _("%(actor)s menghapus penugasan di %(org)s.") % values, []
    if c.event.actor_id is not None and c.p.get("to") == c.event.actor_id:
        return _("%(actor)s mengambil penanganan di %(org)s.") % values, []
    return _("%(actor)s menugaskan %(name)s di %(org)s.") % values, []


def _clock_breached(c: _Ctx) -> Sentence:
    clock = c.wf.clocks.get(c.p.get("clock", "")) if c.wf else None
    values = {
        "org": c.org,
        "clock": sop_text(clock.label, clock.label_en) if clock else c.p.get("clock", ""),
        "due": _date_text(c.p.get("due_date", "")),
    }
    return _("Tenggat “%(clock)s” di %(org)s (%(due)s) terlewati.") % values, []


def _closed(c: _Ctx) -> Sentence:
    reason = c.p.get("closure_reason") or ""
    if not reason:
        return _("Pengaduan selesai."), []
    return _("Pengaduan selesai: %(reason)s.") % {"reason": _closure_label(c.workflows.values(), reason)}, []


def _reporter_replied(c: _Ctx) -> Sentence:
    if c.p.get("accept"):
        return _("Pelapor menyatakan jawaban sudah sesuai."), []
    return _("Pelapor menanggapi."), []


def _rated(c: _Ctx) -> Sentence:
    return _("Pelapor memberi penilaian %(rating)s dari 5.") % {"rating": c.p.get("rating", "?")}, []


def _transferred(c: _Ctx) -> Sentence:
    from tuntas.complaints.transfers import MOVE_LABELS

    move = c.p.get("move", "")
    values = {
        "move": str(MOVE_LABELS.get(move, move)),
        "from": (c.p.get("from_organisation") or {}).get("name") or "—",
        "to": (c.p.get("to_organisation") or {}).get("name") or c.org,
    }
    return _("%(move)s: dari %(from)s ke %(to)s.") % values, []


def _escalation_requested(c: _Ctx) -> Sentence:
    target = (c.p.get("organisation") or {}).get("name") or ""
    return _("Pelapor meminta pengaduan ditangani %(org)s.") % {"org": target}, []


def _org_name(value: object) -> str:
    return str(value.get("name") or "—") if isinstance(value, dict) else "—"


def _clarification(c: _Ctx) -> Sentence:
    """Requests between organisations (tuntas.clarifications): organisations and dates only, never texts."""
    values = {
        "actor": c.actor,
        "sender": _org_name(c.p.get("sender")),
        "receiver": _org_name(c.p.get("receiver")),
        "due": _date_text(c.p.get("due_date", "")),
    }
    kind = c.event.kind
    if kind == Event.Kind.CLARIFICATION_REQUESTED:
        text = _(
            "%(actor)s (%(sender)s) mengirim permintaan klarifikasi kepada %(receiver)s; tenggat %(due)s."
        )
    elif kind == Event.Kind.CLARIFICATION_ROUTED:
        values["units"] = ", ".join(_org_name(u) for u in c.p.get("units") or []) or "—"
        text = _("%(actor)s (%(receiver)s) meneruskan permintaan klarifikasi kepada %(units)s.")
    elif kind == Event.Kind.CLARIFICATION_ANSWERED and c.p.get("by") == "unit":
        values["unit"] = _org_name(c.p.get("unit"))
        text = _("%(unit)s menjawab permintaan klarifikasi kepada %(receiver)s.")
    elif kind == Event.Kind.CLARIFICATION_ANSWERED:
        text = _("%(receiver)s menjawab permintaan klarifikasi dari %(sender)s.")
    elif kind == Event.Kind.CLARIFICATION_RETURNED:
        text = _("%(sender)s mengembalikan jawaban klarifikasi kepada %(receiver)s; tenggat baru %(due)s.")
    elif c.p.get("outcome") == "withdrawn":
        text = _("%(sender)s menarik permintaan klarifikasi kepada %(receiver)s.")
    else:
        text = _("%(sender)s menerima jawaban klarifikasi dari %(receiver)s.")
    return text % values, []


def _simple(text: str) -> Callable[[_Ctx], Sentence]:
    """A sentence that only names the actor; ``text`` is marked with gettext_noop and translated here."""

    def sentence(c: _Ctx) -> Sentence:
        return _(text) % {"actor": c.actor, "org": c.org}, []

    return sentence


_SENTENCES = {
    Event.Kind.SUBMITTED: _submitted,
    Event.Kind.HANDLING_OPENED: _handling_opened,
    Event.Kind.TRANSITIONED: _transitioned,
    Event.Kind.ASSIGNED: _assigned,
    Event.Kind.CLOCK_BREACHED: _clock_breached,
    Event.Kind.CLOSED: _closed,
    Event.Kind.REPORTER_REPLIED: _reporter_replied,
    Event.Kind.RATED: _rated,
    Event.Kind.COMMENTED: _simple(gettext_noop("%(actor)s menulis catatan internal.")),
    Event.Kind.REPLIED: _simple(gettext_noop("%(actor)s mengirim pesan kepada pelapor.")),
    Event.Kind.ATTACHMENT_ADDED: _simple(gettext_noop("%(actor)s menambahkan lampiran.")),
    Event.Kind.IDENTITY_VIEWED: _simple(gettext_noop("%(actor)s melihat identitas pelapor.")),
    Event.Kind.WITHDRAWN: _simple(gettext_noop("Pelapor mencabut pengaduan.")),
    Event.Kind.TRANSFERRED: _transferred,
    Event.Kind.ESCALATION_REQUESTED: _escalation_requested,
    Event.Kind.REOPENED: _simple(gettext_noop("Pengaduan dibuka kembali.")),
    Event.Kind.CLARIFICATION_REQUESTED: _clarification,
    Event.Kind.CLARIFICATION_ROUTED: _clarification,
    Event.Kind.CLARIFICATION_ANSWERED: _clarification,
    Event.Kind.CLARIFICATION_RETURNED: _clarification,
    Event.Kind.CLARIFICATION_CLOSED: _clarification,
}


def timeline_items(
    events: Iterable[Event],
    workflows: Mapping[int, engine.Workflow],
    files: Mapping[int, list[Attachment]] | None = None,
) -> list[TimelineItem]:
    """``workflows`` maps handling id -> the SOP that handling follows; ``files`` event id -> the files the
    reader may see that came with it (``attachments.by_event``)."""
    items = []
    for e in events:
        ctx = _Ctx(
            event=e,
            wf=workflows.get(e.handling_id) if e.handling_id else None,
            workflows=workflows,
            actor=actor_name(e),
            org=e.handling.organisation.name if e.handling_id else "",
        )
        build = _SENTENCES.get(e.kind)
        sentence, fields = build(ctx) if build else (e.get_kind_display(), [])
        visibility = Event.Visibility(e.visibility) if e.visibility in Event.Visibility.values else None
        items.append(
            TimelineItem(
                event=e,
                sentence=sentence,
                actor=ctx.actor,
                organisation=ctx.org,
                visibility=e.visibility,
                visibility_label=visibility.label if visibility else e.visibility,
                # An opened handling's message only repeats the sentence ("Diterima oleh ...").
                message=e.message,
                fields=fields,
                files=list((files or {}).get(e.pk, ())),
            )
        )
    return items
