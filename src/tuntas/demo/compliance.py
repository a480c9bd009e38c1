"""Demo compliance rounds for Kabupaten Kotabaru, run after the Kotabaru directory demo.

- "Penilaian Kepatuhan Standar Pelayanan Publik 2024" (scheme kepatuhan-2022), reviewed by the Inspektorat:
  several OPD self-assessed in July 2024, the Inspektorat scored them (a little lower than the units did) and
  finalised; results fall in the green, yellow and red zones. One was returned once for better evidence.
- "Opini Ombudsman 2025 (pra-penilaian)" (scheme opini-2025), reviewed by Ombudsman RI Perwakilan Kalimantan
  Selatan, open now: one unit submitted and is being scored, one was returned, one is still drafting.

Everything goes through the services on a simulated clock, with the demo accounts of the units (petugas) and
of the reviewers (auditor, kepala.ombudsman). Organisations or accounts the directory lacks are skipped, so
it also runs on the small test directory. Idempotent: a round whose name exists is left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tuntas.compliance import access, scoring, services
from tuntas.compliance.models import Assessment, Round, Scheme
from tuntas.compliance.schemes import ensure_schemes
from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Membership, Organisation, User

ROUND_2024 = "Penilaian Kepatuhan Standar Pelayanan Publik 2024"
ROUND_2025 = "Opini Ombudsman 2025 (pra-penilaian)"
# (organisation slug, the level the unit claims, the level the reviewer finds): 0..100 each.
PARTICIPANTS_2024 = (
    ("disdukcapil", 98, 94),
    ("dpmptsp", 95, 88),
    ("dinas-pupr", 85, 70),
    ("rsud-pangeran-jaya-sumitra", 80, 64),
    ("dinas-sosial", 60, 42),
    ("dinas-pendidikan", 62, 45),
)
# (slug, self level, what happens): "review" submitted and partly scored, "return" sent back, "draft" half done.
PARTICIPANTS_2025 = (
    ("disdukcapil", 92, "review"),
    ("pdam-kotabaru", 70, "return"),
    ("dinas-kesehatan", 80, "draft"),
    ("dinas-pupr", 75, "draft"),
)


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


def _pick(level: int) -> Callable[[scoring.Indicator], str]:
    """An answer near ``level`` for any indicator (the option whose score is closest, or the number)."""

    def pick(ind: scoring.Indicator) -> str:
        if ind.answer == scoring.NUMBER:
            return str(level)
        return min(ind.choices(), key=lambda o: abs(o.score - Decimal(level))).code

    return pick


def _member(org: Organisation, roles: frozenset[str], exclude_org: Organisation | None = None) -> User | None:
    qs = Membership.objects.filter(organisation=org, role__in=roles, is_active=True, user__is_active=True)
    for m in qs.select_related("user").order_by("role", "pk"):
        if (
            exclude_org is None
            or not Membership.objects.filter(user=m.user, organisation=exclude_org).exists()
        ):
            return m.user
    return None


def _answer(a: Assessment, actor: User, level: int, only: float = 1.0) -> None:
    indicators = [i for i in a.round.scheme.parsed.indicators() if i.filled_by == "self"]
    for ind in indicators[: max(1, int(len(indicators) * only))]:
        services.answer_self(actor=actor, assessment_id=a.pk, indicator=ind.code, value=_pick(level)(ind))


def _review(a: Assessment, actor: User, level: int, only: float = 1.0) -> None:
    indicators = a.round.scheme.parsed.indicators()
    for ind in indicators[: max(1, int(len(indicators) * only))]:
        services.answer_review(actor=actor, assessment_id=a.pk, indicator=ind.code, value=_pick(level)(ind))


def _round(
    name: str, code: str, reviewing_slug: str, slugs: list[str], year: int, opens: dt.date, closes: dt.date
) -> tuple[Round, User | None] | None:
    reviewing = Organisation.objects.filter(slug=reviewing_slug).first()
    if reviewing is None or Round.objects.filter(name=name).exists():
        return None
    manager = _member(reviewing, access.ROUND_ROLES)
    orgs = [o for o in Organisation.objects.filter(slug__in=slugs) if _member(o, access.SELF_ROLES)]
    if manager is None or not orgs:
        return None
    scheme = Scheme.objects.filter(code=code).order_by("-version").first()
    with clock.frozen(_at(opens, 8)):
        created = services.round_create(
            actor=manager,
            scheme_id=scheme.pk,
            name=name,
            year=year,
            reviewing_organisation_id=reviewing.pk,
            opens_on=opens,
            closes_on=closes,
            organisation_ids=[o.pk for o in orgs],
        )
    return created, manager


def _load_2024() -> int:
    levels = {slug: (own, found) for slug, own, found in PARTICIPANTS_2024}
    made = _round(
        ROUND_2024,
        "kepatuhan-2022",
        k.INSPEKTORAT,
        list(levels),
        2024,
        dt.date(2024, 7, 1),
        dt.date(2024, 8, 30),
    )
    if made is None:
        return 0
    round_, _manager = made
    start = _at(dt.date(2024, 7, 8))
    for n, a in enumerate(round_.assessments.select_related("organisation", "round__scheme")):
        own, found = levels[a.organisation.slug]
        unit = _member(a.organisation, access.SELF_ROLES)
        reviewer = _member(round_.reviewing_organisation, access.REVIEW_ROLES, exclude_org=a.organisation)
        with clock.frozen(start + dt.timedelta(days=2 * n)) as advance:
            _answer(a, unit, own)
            services.assessment_submit(actor=unit, assessment_id=a.pk)
            if reviewer is None:
                continue
            advance(dt.timedelta(days=14))
            if n == 2:  # one unit had to send clearer evidence first
                services.assessment_return(
                    actor=reviewer,
                    assessment_id=a.pk,
                    note="Foto maklumat pelayanan tidak terbaca; unggah ulang.",
                )
                advance(dt.timedelta(days=3))
                services.assessment_submit(actor=unit, assessment_id=a.pk)
                advance(dt.timedelta(days=2))
            _review(a, reviewer, found)
            services.assessment_mark_reviewed(actor=reviewer, assessment_id=a.pk)
            advance(dt.timedelta(days=20))
            services.assessment_finalise(actor=reviewer, assessment_id=a.pk)
    return 1


def _load_2025() -> int:
    plan = {slug: (own, step) for slug, own, step in PARTICIPANTS_2025}
    today = clock.today()
    opens = today - dt.timedelta(days=21)
    made = _round(
        ROUND_2025, "opini-2025", k.OMBUDSMAN, list(plan), 2025, opens, today + dt.timedelta(days=40)
    )
    if made is None:
        return 0
    round_, _manager = made
    for n, a in enumerate(round_.assessments.select_related("organisation", "round__scheme")):
        own, step = plan[a.organisation.slug]
        unit = _member(a.organisation, access.SELF_ROLES)
        reviewer = _member(round_.reviewing_organisation, access.REVIEW_ROLES, exclude_org=a.organisation)
        with clock.frozen(_at(opens + dt.timedelta(days=3 + n))) as advance:
            _answer(a, unit, own, only=0.5 if step == "draft" else 1.0)
            if step == "draft":
                continue
            services.assessment_submit(actor=unit, assessment_id=a.pk)
            if reviewer is None:
                continue
            advance(dt.timedelta(days=7))
            if step == "return":
                services.assessment_return(
                    actor=reviewer,
                    assessment_id=a.pk,
                    note="Lampirkan rekap pengaduan tahun berjalan dan SK petugas pengelola pengaduan.",
                )
            else:
                _review(a, reviewer, own - 6, only=0.6)
    return 1


def load_compliance_demo() -> dict[str, int]:
    """Create the demo rounds (each only once); returns how many rounds and assessments were created."""
    ensure_schemes()
    with transaction.atomic():
        rounds = _load_2024() + _load_2025()
    return {
        "rounds": rounds,
        "assessments": Assessment.objects.filter(round__name__in=[ROUND_2024, ROUND_2025]).count()
        if rounds
        else 0,
    }
