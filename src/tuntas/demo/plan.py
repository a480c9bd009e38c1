"""Drawing the demo's cases: what each complaint is about, where, who files it and how everyone behaves.

Everything is drawn from ``random.Random`` seeded per case, so the same seed gives the same demo (relative to
the day it is loaded), and one case's draws do not shift another's.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from tuntas.complaints.models import Complaint
from tuntas.complaints.services import ReporterInput
from tuntas.demo.cast import Cast
from tuntas.demo.kotabaru import CATEGORIES, INSPEKTORAT, KOORDINATOR, OMBUDSMAN
from tuntas.demo.phrases import FIRST_NAMES, LAST_NAMES
from tuntas.demo.topics import OMBUDSMAN_TOPICS, TOPICS, Topic
from tuntas.directory.models import Region

PUBLIC, CONFIDENTIAL, ANONYMOUS = (
    Complaint.Privacy.PUBLIC,
    Complaint.Privacy.CONFIDENTIAL,
    Complaint.Privacy.ANONYMOUS,
)

# Kecamatan groups used by topics' "where": Pulau Laut island, Kotabaru town, the mainland.
PULAU_LAUT = ("63.02.02", "63.02.03", "63.02.04", "63.02.06", "63.02.16", "63.02.20", "63.02.21", "63.02.22")
KOTA = ("63.02.06", "63.02.22")
# Rough weights for where people live: the town and the island's kecamatan file most complaints.
KECAMATAN_WEIGHT = {"63.02.06": 5, "63.02.22": 5, "63.02.04": 2, "63.02.03": 2, "63.02.17": 2, "63.02.09": 2}

# Where a unit forwards a complaint that turns out to be another's (or, for schools, a levy for the
# Inspektorat).
FORWARDS = {
    "dinas-kesehatan": "rsud-pangeran-jaya-sumitra",
    "dinas-pupr": "dinas-perkim",
    "dinas-pendidikan": INSPEKTORAT,
    "dinas-sosial": "dpmd",
}
# Relative pace of units (1 = typical; above 1 slower).
PACE = {
    "dinas-pupr": 1.5,
    "bapenda": 1.4,
    "disdukcapil": 1.3,
    "dinas-pendidikan": 1.2,
    "pdam-kotabaru": 0.6,
    "rsud-pangeran-jaya-sumitra": 0.8,
    "dinas-perhubungan": 0.9,
}
TIERS = {c.slug: c.tier_days for c in CATEGORIES}
ANSWER_DAYS = {2: (0, 2), 5: (1, 5), 14: (3, 12), 60: (5, 20)}

TOWN = (Decimal("-3.2400"), Decimal("116.2100"))  # Kotabaru town centre, for reports made with a map pin


@dataclass
class Plan:
    topic: Topic
    title: str
    description: str
    report: int  # which of the topic's reports (and so which answer)
    region: Region
    kecamatan: str
    neighbour: str
    number: int
    submitted_at: dt.datetime
    occurred_on: dt.date | None
    privacy: str
    classification: str
    channel: str
    reporter: ReporterInput
    intake: str | None
    reported: str | None
    handler: str
    location_text: str
    latitude: Decimal | None
    longitude: Decimal | None
    code_choice: Callable[[str], str]
    coord: str  # dispose | tunda | tunda_diam | bukan_wewenang | arsip
    verify_days: tuple[float, float]
    unit: str  # answer | clarify | forward | close | stall | stall_late
    forward_to: str
    answer_days: tuple[float, float]
    on_answer: str  # accept | dispute | silent
    after_dispute: str
    replies: bool
    rate: bool
    rating: int
    withdraw_at: dt.datetime | None
    pace: float
    insp: str  # limpah | klarifikasi | pemeriksaan_khusus | tidak_ditindaklanjuti
    insp_ask: bool
    omb: str  # selesai | lahp | lahp_tidak | pleno_tutup | kelengkapan | kelengkapan_diam | rco


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _when(rng: random.Random, start: dt.datetime, end: dt.datetime, office: bool, tz) -> dt.datetime:  # noqa: ANN001
    span = (end - start).total_seconds()
    # Half spread evenly, half leaning to recent weeks (the service got known over time).
    share = rng.random() if rng.random() < 0.5 else rng.random() ** 0.5
    at = (start + dt.timedelta(seconds=span * share)).astimezone(tz)
    if office:
        while at.weekday() >= 5:
            at -= dt.timedelta(days=1)
        at = at.replace(hour=rng.randrange(8, 15), minute=rng.randrange(60))
    elif not 6 <= at.hour < 23:
        at = at.replace(hour=rng.randrange(6, 23))
    return min(max(at, start), end - dt.timedelta(hours=1))


def _reporter(rng: random.Random, privacy: str) -> ReporterInput:
    if privacy == ANONYMOUS:
        return ReporterInput()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{first}.{last}{rng.randrange(10, 99)}@example.com".lower() if rng.random() < 0.5 else ""
    phone = f"08{rng.choice(('11', '12', '13', '21', '52', '53'))}{rng.randrange(10**7, 10**8)}"
    nik = f"6302{rng.randrange(10**11, 10**12)}" if rng.random() < 0.3 else ""
    return ReporterInput(
        name=f"{first} {last}", email=email, phone=phone if rng.random() < 0.7 else "", nik=nik
    )


class Planner:
    def __init__(self, cast: Cast, *, seed: int, start: dt.datetime, end: dt.datetime) -> None:
        self.cast, self.seed, self.start, self.end = cast, seed, start, end
        self.by_kecamatan: dict[str, list[Region]] = {}
        for r in cast.places:
            self.by_kecamatan.setdefault(r.parent_id, []).append(r)
        self.topics = [t for t in TOPICS if self._possible(t)]
        self.omb_topics = [
            t for t in OMBUDSMAN_TOPICS if cast.has_staff(OMBUDSMAN) and cast.has_staff(t.handler)
        ]

    def _possible(self, topic: Topic) -> bool:
        if topic.handler == "desa":
            return bool(self.cast.desa_orgs)
        if topic.handler == "kecamatan":
            return bool(self._kecamatan_desks())
        return topic.handler == "bukan_wewenang" or self.cast.has_staff(topic.handler)

    def _kecamatan_desks(self) -> list[str]:
        return sorted(code for code, org in self.cast.kecamatan_orgs.items() if self.cast.has_staff(org.slug))

    def _place(self, rng: random.Random, where: str) -> Region:
        codes = list(self.by_kecamatan)
        if where == "pulau_laut":
            codes = [c for c in codes if c in PULAU_LAUT]
        elif where == "kota":
            codes = [c for c in codes if c in KOTA]
        elif where == "daratan":
            codes = [c for c in codes if c not in PULAU_LAUT]
        elif where == "kecamatan_desk":
            codes = [c for c in codes if c in self._kecamatan_desks()]
        elif where == "desa_desk":
            return rng.choice(sorted(self.cast.desa_orgs.values(), key=lambda o: o.region_id)).region
        kecamatan = rng.choices(codes, weights=[KECAMATAN_WEIGHT.get(c, 1) for c in codes])[0]
        return rng.choice(self.by_kecamatan[kecamatan])

    def plan(self, index: int) -> Plan:
        rng = random.Random(f"{self.seed}:case:{index}")
        ombudsman = self.omb_topics and rng.random() < 0.07
        pool = self.omb_topics if ombudsman else self.topics
        topic = rng.choices(pool, weights=[t.weight for t in pool])[0]
        report = rng.randrange(len(topic.reports))
        title, description = topic.reports[report]
        region = self._place(rng, topic.where)
        siblings = [r.name for r in self.by_kecamatan[region.parent_id] if r.code != region.code]
        handler = topic.handler
        if handler == "desa":
            handler = self.cast.desa_orgs[region.code].slug if region.code in self.cast.desa_orgs else "dpmd"
        elif handler == "kecamatan":
            handler = self.cast.kecamatan_orgs[region.parent_id].slug
        intake = {KOORDINATOR: None, OMBUDSMAN: OMBUDSMAN}.get(topic.intake, handler)
        if topic.intake == "desk" and rng.random() < 0.3:
            intake = None  # the same kind of complaint also arrives through the coordinator
        if intake and not self.cast.orgs[intake].accepts_complaints:
            intake = None
        if topic.category == "pungli-penyimpangan":
            privacy = _pick(rng, {ANONYMOUS: 40, CONFIDENTIAL: 55, PUBLIC: 5})
        else:
            privacy = _pick(rng, {CONFIDENTIAL: 58, PUBLIC: 28, ANONYMOUS: 14})
        if intake == OMBUDSMAN:
            channel = _pick(rng, {"web": 50, "walk_in": 30, "letter": 20})
            privacy = CONFIDENTIAL if privacy == ANONYMOUS else privacy  # a report must name its reporter
        elif intake:
            channel = _pick(rng, {"walk_in": 50, "web": 25, "phone": 15, "letter": 10})
        else:
            channel = _pick(rng, {"web": 45, "lapor": 30, "sms": 10, "phone": 5, "letter": 5, "walk_in": 5})
        office = channel in ("walk_in", "letter", "phone")
        submitted = _when(rng, self.start, self.end, office, self.cast.tz)
        recent = (self.end - submitted) < dt.timedelta(days=42)
        tier = TIERS.get(topic.category) or 5
        answer_days = ANSWER_DAYS.get(tier, (1, 5))
        if rng.random() < 0.12:  # a late answer
            answer_days = (answer_days[1], answer_days[1] * 1.8 + 2)
        forward_to = FORWARDS.get(handler, "")
        if self.cast.orgs.get(handler) and self.cast.orgs[handler].kind_id in ("desa", "kelurahan"):
            kec = self.cast.kecamatan_orgs.get(region.parent_id)
            forward_to = kec.slug if kec and self.cast.has_staff(kec.slug) else ""
        if forward_to and not self.cast.has_staff(forward_to):
            forward_to = ""
        units = {"answer": 62, "clarify": 14, "close": 4}
        if forward_to:
            units["forward"] = 10 if handler in FORWARDS else 14
        if recent:
            units.update(stall=8, stall_late=10)
        kecamatan = self.cast.kecamatan[region.parent_id].name
        pin = topic.where == "kota" and rng.random() < 0.4
        on_answer = _pick(rng, {"accept": 45, "dispute": 15, "silent": 40})
        rating = {
            "accept": _pick(rng, {"5": 50, "4": 40, "3": 10}),
            "dispute": _pick(rng, {"4": 30, "3": 40, "2": 30}),
            "silent": _pick(rng, {"4": 40, "3": 40, "2": 15, "1": 5}),
        }[on_answer]
        coord = (
            "bukan_wewenang"
            if handler == "bukan_wewenang"
            else _pick(rng, {"dispose": 86, "tunda": 6, "tunda_diam": 3, "arsip": 5})
        )
        omb = _pick(
            rng,
            {
                "selesai": 28,
                "lahp": 22,
                "lahp_tidak": 8,
                "pleno_tutup": 14,
                "kelengkapan": 10,
                "kelengkapan_diam": 6,
                "rco": 12 if topic.category in ("air-bersih", "jalan-jembatan") else 0,
            },
        )
        silent = coord == "tunda_diam" or (intake == OMBUDSMAN and omb == "kelengkapan_diam")
        return Plan(
            topic=topic,
            title=title,
            description=description,
            report=report,
            region=region,
            kecamatan=kecamatan,
            neighbour=rng.choice(siblings) if siblings else region.name,
            number=rng.randrange(2, 6),
            submitted_at=submitted,
            occurred_on=(submitted - dt.timedelta(days=rng.randrange(1, 30))).date()
            if rng.random() < 0.6
            else None,
            privacy=privacy,
            classification=_pick(rng, {"pengaduan": 88, "aspirasi": 8, "permintaan_informasi": 4}),
            channel=channel,
            reporter=_reporter(rng, privacy),
            intake=intake,
            # An oversight body handling a topic (pungli at the Inspektorat) is not the party complained about:
            # it would never be given a complaint about itself.
            reported=handler
            if topic.reported and handler in self.cast.orgs and handler not in (INSPEKTORAT, OMBUDSMAN)
            else None,
            handler=handler,
            location_text=f"{region.get_kind_display()} {region.name}, Kecamatan {kecamatan}"
            + (f", RT {rng.randrange(1, 20):02d}" if rng.random() < 0.5 else ""),
            latitude=TOWN[0] + Decimal(rng.randrange(-300, 300)) / 10_000 if pin else None,
            longitude=TOWN[1] + Decimal(rng.randrange(-300, 300)) / 10_000 if pin else None,
            code_choice=random.Random(f"{self.seed}:code:{index}").choice,
            coord=coord,
            verify_days=(0, 2) if rng.random() < 0.9 else (3, 6),
            unit=_pick(rng, units),
            forward_to=forward_to,
            answer_days=answer_days,
            on_answer=on_answer,
            after_dispute=_pick(rng, {"accept": 60, "silent": 40}),
            replies=rng.random() < 0.7 and not silent,
            rate=rng.random() < 0.55,
            rating=int(rating),
            withdraw_at=submitted + dt.timedelta(days=rng.uniform(1, 10)) if rng.random() < 0.035 else None,
            pace=PACE.get(handler, 1.0) * rng.uniform(0.7, 1.3),
            insp=_pick(
                rng, {"klarifikasi": 45, "limpah": 25, "pemeriksaan_khusus": 18, "tidak_ditindaklanjuti": 12}
            ),
            insp_ask=rng.random() < 0.2,
            omb=omb,
        )
