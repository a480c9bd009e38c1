"""One generated complaint's life: what it is about, who files it, and a walk through the SOPs of the
organisations that handle it, at simulated times up to ``end``.

The walk is generic over the SOPs (any YAML in workflows/definitions works): in each state it takes one of the
transitions the organisation's members may take, weighted so most complaints go forward (disposisi, answer,
acceptance) and some take the rarer paths (clarification, forwarding, return, closure, escalation by a unit);
reporters answer, dispute or stay silent; the SLA pass breaches clocks and takes expiry transitions at
00:15 the day after a due date, as ``sla_tick`` does. Steps after ``end`` do not happen, so recent complaints
stay open with running, paused or breached clocks.
"""

from __future__ import annotations

import datetime as dt
import random

from tuntas.complaints.transfers import RETURN_REASON
from tuntas.demo.generator.context import Context
from tuntas.demo.generator.effects import RUNNING, Effects, Hand
from tuntas.demo.generator.rows import Batch
from tuntas.demo.generator.texts import (
    DAYS,
    MONTHS,
    RATING_COMMENTS,
    WITHDRAW_REASONS,
    Subject,
    field_text,
    fill,
    reporter_text,
)
from tuntas.demo.phrases import FIRST_NAMES, LAST_NAMES, phrase
from tuntas.directory.models import Organisation
from tuntas.workflows.engine import TransitionSpec

MAX_HANDLINGS = 4  # moves between organisations per complaint, as in real life a handful at most
MAX_STEPS = 40
# Transitions rarer than the forward path, by SOP slug and name (default weight 1).
WEIGHTS = {
    ("lapor-admin", "bukan_wewenang"): 0.2,
    ("lapor-admin", "arsipkan"): 0.25,
    ("ombudsman", "rco"): 0.25,
    ("ombudsman", "hentikan_pemeriksaan"): 0.08,
    ("ombudsman", "serahkan_resolusi"): 0.3,
    ("ombudsman", "pleno_tutup"): 0.5,
    ("inspektorat", "tutup"): 0.15,
}
CHANNELS_COORDINATOR = {"web": 45, "lapor": 30, "sms": 10, "phone": 5, "letter": 5, "walk_in": 5}
CHANNELS_DESK = {"walk_in": 50, "web": 25, "phone": 15, "letter": 10}
CHANNELS_OMBUDSMAN = {"web": 50, "walk_in": 30, "letter": 20}
CLASSIFICATIONS = {"pengaduan": 88, "aspirasi": 8, "permintaan_informasi": 4}


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Life:
    def __init__(
        self,
        ctx: Context,
        batch: Batch,
        *,
        rng: random.Random,
        subject: Subject,
        submitted_at: dt.datetime,
        end: dt.datetime,
        secret_hash: str,
        placeholders: list,
    ) -> None:
        self.ctx, self.batch, self.rng, self.subject = ctx, batch, rng, subject
        self.topic = subject.topic
        self.now, self.end = submitted_at, end
        self.secret_hash, self.placeholders = secret_hash, placeholders
        self.disputed = False

    # -- the complaint --------------------------------------------------------------------------------------
    def _handler(self, place) -> Organisation | None:  # noqa: ANN001
        ctx, t = self.ctx, self.topic
        if t.handler == "bukan_wewenang":
            return None
        if t.handler == "desa":
            org = ctx.village_org.get(place.region.code)
        elif t.handler == "kecamatan":
            org = ctx.kecamatan_org.get(place.kecamatan.code)
        else:
            org = ctx.by_slug.get(t.handler)
        if org is None or not ctx.has_sop(org):
            category = ctx.categories.get(t.category)
            org = ctx.orgs.get(category.default_organisation_id) if category else None
        if org is None or not ctx.has_sop(org):
            opd = [o for o in ctx.by_kind.get("opd", ()) if ctx.has_sop(o)]
            org = self.rng.choice(opd)
        return org

    def _intake(self, handler: Organisation | None) -> Organisation:
        ctx, rng = self.ctx, self.rng
        if self.subject.ombudsman and ctx.ombudsman is not None and ctx.has_sop(ctx.ombudsman):
            return ctx.ombudsman
        desk = handler is not None and handler.accepts_complaints and ctx.has_sop(handler)
        if desk and rng.random() < (0.7 if self.topic.intake == "desk" else 0.25):
            return handler
        return ctx.coordinator

    def submit(self) -> None:
        ctx, rng, t, at = self.ctx, self.rng, self.topic, self.now
        place = rng.choice(ctx.places)
        self.place = place
        self.handler = self._handler(place)
        intake = self._intake(self.handler)
        report = rng.randrange(len(t.reports))
        self.report = report
        today = at.astimezone(ctx.tz).date()
        self.values = {
            "desa": place.region.name,
            "desa2": rng.choice(place.neighbours),
            "kecamatan": place.kecamatan.name,
            "n": rng.randrange(2, 6),
            "bulan": MONTHS[(today.month - 2) % 12],
            "hari": f"{DAYS[today.weekday()]}, {today.day} {MONTHS[today.month - 1]} {today.year}",
            "remit": t.remit,
            "instansi": self.handler.name if self.handler else "",
            "atasan": f"Kepala Daerah {ctx.regency.name}",
            "year": today.year,
        }
        title, description = t.reports[report]
        if t.category == "pungli-penyimpangan":
            privacy = _pick(rng, {"anonymous": 40, "confidential": 55, "public": 5})
        else:
            privacy = _pick(rng, {"confidential": 58, "public": 28, "anonymous": 14})
        if intake.kind.is_oversight:
            channel = _pick(rng, CHANNELS_OMBUDSMAN)
            privacy = "confidential" if privacy == "anonymous" else privacy
        elif intake.id != ctx.coordinator.id:
            channel = _pick(rng, CHANNELS_DESK)
        else:
            channel = _pick(rng, CHANNELS_COORDINATOR)
        category = ctx.categories.get(t.category)
        reported = self.handler if (t.reported and self.handler is not None) else None
        service_id, service_name = None, t.service
        offered = ctx.services.get(reported.id, ()) if reported else ()
        if offered and rng.random() < 0.4:
            service_id, service_name = rng.choice(offered)
        body = "".join(rng.choice("23456789ABCDEFGHJKMNPQRSTVWXYZ") for _ in range(6))
        c = {
            "id": self.batch.new_id("complaint"),
            "tracking_code": f"{ctx.prefix(intake).upper()}-{body[:4]}-{body[4:]}",
            "secret_hash": self.secret_hash,
            "title": fill(title, self.values)[:200],
            "description": fill(description, self.values),
            "classification": _pick(rng, CLASSIFICATIONS),
            "category_id": category.id if category else None,
            "channel": channel,
            "privacy": privacy,
            "region_id": place.region.code,
            "location_text": f"{place.region.get_kind_display()} {place.region.name}, Kecamatan "
            f"{place.kecamatan.name}" + (f", RT {rng.randrange(1, 20):02d}" if rng.random() < 0.5 else ""),
            "latitude": None,
            "longitude": None,
            "reported_organisation_id": reported.id if reported else None,
            "service_name": service_name[:200],
            "service_id": service_id,
            "occurred_on": today - dt.timedelta(days=rng.randrange(1, 30)) if rng.random() < 0.6 else None,
            "intake_organisation_id": intake.id,
            "status": "open",
            "closure_reason": "",
            "submitted_at": at,
            "closed_at": None,
            "rating": None,
            "rating_comment": "",
            "rated_at": None,
            "version": 1,
            "_tier": category.tier_days if category else None,
        }
        self.batch.complaints.append(c)
        self.c = c
        self.fx = Effects(ctx, self.batch, c)
        if privacy != "anonymous":
            self._identity(c)
        evidence = rng.choice((1, 2)) if rng.random() < 0.25 else 0
        identifying = 1 if privacy != "anonymous" and rng.random() < 0.03 else 0
        event = self.fx.event(
            "submitted",
            at,
            actor_kind="pelapor",
            visibility="public",
            payload={"channel": channel, "privacy": privacy, "attachments": evidence + identifying},
        )
        for i in range(evidence + identifying):
            self._attachment(c, event, at, identifying=i >= evidence)
        self.fx.handling_open(intake, at, actor_kind="pelapor")

    def _identity(self, c: dict) -> None:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{first}.{last}{rng.randrange(10, 99)}@example.com".lower() if rng.random() < 0.5 else ""
        phone = f"08{rng.choice(('11', '12', '13', '21', '52', '53'))}{rng.randrange(10**7, 10**8)}"
        area = self.ctx.regency.code.replace(".", "")
        self.batch.identities.append(
            {
                "id": self.batch.new_id("identity"),
                "complaint_id": c["id"],
                "name": f"{first} {last}",
                "email": email,
                "phone": phone if rng.random() < 0.7 else "",
                "nik": f"{area}{rng.randrange(10**11, 10**12)}" if rng.random() < 0.3 else "",
                "address": "",
            }
        )

    def _attachment(self, c: dict, event: dict, at: dt.datetime, *, identifying: bool) -> None:
        clean = self.rng.choice(self.placeholders)
        self.batch.attachments.append(
            {
                "id": self.batch.new_id("attachment"),
                "complaint_id": c["id"],
                "event_id": event["id"],
                "file": f"attachments/{at:%Y/%m}/{clean.sha256[:2]}/{clean.sha256}",
                "original_name": ("ktp" if identifying else "bukti") + "." + clean.name.rsplit(".", 1)[-1],
                "content_type": clean.content_type,
                "size": clean.size,
                "sha256": clean.sha256,
                "from_reporter": True,
                "identifying": identifying,
                "visibility": "internal" if identifying else "reporter",
                "created_at": at,
            }
        )

    # -- the walk -------------------------------------------------------------------------------------------
    def live(self) -> dict:
        self.submit()
        rng = self.rng
        withdraw_at = self.now + dt.timedelta(days=rng.uniform(1, 10)) if rng.random() < 0.03 else None
        for _step in range(MAX_STEPS):
            h = self.open_hand()
            if h is None:
                break
            plan = self.decide(h)
            limit = min(plan[0], self.end) if plan else self.end
            if withdraw_at is not None and withdraw_at < limit:
                if self.tick(h, withdraw_at):
                    continue
                self.now = withdraw_at
                self.fx.withdraw(withdraw_at, rng.choice(WITHDRAW_REASONS))
                break
            if self.tick(h, limit):
                continue
            if plan is None or plan[0] > self.end:
                break
            self.now = plan[0]
            plan[1](h)
        c = self.c
        if c["status"] == "closed" and rng.random() < 0.55:
            at = c["closed_at"] + dt.timedelta(days=rng.uniform(0.3, 4))
            if at <= self.end:
                rating = int(_pick(rng, {"5": 35, "4": 35, "3": 18, "2": 8, "1": 4}))
                self.fx.rate(at, rating, rng.choice(RATING_COMMENTS[rating]))
        return c

    def open_hand(self) -> Hand | None:
        hands = [h for h in self.fx.hands if h.row["is_open"]]
        return max(hands, key=lambda h: (h.row["opened_at"], h.row["id"])) if hands else None

    # -- the SLA pass ---------------------------------------------------------------------------------------
    def tick(self, h: Hand, limit: dt.datetime) -> bool:
        """Run the daily SLA passes up to ``limit`` on the handling's clocks. True when an expiry transition
        moved the handling (the caller decides again); breaches are marked and the walk goes on."""
        tz = self.ctx.tz
        while True:
            due = [
                c
                for c in h.clocks
                if c["status"] == RUNNING and c["due_date"] is not None and c["breached_at"] is None
            ]
            if not due:
                return False
            clock = min(due, key=lambda c: (c["due_date"], c["id"]))
            at = dt.datetime.combine(clock["due_date"] + dt.timedelta(days=1), dt.time(0, 15), tz)
            if at < self.now:  # resumed already overdue: the next pass after now marks it
                day = self.now.astimezone(tz).date() + dt.timedelta(days=1)
                at = dt.datetime.combine(day, dt.time(0, 15), tz)
            if at > limit:
                return False
            spec = h.wf.clocks.get(clock["name"])
            expiry = h.wf.transitions.get(spec.on_expiry) if spec and spec.on_expiry else None
            if expiry is not None and h.row["state"] in expiry.sources:
                self.now = at
                cleaned = self.reporter_data(expiry, "")
                self.fx.transition(h, expiry, at, cleaned=cleaned, values=dict(cleaned), actor_kind="sistem")
                return True
            self.fx.breach(h, clock, at)

    # -- deciding -------------------------------------------------------------------------------------------
    def decide(self, h: Hand):  # noqa: ANN201 - (time, step) or None
        state = h.wf.state(h.row["state"])
        if state.waiting_for_reporter:
            reporter = self.reporter_step(h)
            if reporter is not None:
                return reporter
            if self.rng.random() >= 0.25:
                return None  # the reporter is silent: the SLA pass decides (expiry) or it stays waiting
        options = self.staff_options(h)
        if not options:
            return None
        spec, actor = self.rng.choices([o[:2] for o in options], weights=[o[2] for o in options])[0]
        at = self.staff_time(self.staff_delay(h))
        return at, lambda hand: self.staff_step(hand, spec, actor)

    def reporter_step(self, h: Hand):  # noqa: ANN201
        wf, state, rng = h.wf, h.row["state"], self.rng
        accept, reply = wf.reporter_transition(state, "accept"), wf.reporter_transition(state, "reply")
        if accept is not None:
            weights = {"accept": 45, "dispute": 0 if self.disputed else 15, "silent": 40}
        else:
            weights = {"reply": 70, "silent": 30}
        if reply is None:
            weights.pop("dispute", None)
            weights.pop("reply", None)
        choice = _pick(rng, weights)
        if choice == "silent":
            return None
        at = self.now + dt.timedelta(days=rng.uniform(0.2, 4))
        if not 6 <= at.astimezone(self.ctx.tz).hour < 22:
            at += dt.timedelta(hours=8)
        if choice == "accept":
            return at, lambda hand: self.reporter_answer(hand, accept, phrase("terima", rng), True)
        self.disputed = self.disputed or choice == "dispute"
        text = reporter_text("sanggahan" if choice == "dispute" else "balasan_klarifikasi", rng)
        return at, lambda hand: self.reporter_answer(hand, reply, text, False)

    def reporter_data(self, spec: TransitionSpec, message: str) -> dict:
        """``services_reporter.reporter_reply``'s data (the message in every text field), as cleaned."""
        cleaned: dict = {}
        for f in spec.fields:
            if f.type in ("text", "textarea") and message.strip():
                cleaned[f.name] = message.strip()
            elif f.type == "boolean":
                cleaned[f.name] = False
        return cleaned

    def reporter_answer(self, h: Hand, spec: TransitionSpec, message: str, accept: bool) -> None:
        self.fx.reporter_replied(self.now, message, accept)
        cleaned = self.reporter_data(spec, message)
        self.fx.transition(h, spec, self.now, cleaned=cleaned, values=dict(cleaned), actor_kind="pelapor")

    def staff_options(self, h: Hand) -> list[tuple]:
        """(transition, actor, weight) for each step the unit's members may take now. Where a move would
        go is drawn only for the step taken (``staff_step``); a move with nowhere to go is left out."""
        self.open_ids = {x.org.id for x in self.fx.hands if x.row["is_open"]}
        out = []
        for spec, actor, moving in self.ctx.steps(h.org, h.wf, h.row["state"]):
            if moving and (len(self.fx.hands) >= MAX_HANDLINGS or not self.can_move(h, spec)):
                continue
            weight = self.weight(h, spec)
            if weight > 0:
                out.append((spec, actor, weight))
        return out

    def can_move(self, h: Hand, spec: TransitionSpec) -> bool:
        if spec.effect != "dispose":
            return self.return_to(h) is not None
        return self.handler_fits(h, spec) or any(self._fits(h, o) for o in self.candidates(spec))

    def weight(self, h: Hand, spec: TransitionSpec) -> float:
        kind = h.org.kind
        if kind.is_complaint_coordinator and self.handler is None and spec.name == "bukan_wewenang":
            return 30.0
        w = WEIGHTS.get((h.wf.slug, spec.name))
        if w is None:
            if spec.name == "tutup":
                w = 0.04
            elif spec.effect == "dispose":
                if kind.is_complaint_coordinator:
                    w = 8.0 if self.handler_fits(h, spec) else 1.0
                else:
                    w = 1.0 if kind.is_oversight else 0.12
            elif spec.closure_reason == RETURN_REASON:
                w = 0.06
            elif h.wf.state(spec.target).waiting_for_reporter:
                w = 0.0 if spec.name in h.taken else 0.35
            elif spec.target == h.row["state"]:
                w = 0.0 if spec.name in h.taken else 0.5
            else:
                w = 1.0
        return w * (0.25 if spec.name in h.taken else 1.0)

    def _fits(self, h: Hand, org: Organisation) -> bool:
        # receiver_problem: not the sender itself, and not already handling the complaint
        return org.id != h.org.id and org.id not in self.open_ids

    def handler_fits(self, h: Hand, spec: TransitionSpec) -> bool:
        org = self.handler
        return (
            org is not None
            and org.kind_id in self.ctx.target_kinds(spec)
            and self.ctx.has_sop(org)
            and self._fits(h, org)
        )

    def candidates(self, spec: TransitionSpec) -> list[Organisation]:
        """Units of the kinds the disposal may reach from this place (with their SOP loaded)."""
        return self.ctx.candidates(self.ctx.target_kinds(spec), self.place)

    def target(self, h: Hand, spec: TransitionSpec) -> Organisation | None:
        """Where a disposal goes: mostly the unit the complaint is about, when its kind may receive it."""
        self.open_ids = {x.org.id for x in self.fx.hands if x.row["is_open"]}
        if self.handler_fits(h, spec) and (h.org.kind.is_complaint_coordinator or self.rng.random() < 0.85):
            return self.handler
        pool = [o for o in self.candidates(spec) if self._fits(h, o)]
        if not pool:
            return self.handler if self.handler_fits(h, spec) else None
        return self.rng.choices(pool, weights=[5 if self.ctx.staffed(o.id) else 1 for o in pool])[0]

    def return_to(self, h: Hand) -> Organisation | None:
        """``routing.return_destination``: the sender, else the coordinator."""
        self.open_ids = {x.org.id for x in self.fx.hands if x.row["is_open"]}
        org = h.parent.org if h.parent is not None else self.ctx.coordinator
        if not self.ctx.has_sop(org) or not self._fits(h, org):
            return None
        return org

    # -- time -----------------------------------------------------------------------------------------------
    def staff_delay(self, h: Hand) -> float:
        """Working days until the step: mostly within the running clock, sometimes late."""
        rng = self.rng
        dues = [c["due_date"] for c in h.clocks if c["status"] == RUNNING and c["due_date"] is not None]
        if not dues:
            return rng.uniform(1, 8)
        left = max(h.cal.working_days_between(self.now.astimezone(self.ctx.tz).date(), min(dues)), 1)
        return left + rng.uniform(1, 6) if rng.random() < 0.15 else rng.uniform(0, left) * 0.9

    def staff_time(self, days: float) -> dt.datetime:
        """A moment in office hours ``days`` working days from now (``story.Case.staff_time``)."""
        tz, rng, cal = self.ctx.tz, self.rng, self.ctx.calendar(self.ctx.regency.code)
        now = self.now.astimezone(tz)
        n = round(days)
        day = cal.working_days_add(now.date(), n) if n > 0 else now.date()
        if not cal.is_working_day(day):
            day = cal.next_working_day(day)
        minute = rng.randrange(8 * 60, 15 * 60 + 30)
        at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tz)
        if at <= now:
            at = now + dt.timedelta(minutes=rng.randrange(20, 150))
            if at.hour >= 16 or not cal.is_working_day(at.date()):
                day = cal.working_days_add(now.date(), 1)
                at = dt.datetime.combine(day, dt.time(8, rng.randrange(0, 59)), tz)
        return at

    # -- staff ----------------------------------------------------------------------------------------------
    def staff_step(self, h: Hand, spec: TransitionSpec, actor) -> None:  # noqa: ANN001
        ctx, rng, at, fx = self.ctx, self.rng, self.now, self.fx
        receiver = None
        if spec.effect == "dispose":
            receiver = self.target(h, spec)
        elif spec.closure_reason == RETURN_REASON:
            receiver = self.return_to(h)
        actor_id = actor.id
        first = not h.taken
        if first:
            if (
                h.org.kind.is_complaint_coordinator
                and self.c["privacy"] == "confidential"
                and rng.random() < 0.15
            ):
                fx.identity_viewed(at, actor_id)
            officer = ctx.actor(h.org.id, frozenset({"petugas", "auditor"}))
            if officer is not None and rng.random() < 0.4:
                boss = ctx.actor(h.org.id, frozenset({"pimpinan", "koordinator"})) or officer
                fx.assign(h, at, boss.id, officer.id)
        cleaned, values = self.staff_data(h, spec, receiver)
        fx.transition(h, spec, at, cleaned=cleaned, values=values, actor=actor_id, receiver=receiver)
        if first and h.row["is_open"] and rng.random() < 0.3:
            officer = ctx.actor(h.org.id, frozenset({"petugas", "auditor", "koordinator"})) or actor
            to_reporter = rng.random() < 0.4
            text = phrase("kabar" if to_reporter else "catatan_internal", rng)
            fx.comment(h, at, officer.id, fill(text, self.values), to_reporter=to_reporter)

    def staff_data(self, h: Hand, spec: TransitionSpec, receiver: Organisation | None) -> tuple[dict, dict]:
        """The fields of a staff transition filled as the demo story fills them: (cleaned, payload values)."""
        rng, ctx = self.rng, self.ctx
        cleaned: dict = {}
        values: dict = {}
        for f in spec.fields:
            if f.type == "organisation":
                if receiver is not None and f.name == "target":
                    cleaned[f.name] = receiver
                    values[f.name] = {"id": receiver.id, "name": receiver.name}
                continue
            if not f.required and rng.random() < 0.5:
                if f.type == "boolean":
                    cleaned[f.name] = values[f.name] = False
                continue
            if f.type in ("text", "textarea"):
                text = field_text(
                    f.name,
                    rng,
                    sop=h.wf.slug,
                    transition=spec.name,
                    topic=self.topic,
                    report=self.report,
                    values=self.values,
                ).strip()
                if text:
                    cleaned[f.name] = values[f.name] = text
            elif f.choices:
                cleaned[f.name] = values[f.name] = rng.choice(f.choices).value
            elif f.type == "date":
                day = self.now.astimezone(ctx.tz).date()
                cleaned[f.name], values[f.name] = day, day.isoformat()
            elif f.type == "boolean":
                cleaned[f.name] = values[f.name] = rng.random() < 0.6
            elif f.type == "integer":
                cleaned[f.name] = values[f.name] = rng.randrange(5, 120) * 1_000_000 if not f.required else 0
            elif f.type == "user":
                user = ctx.actor(h.org.id, frozenset({"auditor", "petugas"}))
                if user is not None:
                    cleaned[f.name] = user
                    values[f.name] = {"id": user.id, "name": ctx.user_names.get(user.id, str(user))}
        return cleaned, values
