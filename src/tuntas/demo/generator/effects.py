"""What the complaint services write, replayed in memory: one function per service effect, each producing the
same rows (fields, payload keys, visibilities, versions, clocks) as the service it is named after.

Mirrors, and must follow when they change (tests/demo/test_generator.py compares both):
``services_intake.complaint_submit``, ``services_handling.handling_open`` / ``handling_transition`` /
``handlings_withdraw`` / ``complaint_refresh_status``, ``sla.services.clocks_apply`` / ``clocks_stop_all``,
``transfers.transfer_recorded``, ``services_staff.comment_add`` / ``handling_assign`` / ``identity_view``,
``services_reporter.reporter_reply`` / ``reporter_rate`` / ``reporter_withdraw`` and the breach branch of
``sla.tick``. Outbox rows are not written: a generated history is one whose messages went out long ago (and
a worker must not mail invented reporters).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tuntas.complaints import transfers
from tuntas.complaints.services_handling import INSTRUCTION_FIELDS
from tuntas.core.calendar import WorkingCalendar
from tuntas.demo.generator.context import Context
from tuntas.demo.generator.rows import Batch
from tuntas.directory.models import Organisation
from tuntas.workflows.engine import DEFAULT_ON_BREACH, ClockOps, TransitionSpec, Workflow

RUNNING, PAUSED, STOPPED = "running", "paused", "stopped"
# sla.alerts.escalate_pimpinan's note, in Indonesian as it is written there (translation.override("id")).
ESCALATION_NOTE = "Tenggat %(clock)s lewat (%(due)s): diteruskan kepada pimpinan %(organisation)s sesuai SOP."
ACCEPTED_NOTE = "Pelapor menerima jawaban."  # services_reporter.reporter_reply's message for a bare accept


@dataclass
class Hand:
    """A handling being lived: its row, SOP, organisation, calendar and clock rows (in id order)."""

    row: dict
    wf: Workflow
    org: Organisation
    cal: WorkingCalendar
    clocks: list[dict] = field(default_factory=list)
    parent: Hand | None = None
    taken: dict[str, int] = field(default_factory=dict)  # transition name -> times taken


class Effects:
    """The rows one complaint's services write, appended to ``batch``. Times are passed in explicitly."""

    def __init__(self, ctx: Context, batch: Batch, complaint: dict) -> None:
        self.ctx, self.batch, self.c = ctx, batch, complaint
        self.hands: list[Hand] = []

    def local_date(self, at: dt.datetime) -> dt.date:
        return at.astimezone(self.ctx.tz).date()

    # -- the timeline ------------------------------------------------------------------------------------
    def event(
        self,
        kind: str,
        at: dt.datetime,
        *,
        hand: Hand | None = None,
        actor: int | None = None,
        actor_kind: str = "",
        visibility: str = "internal",
        message: str = "",
        payload: dict | None = None,
    ) -> dict:
        row = {
            "id": self.batch.new_id("event"),
            "complaint_id": self.c["id"],
            "handling_id": hand.row["id"] if hand else None,
            "kind": kind,
            "visibility": visibility,
            "actor_id": actor,
            "actor_kind": actor_kind,
            "message": message,
            "payload": payload or {},
            "created_at": at,
        }
        self.batch.events.append(row)
        return row

    # -- clocks (sla.services) -----------------------------------------------------------------------------
    def _stop(self, c: dict, at: dt.datetime, today: dt.date) -> None:
        c["met"] = c["due_date"] is None or today <= c["due_date"]
        c["status"], c["stopped_at"] = STOPPED, at

    def clocks_apply(self, h: Hand, ops: ClockOps, at: dt.datetime) -> None:
        if not (ops.start or ops.stop or ops.pause or ops.resume):
            return
        today = self.local_date(at)
        running = {c["name"]: c for c in h.clocks if c["status"] != STOPPED}
        for name in ops.stop:
            c = running.pop(name, None)
            if c is not None:
                self._stop(c, at, today)
        for name in ops.pause:
            c = running.get(name)
            if c is not None and c["status"] == RUNNING:
                c["remaining"] = (
                    h.cal.working_days_between(today, c["due_date"])
                    if c["unit"] == "working_days"
                    else (c["due_date"] - today).days
                )
                c["status"], c["paused_on"], c["due_date"] = PAUSED, today, None
        for name in ops.resume:
            c = running.get(name)
            if c is not None and c["status"] == PAUSED:
                c["due_date"] = h.cal.add(today, c["remaining"] or 0, c["unit"])
                c["status"], c["paused_on"], c["counted_from"] = RUNNING, None, today
        for name in ops.start:
            old = running.pop(name, None)
            if old is not None:
                self._stop(old, at, today)
            spec = h.wf.clocks[name]
            tier = self.c["_tier"]
            days = tier if (spec.tiered and tier) else spec.duration
            row = {
                "id": self.batch.new_id("clock"),
                "handling_id": h.row["id"],
                "name": name,
                "status": RUNNING,
                "duration": days,
                "unit": spec.unit,
                "started_on": today,
                "counted_from": today,
                "due_date": h.cal.add(today, days, spec.unit),
                "paused_on": None,
                "remaining": None,
                "stopped_at": None,
                "breached_at": None,
                "met": None,
            }
            h.clocks.append(row)
            self.batch.clocks.append(row)
        self.refresh_due(h)

    def clocks_stop_all(self, h: Hand, at: dt.datetime) -> None:
        today = self.local_date(at)
        for c in h.clocks:
            if c["status"] != STOPPED:
                self._stop(c, at, today)
        self.refresh_due(h)

    @staticmethod
    def refresh_due(h: Hand) -> None:
        dues = [c["due_date"] for c in h.clocks if c["status"] == RUNNING and c["due_date"] is not None]
        h.row["due_date"] = min(dues) if dues else None

    # -- handlings (services_handling) -------------------------------------------------------------------
    def handling_open(
        self,
        org: Organisation,
        at: dt.datetime,
        *,
        actor: int | None = None,
        actor_kind: str = "",
        parent: Hand | None = None,
        instruction: str = "",
    ) -> Hand:
        definition, wf = self.ctx.sop(org)
        row = {
            "id": self.batch.new_id("handling"),
            "complaint_id": self.c["id"],
            "organisation_id": org.id,
            "workflow_id": definition.id,
            "state": wf.initial,
            "is_open": True,
            "assignee_id": None,
            "parent_id": parent.row["id"] if parent else None,
            "instruction": instruction,
            "severity": "",
            "closure_reason": "",
            "opened_at": at,
            "closed_at": None,
            "due_date": None,
            "version": 1,
        }
        self.batch.handlings.append(row)
        h = Hand(row, wf, org, self.ctx.calendar(org.region_id), parent=parent)
        self.hands.append(h)
        self.clocks_apply(h, wf.clock_ops_on_open(), at)
        self.event(
            "handling_opened",
            at,
            hand=h,
            actor=actor,
            actor_kind=actor_kind,
            visibility="public",
            payload={"organisation": org.id, "state": wf.initial, "parent": row["parent_id"]},
        )
        return h

    def _move(self, h: Hand, target: str, at: dt.datetime, closure_reason: str) -> None:
        final = h.wf.state(target).final
        r = h.row
        r["state"], r["is_open"] = target, not final
        r["closed_at"] = at if final else None
        r["closure_reason"] = closure_reason if final else ""
        r["version"] += 1

    def transition(
        self,
        h: Hand,
        spec: TransitionSpec,
        at: dt.datetime,
        *,
        cleaned: dict,
        values: dict,
        actor: int | None = None,
        actor_kind: str = "",
        receiver: Organisation | None = None,
    ) -> Hand | None:
        """``handling_transition`` after its checks: ``cleaned`` as the engine cleans the data, ``values`` as
        the payload shows it (organisations and users as {id, name}, dates in ISO). ``receiver`` is where a
        disposal or return sends the complaint. Returns the receiver's new handling, if any."""
        wf = h.wf
        before = h.row["state"]
        final = wf.state(spec.target).final
        h.taken[spec.name] = h.taken.get(spec.name, 0) + 1
        self._move(h, spec.target, at, wf.closure_reason_of(spec, cleaned) or "")
        if final:
            self.clocks_stop_all(h, at)
        else:
            self.clocks_apply(h, spec.clocks, at)
        for f in spec.fields:
            if f.type == "severity" and f.name in cleaned:
                h.row["severity"] = str(cleaned[f.name])
        message = str(cleaned.get(spec.message_field, "")) if spec.message_field else ""
        self.event(
            "transitioned",
            at,
            hand=h,
            actor=actor,
            actor_kind=actor_kind,
            visibility=spec.visibility,
            message=message,
            payload={"transition": spec.name, "from": before, "to": spec.target, "data": values},
        )
        opened = None
        if receiver is not None:
            move = (
                transfers.dispose_move(h.org, receiver) if spec.effect == "dispose" else transfers.KEMBALIKAN
            )
            instruction = next((str(cleaned[n]) for n in INSTRUCTION_FIELDS if cleaned.get(n)), "")
            opened = self.handling_open(
                receiver, at, actor=actor, actor_kind=actor_kind, parent=h, instruction=instruction
            )
            self.transfer_recorded(
                move, h, opened, at, actor=actor, actor_kind=actor_kind, reason=instruction
            )
        self.refresh_status(at, actor=actor, actor_kind=actor_kind)
        return opened

    def transfer_recorded(
        self,
        move: str,
        sender: Hand | None,
        receiver: Hand,
        at: dt.datetime,
        *,
        actor: int | None = None,
        actor_kind: str = "",
        reason: str = "",
    ) -> None:
        self.event(
            "transferred",
            at,
            hand=receiver,
            actor=actor,
            actor_kind=actor_kind,
            message=reason[:5000],
            payload={
                "move": move,
                "from_handling": sender.row["id"] if sender else None,
                "from_organisation": {"id": sender.org.id, "name": sender.org.name} if sender else None,
                "to_handling": receiver.row["id"],
                "to_organisation": {"id": receiver.org.id, "name": receiver.org.name},
            },
        )

    def refresh_status(self, at: dt.datetime, *, actor: int | None = None, actor_kind: str = "") -> None:
        c = self.c
        if c["status"] != "open" or any(h.row["is_open"] for h in self.hands):
            return
        last = max(self.hands, key=lambda h: (h.row["closed_at"], h.row["id"]))
        c["status"], c["closed_at"], c["closure_reason"] = "closed", at, last.row["closure_reason"]
        c["version"] += 1
        self.event(
            "closed",
            at,
            actor=actor,
            actor_kind=actor_kind,
            visibility="public",
            payload={"closure_reason": c["closure_reason"]},
        )

    # -- the reporter (services_reporter) ------------------------------------------------------------------
    def reporter_replied(self, at: dt.datetime, message: str, accept: bool) -> None:
        self.event(
            "reporter_replied",
            at,
            actor_kind="pelapor",
            visibility="reporter",
            message=message or ACCEPTED_NOTE,
            payload={"accept": accept},
        )

    def withdraw(self, at: dt.datetime, reason: str) -> None:
        for h in self.hands:
            if not h.row["is_open"]:
                continue
            before = h.row["state"]
            self._move(h, h.wf.on_withdraw, at, "dicabut")
            self.clocks_stop_all(h, at)
            self.event(
                "transitioned",
                at,
                hand=h,
                actor_kind="pelapor",
                payload={"transition": "cabut", "from": before, "to": h.wf.on_withdraw},
            )
        c = self.c
        c["status"], c["closed_at"], c["closure_reason"] = "withdrawn", at, "dicabut"
        c["version"] += 1
        self.event("withdrawn", at, actor_kind="pelapor", visibility="public", message=reason.strip()[:2000])

    def rate(self, at: dt.datetime, rating: int, comment: str) -> None:
        c = self.c
        c["rating"], c["rating_comment"], c["rated_at"] = rating, comment, at
        c["version"] += 1
        self.event(
            "rated",
            at,
            actor_kind="pelapor",
            visibility="reporter",
            message=comment,
            payload={"rating": rating},
        )

    # -- staff beside the SOP (services_staff) ---------------------------------------------------------------
    def comment(self, h: Hand, at: dt.datetime, actor: int, text: str, *, to_reporter: bool) -> None:
        self.event(
            "replied" if to_reporter else "commented",
            at,
            hand=h,
            actor=actor,
            visibility="reporter" if to_reporter else "internal",
            message=text,
        )

    def assign(self, h: Hand, at: dt.datetime, actor: int, assignee: int) -> None:
        before = h.row["assignee_id"]
        h.row["assignee_id"] = assignee
        h.row["version"] += 1
        self.event(
            "assigned",
            at,
            hand=h,
            actor=actor,
            payload={"from": before, "to": assignee, "name": self.ctx.user_names.get(assignee, "")},
        )

    def identity_viewed(self, at: dt.datetime, actor: int) -> None:
        self.event("identity_viewed", at, actor=actor, payload={"privacy": self.c["privacy"]})

    # -- the SLA pass (sla.tick, sla.alerts) ----------------------------------------------------------------
    def breach(self, h: Hand, clock: dict, at: dt.datetime) -> None:
        """A running clock without an expiry transition ran out: marked, and what its ``on_breach`` says."""
        spec = h.wf.clocks.get(clock["name"])
        actions = spec.on_breach if spec is not None else DEFAULT_ON_BREACH
        clock["breached_at"] = at
        due = clock["due_date"]
        if "mark_overdue" in actions:
            self.event(
                "clock_breached",
                at,
                hand=h,
                actor_kind="sistem",
                payload={"clock": clock["name"], "due_date": due.isoformat()},
            )
        if "notify" in actions:
            self.alert(clock, "breached", at)
        if "escalate_pimpinan" in actions:
            self.alert(clock, "escalate_pimpinan", at)
            label = spec.label if spec is not None else clock["name"]
            text = ESCALATION_NOTE % {
                "clock": label,
                "due": due.strftime("%d-%m-%Y"),
                "organisation": h.org.name,
            }
            self.event(
                "commented",
                at,
                hand=h,
                actor_kind="sistem",
                message=text,
                payload={
                    "sla_action": "escalate_pimpinan",
                    "clock": clock["name"],
                    "due_date": due.isoformat(),
                },
            )

    def alert(self, clock: dict, kind: str, at: dt.datetime) -> None:
        self.batch.alerts.append(
            {
                "id": self.batch.new_id("alert"),
                "clock_id": clock["id"],
                "kind": kind,
                "due_date": clock["due_date"],
                "created_at": at,
            }
        )
