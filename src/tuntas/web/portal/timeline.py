"""The reporter's timeline in plain sentences: what happened, who (the unit, never a staff name), what was said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tuntas.complaints.models import Attachment, Event
from tuntas.core.i18n import english
from tuntas.workflows.registry import workflow_for

Kind = Event.Kind


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    text: str
    message: str = ""
    by: str = ""  # the organisation, when staff acted
    from_reporter: bool = False
    files: tuple[Attachment, ...] = ()  # what came with it (a photo of the repair, the reporter's own files)


def _state_label(event: Event) -> str:
    try:
        state = workflow_for(event.handling).state(str(event.payload.get("to", "")))
    except (KeyError, AttributeError):
        return ""
    return (english() and state.public_label_en) or state.public_label


def _organisation(event: Event) -> str:
    return event.handling.organisation.name if event.handling_id else ""


def _sentence(event: Event) -> str:
    kind, payload = event.kind, event.payload or {}
    if kind == Kind.TRANSITIONED:
        label = _state_label(event)
        return _("Status: %(label)s.") % {"label": label} if label else _("Status pengaduan diperbarui.")
    if kind == Kind.HANDLING_OPENED:
        org = _organisation(event)
        return _("Diterima oleh %(org)s.") % {"org": org} if org else _("Diterima oleh unit layanan.")
    if kind == Kind.REPORTER_REPLIED:
        return _("Anda menyatakan jawaban sudah sesuai.") if payload.get("accept") else _("Tanggapan Anda.")
    if kind == Kind.RATED:
        return _("Anda memberi nilai %(n)s dari 5.") % {"n": payload.get("rating", "?")}
    fixed = {
        Kind.SUBMITTED: _("Pengaduan Anda terkirim."),
        Kind.DISPOSED: _("Pengaduan diteruskan ke unit yang berwenang."),
        Kind.REPLIED: _("Pesan dari petugas."),
        Kind.ASSIGNED: _("Petugas ditunjuk untuk menangani pengaduan Anda."),
        Kind.ATTACHMENT_ADDED: _("Lampiran ditambahkan."),
        Kind.CLOCK_BREACHED: _("Batas waktu penanganan terlewati; pengaduan Anda tetap ditangani."),
        Kind.WITHDRAWN: _("Anda mencabut pengaduan ini."),
        Kind.CLOSED: _("Pengaduan dinyatakan selesai."),
        Kind.ESCALATION_REQUESTED: _("Anda meminta pengaduan ini ditangani lembaga pengawas."),
        Kind.REOPENED: _("Pengaduan dibuka kembali."),
    }
    return fixed.get(kind, _("Pengaduan diperbarui."))


def _default_accept() -> set[str]:
    # The service stores this text when the reporter accepts without writing anything.
    default = "Pelapor menerima jawaban."
    return {default, _(default)}


def entries(events: Iterable[Event], files: Mapping[int, list[Attachment]] | None = None) -> list[Entry]:
    """One entry per event, attributed to the unit (never a staff member's name). Messages that only repeat
    what the entry already says are left out. ``files``: event id -> the reporter's readable files of it."""
    out = []
    for e in events:
        # The intake handling is opened "by the reporter" technically; only their own acts are marked theirs.
        from_reporter = e.actor_kind == "pelapor" and e.kind != Kind.HANDLING_OPENED
        message = e.message
        if e.kind == Kind.TRANSITIONED and from_reporter:
            message = ""  # already said: the reply just before it
        if e.kind == Kind.REPORTER_REPLIED and e.payload.get("accept") and message in _default_accept():
            message = ""
        staff = e.actor_kind == "" and e.kind not in (Kind.SUBMITTED, Kind.HANDLING_OPENED)
        out.append(
            Entry(
                at=e.created_at,
                text=_sentence(e),
                message=message,
                by=_organisation(e) if staff else "",
                from_reporter=from_reporter,
                files=tuple((files or {}).get(e.pk, ())),
            )
        )
    return out


def latest_from_staff(timeline: list[Entry]) -> Entry | None:
    """The newest thing the officers said to the reporter (an answer, a question), to show right above the
    form that asks the reporter to act on it; None when nothing was said since the reporter last wrote."""
    for entry in reversed(timeline):
        if entry.from_reporter:
            return None
        if entry.message or entry.files:
            return entry
    return None
