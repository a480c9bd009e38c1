"""Webhook event types and payloads (version 1): which timeline events an organisation may subscribe to, and
what a receiver gets. Pure: no database access; ``services_webhooks`` decides who receives what.

Event types (``EVENT_TYPES``), each built from timeline event kinds, with the scope that permits it:

- ``own``: only the subscriber's own handling (``complaint.received``: a complaint reached this organisation);
- ``handled``: any complaint this organisation handles or handled, the same complaints its staff open in the
  console.

Internal-only kinds (notes, assignments, identity views) are no event type: nothing outside the building learns
of them. A payload::

    {"version": 1, "id": "5f0c…", "type": "complaint.status_changed", "occurred_at": "2026-03-02T01:00:00+00:00",
     "organisation": "dinas-pupr",
     "complaint": {"tracking_code": "KTB-7K3M-Q9", "title": "…", "category": "jalan-jembatan",
                   "privacy": "confidential", "channel": "web", "status": "open",
                   "submitted_at": "…", "url": "https://tuntas.example/console/pengaduan/42/"},
     "handling": {"organisation": "dinas-pupr", "state": "dijawab", "due_date": "2026-03-16"},
     "event": {"kind": "transitioned", "visibility": "public", "message": "…",
               "transition": "jawab", "from": "diproses", "to": "dijawab"},
     "reporter": {"name": "…"}}

``reporter`` is present only on a public complaint, and carries the name only: a confidential reporter's
identity is opened in the console, recorded, by those the identity rule allows; it never rides a payload.
``id`` is the same on every attempt and on a replay (receivers drop repeats). Signing: see
``notify.channels.WebhookChannel``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tuntas.complaints.models import Complaint, Event

VERSION = 1
TEMPLATE = "webhook_event"  # the outbox template name of a payload message (its body is the JSON)
TEST_TYPE = "tuntas.test"

Kind = Event.Kind


@dataclass(frozen=True)
class EventType:
    name: str
    label: object  # lazy text
    kinds: frozenset[str]
    scope: str  # "own" | "handled"


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "complaint.received", _("Pengaduan masuk ke unit ini"), frozenset({Kind.HANDLING_OPENED}), "own"
    ),
    EventType(
        "complaint.status_changed", _("Tahap penanganan berubah"), frozenset({Kind.TRANSITIONED}), "handled"
    ),
    EventType(
        "complaint.transferred",
        _("Pengaduan didisposisikan atau dilimpahkan"),
        frozenset({Kind.DISPOSED, Kind.TRANSFERRED}),
        "handled",
    ),
    EventType(
        "complaint.message_sent", _("Pesan petugas kepada pelapor"), frozenset({Kind.REPLIED}), "handled"
    ),
    EventType(
        "complaint.reporter_replied",
        _("Tanggapan atau penilaian pelapor"),
        frozenset({Kind.REPORTER_REPLIED, Kind.RATED}),
        "handled",
    ),
    EventType(
        "complaint.escalation_requested",
        _("Pelapor meminta eskalasi"),
        frozenset({Kind.ESCALATION_REQUESTED}),
        "handled",
    ),
    EventType(
        "complaint.deadline_breached", _("Tenggat terlewati"), frozenset({Kind.CLOCK_BREACHED}), "handled"
    ),
    EventType(
        "complaint.closed",
        _("Pengaduan selesai atau dicabut"),
        frozenset({Kind.CLOSED, Kind.WITHDRAWN}),
        "handled",
    ),
)
BY_NAME = {t.name: t for t in EVENT_TYPES}
_BY_KIND = {kind: t for t in EVENT_TYPES for kind in t.kinds}


def type_of(kind: str) -> EventType | None:
    """The event type a timeline event of ``kind`` is delivered as (None: it is never delivered)."""
    return _BY_KIND.get(kind)


def unknown_types(names: list[str]) -> list[str]:
    return [n for n in names if n not in BY_NAME]


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def complaint_part(complaint: Complaint, url: str) -> dict:
    return {
        "tracking_code": complaint.tracking_code,
        "title": complaint.title,
        "category": complaint.category.slug if complaint.category_id else None,
        "privacy": complaint.privacy,
        "channel": complaint.channel,
        "status": complaint.status,
        "submitted_at": _iso(complaint.submitted_at),
        "url": url,
    }


def reporter_part(complaint: Complaint, name: str) -> dict | None:
    """Only a public complaint names its reporter, and only by name."""
    if complaint.privacy != Complaint.Privacy.PUBLIC or not name:
        return None
    return {"name": name}


def payload(
    *,
    delivery_id: str,
    event_type: str,
    organisation: str,
    event: Event,
    complaint_url: str,
    reporter_name: str = "",
) -> dict:
    complaint = event.complaint
    handling = event.handling if event.handling_id else None
    data = event.payload or {}
    body = {
        "version": VERSION,
        "id": delivery_id,
        "type": event_type,
        "occurred_at": _iso(event.created_at),
        "organisation": organisation,
        "complaint": complaint_part(complaint, complaint_url),
        "handling": {
            "organisation": handling.organisation.slug,
            "state": handling.state,
            "due_date": _iso(handling.due_date),
        }
        if handling is not None
        else None,
        "event": {
            "kind": event.kind,
            "visibility": event.visibility,
            "message": event.message,
            **{k: data[k] for k in ("transition", "from", "to") if isinstance(data.get(k), str)},
        },
    }
    reporter = reporter_part(complaint, reporter_name)
    if reporter is not None:
        body["reporter"] = reporter
    return body


def test_payload(*, delivery_id: str, organisation: str, sent_at: object) -> dict:
    """What "Kirim peristiwa uji" sends: the same envelope, no complaint."""
    return {
        "version": VERSION,
        "id": delivery_id,
        "type": TEST_TYPE,
        "occurred_at": _iso(sent_at),
        "organisation": organisation,
        "complaint": None,
        "handling": None,
        "event": {"kind": "test", "visibility": "internal", "message": str(_("Peristiwa uji dari Tuntas."))},
    }
