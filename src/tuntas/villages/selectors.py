"""Reads of the Desa Anti-Maladministrasi programme: a regency's villages from the region data, the dashboard
(villages by stage and kecamatan), a village's page, the public list of designated villages, and the status the
organisation pages show for a desa."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tuntas.core.errors import NotFound
from tuntas.directory.access import organisation_ids_of
from tuntas.directory.models import Organisation, OrganisationKind, Region, User
from tuntas.villages import access
from tuntas.villages.models import Participation, Programme, Stage, StageChange

# The order stages are shown in (table columns, legend, counts).
STAGE_ORDER = [
    Stage.BELUM_KOMITMEN,
    Stage.KOMITMEN,
    Stage.PENGISIAN,
    Stage.DIKEMBALIKAN,
    Stage.VERIFIKASI_PEMKAB,
    Stage.VERIFIKASI_OMBUDSMAN,
    Stage.LULUS,
    Stage.DITETAPKAN,
]


def programme_villages(programme: Programme) -> QuerySet[Organisation]:
    """The desa (and kelurahan, when the programme includes them) organisations whose region lies in the
    programme's regency, from the region data rather than the organisation tree."""
    kinds = [OrganisationKind.Village.DESA]
    if programme.include_kelurahan:
        kinds.append(OrganisationKind.Village.KELURAHAN)
    code = programme.pemkab.region_id
    return Organisation.objects.filter(
        kind__village_type__in=kinds, is_active=True, region__code__startswith=f"{code}.", region__level=4
    ).order_by("region_id")


# --- the organisation pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class VillageStatus:
    stage: str
    label: str
    designated_on: dt.date | None
    programme: str
    programme_slug: str

    @property
    def is_designated(self) -> bool:
        return self.stage == Stage.DITETAPKAN


def village_status(organisation: Organisation) -> VillageStatus | None:
    """A desa's stage in its (most recent public) programme, or None when it takes part in none."""
    p = (
        Participation.objects.filter(village=organisation, programme__is_public=True)
        .select_related("programme")
        .order_by("-programme__year", "-pk")
        .first()
    )
    if p is None:
        return None
    return VillageStatus(p.stage, Stage(p.stage).label, p.designated_on, p.programme.name, p.programme.slug)


# --- console ------------------------------------------------------------------------------------------------


def staff_programme(user: User, programme_id: int) -> Programme:
    programme = (
        Programme.objects.filter(pk=programme_id).select_related("pemkab__region", "ombudsman").first()
    )
    if programme is None or not access.sees_programme(user, programme):
        raise NotFound(_("Program tidak ditemukan."))
    return programme


def staff_participation(user: User, participation_id: int) -> Participation:
    p = (
        Participation.objects.filter(pk=participation_id)
        .select_related("programme__pemkab__region", "programme__ombudsman", "village__region__parent")
        .first()
    )
    if p is None or not access.sees_participation(user, p):
        raise NotFound(_("Desa peserta tidak ditemukan."))
    return p


def history_of(participation: Participation) -> QuerySet[StageChange]:
    return participation.history.select_related("actor", "assessment__round").order_by("at", "pk")


# Summary columns of a kecamatan: "assessed" once an assessment went to verification (a return counts: it was
# assessed), "verified" once it passed both levels.
ASSESSED_STAGES = frozenset(
    {
        Stage.VERIFIKASI_PEMKAB,
        Stage.DIKEMBALIKAN,
        Stage.VERIFIKASI_OMBUDSMAN,
        Stage.LULUS,
        Stage.DITETAPKAN,
    }
)
VERIFIED_STAGES = frozenset({Stage.LULUS, Stage.DITETAPKAN})


@dataclass
class KecamatanBlock:
    region: Region
    participations: list[Participation] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(p.stage for p in self.participations)

    @property
    def villages(self) -> int:
        return len(self.participations)

    @property
    def assessed(self) -> int:
        return sum(1 for p in self.participations if p.stage in ASSESSED_STAGES)

    @property
    def verified(self) -> int:
        return sum(1 for p in self.participations if p.stage in VERIFIED_STAGES)

    @property
    def designated(self) -> int:
        return self.counts[Stage.DITETAPKAN]


@dataclass
class KecamatanGroup:
    """The rows of one kecamatan on a page of the list; ``block`` holds the kecamatan's totals."""

    block: KecamatanBlock
    rows: list[Participation]

    @property
    def is_partial(self) -> bool:
        return len(self.rows) < self.block.villages


@dataclass
class Dashboard:
    programme: Programme
    blocks: list[KecamatanBlock]  # every kecamatan, for the schematic map and the filter
    rows: list[Participation]  # the list, after the filters, kecamatan by kecamatan
    counts: list[tuple[str, str, int]]  # (stage, label, villages) over the whole programme
    total: int


def dashboard(programme: Programme, *, kecamatan: str = "", stage: str = "") -> Dashboard:
    """The programme's villages grouped by kecamatan (for the map), the filtered list, and counts per stage.
    One query whatever the number of villages; the list is ordered by kecamatan name, then region code, so
    that a page of it splits into few kecamatan groups (``group_by_kecamatan``)."""
    participations = list(
        programme.participations.select_related("village__region__parent").order_by("village__region_id")
    )
    blocks: dict[str, KecamatanBlock] = {}
    for p in participations:
        kec = p.village.region.parent
        blocks.setdefault(kec.code, KecamatanBlock(kec)).participations.append(p)
    ordered = sorted(blocks.values(), key=lambda b: (b.region.name, b.region.code))
    by_stage = Counter(p.stage for p in participations)
    rows = [
        p
        for b in ordered
        if not kecamatan or b.region.code == kecamatan
        for p in b.participations
        if not stage or p.stage == stage
    ]
    counts = [(s.value, s.label, by_stage[s.value]) for s in STAGE_ORDER]
    return Dashboard(programme, ordered, rows, counts, len(participations))


def group_by_kecamatan(board: Dashboard, rows: list[Participation]) -> list[KecamatanGroup]:
    """Split consecutive rows of ``board.rows`` (a page of them) into their kecamatan, in order."""
    blocks = {b.region.code: b for b in board.blocks}
    groups: list[KecamatanGroup] = []
    for p in rows:
        code = p.village.region.parent_id
        if not groups or groups[-1].block.region.code != code:
            groups.append(KecamatanGroup(blocks[code], []))
        groups[-1].rows.append(p)
    return groups


# --- the console's prevention hub ---------------------------------------------------------------------------


def uses_console(user: User) -> bool:
    """Whether the console's DAM pages have anything for the user: a programme they see (Pemkab, verifier,
    Ombudsman) or a village of theirs taking part. The index refuses the others, and the prevention hub
    hides its card."""
    return access.visible_programmes(user).exists() or access.my_participations(user).exists()


@dataclass(frozen=True)
class VillageWork:
    to_verify: int  # villages waiting for a verification level the user decides
    to_designate: int  # villages that passed both levels, for a designator
    mine: list[Participation]  # the user's own villages, with their stage


def village_work(user: User) -> VillageWork:
    """What waits for the user across the programmes they see: one query for the programmes, a few for
    the roles in each, one count per kind of step."""
    verify_1, verify_2, designate = [], [], []
    for programme in access.visible_programmes(user):
        if access.is_pemkab_verifier(user, programme):
            verify_1.append(programme.pk)
        if access.is_ombudsman_verifier(user, programme):
            verify_2.append(programme.pk)
        if access.is_designator(user, programme):
            designate.append(programme.pk)
    waiting = Participation.objects.exclude(village_id__in=list(organisation_ids_of(user)))
    to_verify = (
        waiting.filter(programme_id__in=verify_1, stage=Stage.VERIFIKASI_PEMKAB).count()
        + waiting.filter(programme_id__in=verify_2, stage=Stage.VERIFIKASI_OMBUDSMAN).count()
        if verify_1 or verify_2
        else 0
    )
    to_designate = waiting.filter(programme_id__in=designate, stage=Stage.LULUS).count() if designate else 0
    mine = list(access.my_participations(user).select_related("village", "programme"))
    return VillageWork(to_verify, to_designate, mine)


# --- portal -------------------------------------------------------------------------------------------------


def public_programmes() -> QuerySet[Programme]:
    return Programme.objects.filter(is_public=True).select_related("pemkab__region", "ombudsman")


def public_programme(slug: str) -> Programme:
    programme = public_programmes().filter(slug=slug).first()
    if programme is None:
        raise NotFound(_("Program tidak ditemukan."))
    return programme


def designated(programme: Programme) -> QuerySet[Participation]:
    """Designated villages, the most recent designation first."""
    return (
        programme.participations.filter(stage=Stage.DITETAPKAN)
        .select_related("village__region__parent")
        .order_by("-designated_on", "village__name")
    )


def public_certificate(programme_slug: str, village_slug: str) -> Participation:
    p = (
        designated(public_programme(programme_slug))
        .select_related("programme__pemkab__region", "programme__ombudsman")
        .filter(village__slug=village_slug)
        .first()
    )
    if p is None:
        raise NotFound(_("Sertifikat tidak ditemukan."))
    return p


def stage_counts(programme: Programme) -> list[tuple[str, str, int]]:
    counter = Counter(programme.participations.values_list("stage", flat=True))
    return [(s.value, s.label, counter[s.value]) for s in STAGE_ORDER]
