"""The demo's story: complaints lived through the real services on a simulated clock.

Each case is a small agent (a generator) that files one complaint and then, step by step, plays the people
involved (coordinator, work unit, Inspektorat, Ombudsman, reporter) according to a plan drawn from a seeded
random generator. Every step happens at its own simulated time (``clock.frozen``), and all cases plus a daily
SLA pass run in one chronological order, so timelines, clocks, due dates and automatic closures are those the
system itself computes. Steps that would fall after "now" are not taken: recent complaints stay open, some
overdue, some due soon, some waiting for the reporter.

Only services write: complaint_submit, handling_transition, handling_assign, comment_add, identity_view,
reporter_reply, reporter_rate, reporter_withdraw (and the SLA pass, which calls handling_transition).
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings

from tuntas.complaints import services
from tuntas.complaints.models import Complaint, Handling
from tuntas.core import clock
from tuntas.core.calendar import WorkingCalendar
from tuntas.demo.cast import Cast
from tuntas.demo.phrases import (
    BUKAN_WEWENANG,
    DAYS,
    MONTHS,
    RATING_COMMENTS,
    WITHDRAW_REASONS,
    person_name,
    phrase,
)
from tuntas.demo.plan import Plan
from tuntas.workflows.registry import workflow_of

Step = Callable[[Handling], None]


@dataclass
class Decision:
    at: dt.datetime
    handling_id: int | None = None
    state: str = ""
    do: Step | None = None  # None: nothing to do but look again at ``at`` (waiting for the reporter/system)


@dataclass
class Case:
    """One complaint's life. ``run()`` yields the time of its next step; resuming it takes that step."""

    index: int
    plan: Plan
    cast: Cast
    cal: WorkingCalendar
    rng: random.Random
    code: str = ""
    secret: str = ""
    complaint_id: int | None = None
    done: set[str] = field(default_factory=set)  # one-off steps already taken ("tunda", "klarifikasi", ...)
    waits: int = 0

    # -- the loop --------------------------------------------------------------------------------------
    def run(self) -> Iterator[dt.datetime]:
        yield self.plan.submitted_at
        self.submit()
        while True:
            handling = self.open_handling()
            if handling is None:  # closed or withdrawn
                complaint = Complaint.objects.only("status", "rating").get(pk=self.complaint_id)
                rate = complaint.status == Complaint.Status.CLOSED and complaint.rating is None
                if rate and self.plan.rate:
                    yield self.reporter_time(0.3, 4)
                    self.rate()
                return
            policy = getattr(self, "_" + handling.workflow.slug.replace("-", "_"), None)
            decision = policy(handling) if policy else None
            if decision is None:
                return
            if self.plan.withdraw_at and self.plan.withdraw_at < decision.at:
                yield max(self.plan.withdraw_at, clock.now() + dt.timedelta(minutes=5))
                if Complaint.objects.filter(pk=self.complaint_id, status=Complaint.Status.OPEN).exists():
                    self.withdraw()
                return
            yield decision.at
            if decision.do is None:  # waited for the reporter or the SLA pass
                self.waits += 1
                if self.waits > 2:  # nothing moved it: leave the complaint where it is
                    return
                continue
            current = self.open_handling()
            if current is not None and current.pk == decision.handling_id and current.state == decision.state:
                decision.do(current)
                self.waits = 0

    def open_handling(self) -> Handling | None:
        return (
            Handling.objects.filter(complaint_id=self.complaint_id, is_open=True)
            .select_related("workflow", "organisation")
            .order_by("-opened_at", "-id")
            .first()
        )

    # -- time ------------------------------------------------------------------------------------------
    def staff_time(self, low: float, high: float) -> dt.datetime:
        """A moment during office hours, ``low``..``high`` working days from now (scaled by the unit's pace)."""
        now = clock.now().astimezone(self.cast.tz)
        days = round(self.rng.uniform(low, high) * self.plan.pace)
        day = self.cal.working_days_add(now.date(), days) if days > 0 else now.date()
        if not self.cal.is_working_day(day):
            day = self.cal.next_working_day(day)
        minute = self.rng.randrange(8 * 60, 15 * 60 + 30)
        at = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), self.cast.tz)
        if at <= now:
            at = now + dt.timedelta(minutes=self.rng.randrange(20, 150))
            if at.hour >= 16 or not self.cal.is_working_day(at.date()):
                day = self.cal.working_days_add(now.date(), 1)
                at = dt.datetime.combine(day, dt.time(8, self.rng.randrange(0, 59)), self.cast.tz)
        return at

    def reporter_time(self, low_days: float, high_days: float) -> dt.datetime:
        now = clock.now().astimezone(self.cast.tz)
        at = now + dt.timedelta(days=self.rng.uniform(low_days, high_days))
        if not 6 <= at.hour < 22:
            at = at.replace(hour=self.rng.randrange(6, 22))
        return max(at, now + dt.timedelta(minutes=10))

    def after_clock(self, handling: Handling) -> dt.datetime:
        """Just after the SLA pass of the day after the handling's earliest due date."""
        due = handling.due_date or clock.today()
        return dt.datetime.combine(due + dt.timedelta(days=1), dt.time(7, 0), self.cast.tz)

    # -- text ------------------------------------------------------------------------------------------
    def fmt(self, text: str) -> str:
        p = self.plan
        today = clock.today()
        return text.format_map(
            {
                "desa": p.region.name,
                "desa2": p.neighbour,
                "kecamatan": p.kecamatan,
                "n": p.number,
                "bulan": MONTHS[(p.submitted_at.month - 2) % 12],
                "hari": f"{DAYS[today.weekday()]}, {today.day} {MONTHS[today.month - 1]} {today.year}",
                "remit": p.topic.remit,
                "instansi": self.cast.orgs[p.handler].name
                if p.handler in self.cast.orgs
                else "instansi terkait",
            }
        )

    def text(self, name: str, sop: str = "", transition: str = "") -> str:
        topic = self.plan.topic
        if name == "jawaban" and topic.answers:
            return self.fmt(topic.answers[self.plan.report % len(topic.answers)])
        if name in ("pertanyaan", "kekurangan") and topic.questions and self.rng.random() < 0.7:
            return self.fmt(self.rng.choice(topic.questions))
        year = clock.today().year
        numbers = {
            "nomor_surat_tugas": f"700.1.2/{self.rng.randrange(100, 999)}/ST-Itda/{year}",
            "nomor_lhp": f"700.1.2/{self.rng.randrange(10, 99)}/LHP-Itda/{year}",
            "nomor_surat": f"700.1.2/{self.rng.randrange(100, 999)}/Itda/{year}",
            "nomor_lahp": f"LAHP/{self.rng.randrange(100, 999)}/OKS/{year}",
            "nomor_rekomendasi": f"REK/{self.rng.randrange(10, 99)}/OKS/{year}",
            "instansi": self.cast.orgs[self.plan.handler].name if self.plan.handler in self.cast.orgs else "",
            "atasan_terlapor": "Bupati Kotabaru",
        }
        specific = (f"{sop}.{transition}.{name}", f"{sop}.{name}", f"{name}.{topic.key}")
        if name == "telaahan":
            specific = (f"{sop}.telaahan.{self.plan.insp}", *specific)
        return numbers.get(name) or self.fmt(phrase(name, self.rng, *specific))

    # -- acting ----------------------------------------------------------------------------------------
    def act(self, handling: Handling, transition: str, **values: object) -> None:
        """Take ``transition`` as a member of the handling's organisation allowed to, filling its fields."""
        spec = workflow_of(handling.workflow).transitions[transition]
        user = self.cast.actor(handling.organisation_id, spec.roles)
        data: dict[str, object] = {}
        for f in spec.fields:
            if f.name in values:
                data[f.name] = values[f.name]
            elif not f.required and self.rng.random() < 0.5:
                continue
            elif f.type in ("text", "textarea"):
                data[f.name] = self.text(f.name, handling.workflow.slug, transition)
            elif f.choices:
                data[f.name] = self.rng.choice(f.choices).value
            elif f.type == "date":
                data[f.name] = clock.today()
            elif f.type == "boolean":
                data[f.name] = self.rng.random() < 0.6
            elif f.type == "user":
                member = self.cast.actor(handling.organisation_id, frozenset({"auditor", "petugas"}))
                data[f.name] = member.pk
            elif f.type == "integer" and f.required:
                data[f.name] = 0
        services.handling_transition(
            actor=services.Actor(user=user), handling_id=handling.pk, transition=transition, data=data
        )

    def staff(
        self, handling: Handling, low: float, high: float, transition: str, **values: object
    ) -> Decision:
        return Decision(
            self.staff_time(low, high),
            handling.pk,
            handling.state,
            lambda h: self.act(h, transition, **values),
        )

    def reporter(self, handling: Handling, low: float, high: float, step: Callable[[], None]) -> Decision:
        return Decision(self.reporter_time(low, high), handling.pk, handling.state, lambda h: step())

    def wait(self, handling: Handling) -> Decision:
        return Decision(self.after_clock(handling))

    def once(self, name: str) -> bool:
        """True the first time a one-off step is asked for."""
        if name in self.done:
            return False
        self.done.add(name)
        return True

    # -- the reporter ----------------------------------------------------------------------------------
    def submit(self) -> None:
        p = self.plan
        result = services.complaint_submit(
            data=services.ComplaintInput(
                title=self.fmt(p.title)[:200],
                description=self.fmt(p.description),
                privacy=p.privacy,
                classification=p.classification,
                category=p.topic.category or None,
                region_code=p.region.code,
                location_text=p.location_text,
                latitude=p.latitude,
                longitude=p.longitude,
                reported_organisation=p.reported,
                intake_organisation=p.intake,
                service_name=p.topic.service,
                occurred_on=p.occurred_on,
                reporter=p.reporter,
            ),
            channel=p.channel,
            choice=p.code_choice,
        )
        self.code, self.secret = result.complaint.tracking_code, result.secret
        self.complaint_id = result.complaint.pk

    def reply(self, message: str, accept: bool = False) -> None:
        services.reporter_reply(code=self.code, secret=self.secret, message=message, accept=accept)

    def rate(self) -> None:
        rating = self.plan.rating
        services.reporter_rate(
            code=self.code,
            secret=self.secret,
            rating=rating,
            comment=self.rng.choice(RATING_COMMENTS[rating]),
        )

    def withdraw(self) -> None:
        services.reporter_withdraw(
            code=self.code, secret=self.secret, reason=self.rng.choice(WITHDRAW_REASONS)
        )

    def answered(self, handling: Handling) -> Decision:
        """The reporter's move on an answer: accept it, dispute it once, or stay silent (closed by the SLA)."""
        choice = self.plan.on_answer if "sanggah" not in self.done else self.plan.after_dispute
        if choice == "accept":
            return self.reporter(
                handling, 0.2, 3, lambda: self.reply(phrase("terima", self.rng), accept=True)
            )
        if choice == "dispute" and self.once("sanggah"):
            return self.reporter(handling, 0.5, 4, lambda: self.reply(phrase("sanggahan", self.rng)))
        return self.wait(handling)

    def clarification(self, handling: Handling, fallback: Decision | None = None) -> Decision:
        if self.plan.replies:
            return self.reporter(
                handling, 0.3, 4, lambda: self.reply(phrase("balasan_klarifikasi", self.rng))
            )
        return fallback or self.wait(handling)

    # -- the SOPs --------------------------------------------------------------------------------------
    def _lapor_admin(self, h: Handling) -> Decision | None:
        p = self.plan
        if h.state == "ditunda":
            return self.clarification(h)
        if h.state == "dikembalikan":  # bukan wewenang: the coordinator records where it was passed on
            remit = p.topic.remit or "instansi yang berwenang"
            return self.staff(h, 1, 3, "alihkan", instansi=remit, pesan=self.fmt(BUKAN_WEWENANG))
        if h.state != "menunggu_verifikasi":
            return None
        if p.coord in ("tunda", "tunda_diam") and self.once("tunda"):
            return self.staff(h, 0, 2, "tunda")
        if p.coord == "bukan_wewenang":
            return self.staff(h, 0, 3, "bukan_wewenang", penjelasan=self.fmt(BUKAN_WEWENANG))
        if p.coord == "arsip":
            return self.staff(h, 0, 2, "arsipkan", alasan="duplikat")
        decision = self.staff(
            h, *p.verify_days, "verifikasi", target=p.handler, instruksi=self.text("instruksi")
        )
        if p.privacy == Complaint.Privacy.CONFIDENTIAL and self.rng.random() < 0.15:
            then = decision.do

            def look_then_route(handling: Handling) -> None:  # the coordinator checks who is reporting
                services.identity_view(
                    actor=self.cast.actor(h.organisation_id, {"koordinator"}), complaint_id=self.complaint_id
                )
                then(handling)

            decision.do = look_then_route
        return decision

    def _opd(self, h: Handling) -> Decision | None:
        p = self.plan
        if h.state == "diterima":
            if p.unit == "stall":
                return None
            if (
                p.unit == "forward"
                and p.forward_to
                and p.forward_to != h.organisation.slug
                and self.once("teruskan")
            ):
                return self.staff(h, 1, 3, "teruskan", target=p.forward_to, alasan=self.text("alasan"))
            decision = self.staff(h, 0, 2, "proses")
            step = decision.do
            decision.do = lambda handling: (self.assign(handling), step(handling), self.note(handling))
            return decision
        if h.state == "diproses":
            if p.unit == "clarify" and self.once("klarifikasi"):
                return self.staff(h, 0, 2, "minta_klarifikasi")
            if p.unit == "close":
                return self.staff(h, 1, 4, "tutup", alasan="tidak_dapat_ditindaklanjuti")
            if p.unit == "stall_late":
                return None
            return self.staff(h, *p.answer_days, "jawab")
        if h.state == "menunggu_klarifikasi":
            return self.clarification(h)
        if h.state == "dijawab":
            return self.answered(h)
        return None

    def _desa(self, h: Handling) -> Decision | None:
        p = self.plan
        if h.state == "diterima":
            if p.unit in ("stall", "stall_late"):
                return None
            if p.unit == "forward" and p.forward_to and self.once("teruskan"):
                return self.staff(h, 1, 3, "teruskan", target=p.forward_to, alasan=self.text("alasan"))
            return self.staff(h, *p.answer_days, "jawab")
        if h.state == "dijawab":
            return self.answered(h)
        return None

    def _inspektorat(self, h: Handling) -> Decision | None:
        p = self.plan
        state = h.state
        if state == "telaah":
            if p.insp_ask and self.once("keterangan"):
                return self.staff(h, 1, 3, "minta_keterangan")
            return self.staff(
                h, 2, 5, "ajukan_telaahan", saran=p.insp, berkadar_pengawasan=p.insp != "limpah"
            )
        if state == "menunggu_keterangan":
            return self.clarification(h)
        if state == "disposisi_inspektur":
            if p.insp == "limpah":
                target = p.topic.delegate or (p.handler if p.handler != h.organisation.slug else "dpmd")
                return self.staff(h, 1, 4, "limpah", target=target)
            if p.insp == "tidak_ditindaklanjuti":
                return self.staff(h, 1, 4, "tutup", alasan="bukti_tidak_memadai")
            if p.insp == "pemeriksaan_khusus":
                return self.staff(h, 2, 6, "periksa")
            return self.staff(h, 1, 4, "klarifikasi")
        plan = {
            "konfirmasi_klarifikasi": (8, 20, "selesai_klarifikasi"),
            "pemeriksaan_khusus": (15, 30, "susun_lhp"),
            "penyusunan_lhp": (5, 12, "terbitkan_lhp"),
            "lhp_diterbitkan": (1, 4, "kirim_surat_jawaban"),
            "pemantauan_tindak_lanjut": (25, 45, "selesaikan"),
        }.get(state)
        if plan is None:
            return None
        if state == "penyusunan_lhp":
            loss = self.rng.randrange(5, 120) * 1_000_000
            return self.staff(h, plan[0], plan[1], plan[2], kerugian=loss)
        return self.staff(h, *plan)

    def _ombudsman(self, h: Handling) -> Decision | None:
        p = self.plan
        state = h.state
        if state == "penerimaan":
            if p.omb == "rco":
                return self.staff(
                    h, 0, 1, "rco", alasan_rco="air" if p.topic.category == "air-bersih" else "lainnya"
                )
            if p.omb in ("kelengkapan", "kelengkapan_diam") and self.once("kelengkapan"):
                return self.staff(h, 1, 4, "minta_kelengkapan")
            terlapor = self.cast.orgs[p.handler].name
            return self.staff(h, 1, 5, "memenuhi_formil", terlapor=terlapor)
        if state == "kelengkapan":
            return self.clarification(h)
        if state == "rco_koordinasi":
            return self.staff(h, 1, 3, "rco_selesai")
        if state == "verifikasi_materiil":
            return self.staff(h, 2, 6, "ajukan_pleno", dugaan_maladministrasi="penundaan_berlarut")
        if state == "pleno":
            if p.omb == "pleno_tutup":
                return self.staff(h, 1, 5, "pleno_tutup", alasan="dalam_tenggang_waktu_instansi")
            return self.staff(
                h,
                1,
                5,
                "pleno_tindaklanjuti",
                metode="klarifikasi",
                dugaan_maladministrasi="penundaan_berlarut",
            )
        if state == "serah_terima_pemeriksaan":
            assistant = self.cast.actor(h.organisation_id, frozenset({"petugas"}))
            return self.staff(h, 1, 3, "terima_pemeriksaan", pemeriksa=str(assistant))
        if state == "pemeriksaan":
            if p.omb in ("lahp", "lahp_tidak"):  # the reporter answers the result before the LHP
                return self.staff(h, 15, 30, "sampaikan_hasil")
            return self.staff(h, 15, 35, "selesai_pemeriksaan")
        if state == "tanggapan_pelapor":
            return self.clarification(h)
        if state == "penyusunan_lhp":
            outcome = "lahp_maladministrasi" if p.omb == "lahp" else "lahp_tidak_ditemukan"
            return self.staff(h, 3, 8, outcome, jenis_maladministrasi="penundaan_berlarut")
        if state == "serah_terima_resolusi":
            assistant = self.cast.actor(h.organisation_id, frozenset({"petugas"}))
            return self.staff(h, 1, 3, "terima_resolusi", pemantau=str(assistant))
        if state == "tindakan_korektif":
            if self.once("laporan_focal_point"):
                return self.staff(h, 5, 15, "laporkan_tindakan_korektif")
            return self.staff(h, 2, 6, "korektif_dilaksanakan")
        if state == "resolusi_monitoring":
            return self.staff(h, 10, 20, "resolusi_selesai")
        return None

    def note(self, handling: Handling) -> None:
        """Sometimes the officer tells the reporter work has started, or leaves an internal note."""
        draw = self.rng.random()
        if draw >= 0.35:
            return
        officer = self.cast.actor(handling.organisation_id, {"petugas"})
        to_reporter = draw < 0.15
        text = phrase("kabar" if to_reporter else "catatan_internal", self.rng)
        services.comment_add(
            actor=officer, handling_id=handling.pk, text=self.fmt(text), to_reporter=to_reporter
        )

    def assign(self, handling: Handling) -> None:
        """The head gives the handling to an officer, or the officer takes it."""
        if self.rng.random() > 0.6:
            return
        org = handling.organisation_id
        officer = self.cast.actor(org, {"petugas"})
        boss = self.cast.members.get(org, {}).get("pimpinan", officer)
        services.handling_assign(actor=boss, handling_id=handling.pk, assignee_id=officer.pk)


def daily_sla_pass(start: dt.datetime, tz: ZoneInfo) -> Iterator[dt.datetime]:
    """The periodic SLA task, once a day at 00:15 local time."""
    from tuntas.complaints.deadlines import sla_tick

    day = start.astimezone(tz).date() + dt.timedelta(days=1)
    while True:
        yield dt.datetime.combine(day, dt.time(0, 15), tz)
        sla_tick()
        day += dt.timedelta(days=1)


def simulate(cases: list[Case], *, start: dt.datetime, end: dt.datetime, tz: ZoneInfo) -> None:
    """Run every case and the daily SLA pass in time order, from ``start`` up to (not beyond) ``end``."""
    queue: list[tuple[dt.datetime, int, Iterator[dt.datetime]]] = []
    actors = [daily_sla_pass(start, tz), *(case.run() for case in cases)]
    for seq, actor in enumerate(actors):
        queue.append((next(actor), seq, actor))
    heapq.heapify(queue)
    with clock.frozen(start) as advance:
        current = start
        while queue:
            at, seq, actor = heapq.heappop(queue)
            if at > end:
                continue  # the future: this step has not happened yet
            if at > current:
                advance(at - current)
                current = at
            try:
                following = actor.send(None)
            except StopIteration:
                continue
            heapq.heappush(queue, (max(following, current + dt.timedelta(seconds=1)), seq, actor))


def timezone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


__all__ = ["Case", "Decision", "person_name", "simulate", "timezone"]
