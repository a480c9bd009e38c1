"""Loading the Kotabaru demo: regions, holidays and SOPs, the directory, the demo accounts and the story.

Idempotent by parts: the directory is upserted by slug, accounts by username, and the story runs only when the
coordinator has no complaint yet, so ``manage.py load_demo`` on every start is cheap after the first.
"""

from __future__ import annotations

import datetime as dt
import random
import time as walltime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from tuntas.complaints.models import Category, Complaint, Handling
from tuntas.core import clock
from tuntas.core import codes as tracking
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Membership, Organisation, Region, User

SEED = 6302
DAYS_OF_HISTORY = 150


class DemoRefused(Exception):
    """Demo accounts share a published password: they are only created when settings.DEMO is on."""


@dataclass(frozen=True)
class AccountRow:
    username: str
    full_name: str
    memberships: str
    note: str = ""


@dataclass(frozen=True)
class Sample:
    label: str
    tracking_code: str
    secret: str


@dataclass
class DemoResult:
    already_loaded: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    complaints: int = 0


# -- what is loaded ------------------------------------------------------------------------------------
def demo_is_loaded() -> bool:
    """The story has run: some unit of the demo directory has received complaints."""
    desks = [k.KOORDINATOR, k.OMBUDSMAN, *(o.slug for o in k.OPD if o.accepts_complaints)]
    return Complaint.objects.filter(
        Q(intake_organisation__slug__in=desks) | Q(intake_organisation__parent__parent__slug=k.PEMKAB)
    ).exists()


def base_load() -> dict[str, int]:
    """Regions of Kalimantan Selatan, national holidays around today, and the shipped SOPs."""
    from tuntas.core.holidays_sync import holidays_sync  # the holiday packages take a while to import
    from tuntas.directory.regions import load_regions
    from tuntas.workflows.registry import sync_workflow_files

    created, _updated = load_regions([k.REGION_PROVINCE])
    result = holidays_sync()
    definitions = sync_workflow_files()
    return {"regions": created, "holidays": result.created, "sops": len(definitions)}


# -- directory -----------------------------------------------------------------------------------------
def _kinds() -> None:
    from tuntas.directory.kinds import ensure_default_kinds
    from tuntas.directory.models import OrganisationKind

    ensure_default_kinds()
    missing = {"pemkab", "koordinator", "opd", "kecamatan", "desa", "kelurahan", "inspektorat"} - set(
        OrganisationKind.objects.values_list("slug", flat=True)
    )
    if missing:
        raise LookupError(f"organisation kinds missing (run migrate): {sorted(missing)}")


@transaction.atomic
def directory_load() -> int:
    """Upsert Pemkab Kotabaru's organisations, the Inspektorat, Ombudsman Kalsel and the categories.

    Returns how many organisations were created. Existing rows keep what an admin changed, except the
    name, kind, parent and region, which the demo owns.
    """
    _kinds()
    regions = {r.code: r for r in Region.objects.filter(code__startswith=k.REGION_KABUPATEN)}
    regions[k.REGION_PROVINCE] = Region.objects.get(code=k.REGION_PROVINCE)
    existing = {o.slug: o for o in Organisation.objects.all()}
    created = 0

    def put(spec: k.Org, *, parent: Organisation | None, region: str, code_prefix: str = "") -> Organisation:
        nonlocal created
        org = existing.get(spec.slug)
        if org is None:
            org = Organisation.objects.create(
                slug=spec.slug,
                name=spec.name,
                short_name=spec.short_name,
                kind_id=spec.kind,
                parent=parent,
                region=regions[region],
                code_prefix=code_prefix,
                accepts_complaints=spec.accepts_complaints,
            )
            existing[spec.slug] = org
            created += 1
        return org

    pemkab = put(k.PEMKAB_ORG, parent=None, region=k.REGION_KABUPATEN, code_prefix=k.CODE_PREFIX)
    put(k.KOORDINATOR_ORG, parent=pemkab, region=k.REGION_KABUPATEN)
    put(k.INSPEKTORAT_ORG, parent=pemkab, region=k.REGION_KABUPATEN)
    put(k.OMBUDSMAN_ORG, parent=None, region=k.REGION_PROVINCE, code_prefix=k.OMBUDSMAN_PREFIX)
    for spec in k.OPD:
        put(spec, parent=pemkab, region=k.REGION_KABUPATEN)

    kecamatan = sorted((r for r in regions.values() if r.level == 3), key=lambda r: r.code)
    kecamatan_org = {}
    for r in kecamatan:
        spec = k.Org(k.kecamatan_slug(r.name), f"Kecamatan {r.name}", r.name, kind="kecamatan")
        kecamatan_org[r.code] = put(spec, parent=pemkab, region=r.code)
    villages = sorted((r for r in regions.values() if r.level == 4), key=lambda r: r.code)
    names = Counter(r.name for r in villages)
    new = []
    for r in villages:
        kind = "kelurahan" if r.kind == "kelurahan" else "desa"
        slug, name = (
            k.desa_slug(r.name, kind),
            ("Kelurahan " if kind == "kelurahan" else "Pemerintah Desa ") + r.name,
        )
        if names[r.name] > 1:  # the same village name in two kecamatan
            kec = regions[r.parent_id].name
            slug, name = f"{slug}-{k.kecamatan_slug(kec).removeprefix('kecamatan-')}", f"{name} (Kec. {kec})"
        if slug in existing:
            continue
        new.append(
            Organisation(
                slug=slug,
                name=name,
                short_name=r.name,
                kind_id=kind,
                parent=kecamatan_org[r.parent_id],
                region=r,
                accepts_complaints=r.parent_id == k.DESA_DESK_KECAMATAN,
            )
        )
    Organisation.objects.bulk_create(new)
    created += len(new)

    for i, c in enumerate(k.CATEGORIES):
        Category.objects.update_or_create(
            slug=c.slug,
            defaults={
                "name": c.name,
                "name_en": c.name_en,
                "tier_days": c.tier_days,
                "default_organisation": existing.get(c.handler),
                "sort": (i + 1) * 10,
            },
        )
    return created


# -- accounts ------------------------------------------------------------------------------------------
def _operator_accounts() -> list[k.Account]:
    desks = Organisation.objects.filter(
        region__parent_id=k.DESA_DESK_KECAMATAN, kind_id__in=("desa", "kelurahan")
    ).order_by("region_id")
    accounts = [
        k.Account(k.operator_username(o.short_name), f"Operator {o.short_name}", o.slug, ("petugas",))
        for o in desks
    ]
    kecamatan = {o.region_id: o for o in Organisation.objects.filter(kind_id="kecamatan")}
    for code, username in k.KECAMATAN_STAFF.items():
        if code in kecamatan:
            org = kecamatan[code]
            accounts.append(k.Account(username, f"Petugas {org.name}", org.slug, ("petugas", "pimpinan")))
    return accounts


def all_accounts() -> list[k.Account]:
    return [*k.ACCOUNTS, *_operator_accounts()]


@transaction.atomic
def accounts_create() -> int:
    """Create the demo staff (one shared, published password) and the superuser; refused unless DEMO."""
    if not settings.DEMO:
        raise DemoRefused(
            "TUNTAS_DEMO is off: demo accounts with a published password are not created. "
            "Set TUNTAS_DEMO=1 for a demo, or create real accounts with manage.py createsuperuser."
        )
    password = make_password(k.DEMO_PASSWORD)  # hashed once: PBKDF2 per user would cost seconds
    accounts = all_accounts()
    wanted = {a.username for a in accounts} | {k.SUPERUSER}
    users = {u.username: u for u in User.objects.filter(username__in=wanted)}
    created = 0
    if k.SUPERUSER not in users:
        User.objects.create(
            username=k.SUPERUSER,
            full_name="Administrator Tuntas",
            password=password,
            is_staff=True,
            is_superuser=True,
        )
        created += 1
    orgs = {
        o.slug: o for o in Organisation.objects.filter(slug__in={a.org for a in accounts} | {k.OMBUDSMAN})
    }
    for a in accounts:
        user = users.get(a.username)
        if user is None:
            user = users[a.username] = User.objects.create(
                username=a.username, full_name=a.full_name, password=password
            )
            created += 1
        pairs = [(a.org, role) for role in a.roles] + list(a.extra)
        for slug, role in pairs:
            Membership.objects.get_or_create(user=user, organisation=orgs[slug], role=role)
    return created


def accounts_list() -> list[AccountRow]:
    """The demo accounts that exist, with their roles, in the order they are documented."""
    accounts = all_accounts()
    notes = {a.username: a.note for a in accounts}
    order = [k.SUPERUSER, *(a.username for a in accounts)]
    users = {u.username: u for u in User.objects.filter(username__in=order)}
    held: dict[int, list[str]] = {}
    for m in Membership.objects.filter(user__in=users.values(), is_active=True).select_related(
        "organisation"
    ):
        label = m.organisation.short_name or m.organisation.name
        held.setdefault(m.user_id, []).append(f"{m.role} @ {label}")
    rows = []
    for username in order:
        user = users.get(username)
        if user is None:
            continue
        memberships = "superuser (admin Django)" if user.is_superuser else ", ".join(held.get(user.pk, []))
        rows.append(AccountRow(username, user.full_name, memberships, notes.get(username, "")))
    return rows


# -- the story -----------------------------------------------------------------------------------------
def complaints_load(*, count: int = 200, seed: int = SEED, end: dt.datetime | None = None) -> int:
    """Play ``count`` complaints over the last ~5 months up to ``end`` (default now); returns how many."""
    from tuntas.core.calendars import calendar_for
    from tuntas.demo.cast import Cast
    from tuntas.demo.plan import Planner
    from tuntas.demo.story import Case, simulate, timezone

    tz = timezone()
    end = end or clock.now()
    start = end - dt.timedelta(days=DAYS_OF_HISTORY)
    cast = Cast.load(
        tz=tz, kabupaten=k.REGION_KABUPATEN, org_slugs=[k.KOORDINATOR, k.INSPEKTORAT, k.OMBUDSMAN]
    )
    planner = Planner(cast, seed=seed, start=start, end=end)
    calendar = calendar_for(k.REGION_KABUPATEN)
    cases = [
        Case(i, planner.plan(i), cast, calendar, random.Random(f"{seed}:story:{i}")) for i in range(count)
    ]
    cases.sort(key=lambda c: c.plan.submitted_at)
    with transaction.atomic():
        simulate(cases, start=start, end=end, tz=tz)
    return sum(1 for c in cases if c.complaint_id)


def samples(*, seed: int = SEED, limit: int = 3) -> list[Sample]:
    """A few demo complaints with their tracking secrets, recomputed from the seed (secrets are stored hashed)."""
    count = min(Complaint.objects.count(), 2000)
    candidates: dict[str, str] = {}
    for i in range(count):
        choice = random.Random(f"{seed}:code:{i}").choice
        secret = tracking.tracking_secret(choice)
        body = tracking.tracking_code("X", choice).split("-", 1)[1]
        for prefix in (k.CODE_PREFIX, k.OMBUDSMAN_PREFIX):
            candidates[f"{prefix}-{body}"] = secret
    # Secrets are checked only for the few picked (hashing is deliberately slow).
    found = {
        c.tracking_code: c
        for c in Complaint.objects.filter(tracking_code__in=list(candidates)).order_by("-submitted_at")
    }
    waiting = set(
        Handling.objects.filter(
            complaint__tracking_code__in=list(found),
            is_open=True,
            state__in=("dijawab", "menunggu_klarifikasi"),
        ).values_list("complaint__tracking_code", flat=True)
    )
    picks: list[Sample] = []

    def first(label: str, test) -> None:  # noqa: ANN001
        for code, c in found.items():
            fresh = all(s.tracking_code != code for s in picks)
            if fresh and test(code, c) and tracking.secret_matches(candidates[code], c.secret_hash):
                picks.append(Sample(label, code, candidates[code]))
                return

    first("menunggu tanggapan Anda", lambda code, c: code in waiting)
    first("selesai, dapat dinilai", lambda code, c: c.status == Complaint.Status.CLOSED and c.rating is None)
    first("sedang diproses", lambda code, c: c.status == Complaint.Status.OPEN and code not in waiting)
    return picks[:limit]


def counts() -> dict[str, Counter]:
    """Complaints by status and open handlings by SOP state, for the loader's summary."""
    by_status = Counter(Complaint.objects.values_list("status", flat=True))
    open_states = Counter(
        f"{slug}:{state}"
        for slug, state in Handling.objects.filter(is_open=True).values_list("workflow__slug", "state")
    )
    today = clock.today()
    overdue = Handling.objects.filter(is_open=True, due_date__lt=today).count()
    soon = Handling.objects.filter(
        is_open=True, due_date__gte=today, due_date__lte=today + dt.timedelta(days=3)
    ).count()
    return {
        "status": by_status,
        "open": open_states,
        "sla": Counter({"lewat tenggat": overdue, "tenggat ≤3 hari": soon}),
    }


def demo_load(
    *, count: int = 200, seed: int = SEED, structure_only: bool = False, programmes: bool = True
) -> DemoResult:
    """Everything ``load_demo`` does, in order; a loaded demo is detected and left as it is."""
    result = DemoResult()
    if not structure_only and not settings.DEMO:
        raise DemoRefused("TUNTAS_DEMO is off: the demo (accounts with a published password) is refused.")
    if demo_is_loaded():
        result.already_loaded = True
        return result

    def timed(name: str, fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        t0 = walltime.perf_counter()
        value = fn(*args, **kwargs)
        result.timings[name] = walltime.perf_counter() - t0
        return value

    timed("wilayah, hari libur, SOP", base_load)
    timed("organisasi dan kategori", directory_load)
    if structure_only:
        return result
    timed("akun demo", accounts_create)
    from tuntas.demo.profiles import profiles_load

    timed("profil unit", profiles_load)
    from tuntas.demo.standards import load_standards_demo

    timed("standar pelayanan", load_standards_demo)
    if count:
        result.complaints = timed("pengaduan", complaints_load, count=count, seed=seed)
    for label, loader in _programme_loaders() if programmes else ():
        timed(label, loader)
    return result


def _programme_loaders() -> list[tuple[str, object]]:
    """The programmes' demos (``demo/<app>.py``), after the story (surveys answer closed complaints,
    cooperation compares complaints before and after training); each is idempotent."""
    from tuntas.demo.clarifications import load_clarifications_demo
    from tuntas.demo.compliance import load_compliance_demo
    from tuntas.demo.cooperation import load_cooperation_demo
    from tuntas.demo.interop import load_interop_demo
    from tuntas.demo.notify import load_notify_demo
    from tuntas.demo.surveys import load_surveys_demo
    from tuntas.demo.villages import load_villages_demo

    return [
        ("templat pesan", load_notify_demo),
        ("permintaan klarifikasi", load_clarifications_demo),
        ("survei kepuasan", load_surveys_demo),
        ("penilaian kepatuhan", load_compliance_demo),
        ("desa anti-maladministrasi", load_villages_demo),
        ("kerja sama dan pelatihan", load_cooperation_demo),
        ("kunci Open311 demo", load_interop_demo),
    ]
