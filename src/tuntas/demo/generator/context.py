"""What the generator needs from the database, read once: the regency's places, organisations, members,
categories, SOPs and calendars. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings

from tuntas.complaints.models import Category
from tuntas.complaints.routing import covers
from tuntas.complaints.transfers import RETURN_REASON
from tuntas.core.calendar import WorkingCalendar
from tuntas.core.calendars import _prefixes, calendar_for
from tuntas.core.models import Holiday
from tuntas.directory.models import Membership, Organisation, Region, User
from tuntas.workflows.engine import PSEUDO_ROLES, TransitionSpec, Workflow
from tuntas.workflows.models import WorkflowDefinition
from tuntas.workflows.registry import workflow_of

# Who acts first when several members may take a step (as in the demo's cast): the officer, then the head.
PREFERENCE = ("petugas", "auditor", "koordinator", "focal_point", "pimpinan", "admin")
REQUIREMENTS = (
    "Generator memerlukan wilayah, organisasi dan SOP yang sudah dimuat: jalankan dulu "
    "`manage.py load_demo --no-programmes` (atau `load_demo --structure-only` untuk struktur tanpa akun "
    "petugas), atau siapkan wilayah (load_regions), SOP (load_workflows), koordinator pengaduan dan OPD "
    "dengan wilayahnya."
)


class GeneratorError(Exception):
    """The database lacks what the generator needs; the message says what to load first."""


@dataclass
class Place:
    region: Region
    kecamatan: Region
    neighbours: list[str]


@dataclass
class Context:
    regency: Region
    tz: ZoneInfo
    places: list[Place]
    orgs: dict[int, Organisation]
    by_slug: dict[str, Organisation]
    by_kind: dict[str, list[Organisation]]
    coordinator: Organisation
    inspektorat: Organisation | None
    ombudsman: Organisation | None
    categories: dict[str, Category]
    definitions: dict[str, WorkflowDefinition]
    workflows: dict[str, Workflow]
    members: dict[int, dict[str, list[User]]]
    user_names: dict[int, str]
    village_org: dict[str, Organisation] = field(default_factory=dict)  # region code -> desa/kelurahan org
    kecamatan_org: dict[str, Organisation] = field(default_factory=dict)  # region code -> kecamatan org
    services: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # org id -> (service id, name)
    _calendars: dict[str, WorkingCalendar] = field(default_factory=dict)
    _prefixes: dict[int, str] = field(default_factory=dict)

    _slugs: dict[int, str] = field(default_factory=dict)
    _steps: dict[tuple[int, str, str], list] = field(default_factory=dict)
    _candidates: dict[tuple, list[Organisation]] = field(default_factory=dict)
    _kinds: dict[int, tuple[str, ...]] = field(default_factory=dict)  # id(TransitionSpec) -> kinds

    def workflow_slug(self, org: Organisation) -> str:
        slug = self._slugs.get(org.id)
        if slug is None:
            slug = self._slugs[org.id] = org.workflow or org.kind.default_workflow
        return slug

    def has_sop(self, org: Organisation) -> bool:
        return self.workflow_slug(org) in self.definitions

    def sop(self, org: Organisation) -> tuple[WorkflowDefinition, Workflow]:
        slug = self.workflow_slug(org)
        return self.definitions[slug], self.workflows[slug]

    def steps(self, org: Organisation, wf: Workflow, state: str) -> list:
        """(transition, actor, moves) for the staff transitions out of ``state`` that a member of ``org``
        may take. None for a unit without members: a service needs a staff user, so complaints sent there
        wait (as they would for a unit nobody has an account at)."""
        key = (org.id, wf.slug, state)
        found = self._steps.get(key)
        if found is None:
            found = []
            for spec in wf.transitions.values():
                if state not in spec.sources or spec.roles & PSEUDO_ROLES:
                    continue
                actor = self.actor(org.id, spec.roles)
                if actor is None:
                    continue
                moving = spec.effect == "dispose" or spec.closure_reason == RETURN_REASON
                found.append((spec, actor, moving))
            self._steps[key] = found
        return found

    def target_kinds(self, spec: TransitionSpec) -> tuple[str, ...]:
        """The organisation kinds a disposal's ``target`` field accepts (cached: asked at every step)."""
        kinds = self._kinds.get(id(spec))
        if kinds is None:
            target = spec.field("target")
            kinds = self._kinds[id(spec)] = target.kinds if target is not None and target.kinds else ("opd",)
        return kinds

    def candidates(self, kinds: tuple[str, ...], place: Place) -> list[Organisation]:
        """Organisations of ``kinds`` (with their SOP) a disposal about ``place`` may reach: its village, its
        kecamatan, the Inspektorat, every OPD."""
        key = (kinds, place.region.code)
        found = self._candidates.get(key)
        if found is None:
            found = []
            for kind in kinds:
                if kind in ("desa", "kelurahan"):
                    org = self.village_org.get(place.region.code)
                    found += [org] if org is not None and org.kind_id == kind else []
                elif kind == "kecamatan":
                    found.append(self.kecamatan_org.get(place.kecamatan.code))
                elif kind == "inspektorat":
                    found.append(self.inspektorat)
                else:
                    found.extend(self.by_kind.get(kind, ()))
            found = self._candidates[key] = [o for o in found if o is not None and self.has_sop(o)]
        return found

    def calendar(self, region_code: str | None) -> WorkingCalendar:
        key = region_code or ""
        cal = self._calendars.get(key)
        if cal is None:
            cal = self._calendars[key] = calendar_for(key)
        return cal

    def prefix(self, org: Organisation) -> str:
        """``routing.code_prefix_for`` without a query per complaint."""
        found = self._prefixes.get(org.id)
        if found is None:
            node, found = org, ""
            while node is not None and not found:
                found = node.code_prefix
                node = self.orgs.get(node.parent_id) if node.parent_id else None
            found = self._prefixes[org.id] = found or settings.TUNTAS_DEFAULT_CODE_PREFIX
        return found

    def actor(self, org_id: int, roles: frozenset[str]) -> User | None:
        """A member holding one of ``roles``; None when the organisation has no member with one."""
        held = self.members.get(org_id, {})
        for role in PREFERENCE:
            if role in roles and held.get(role):
                return held[role][0]
        return None

    def staffed(self, org_id: int) -> bool:
        return bool(self.members.get(org_id))


def _calendars_preload(ctx: Context) -> None:
    """Every calendar the walk can ask for, read now: the walk runs in a thread that must not query."""
    days = list(Holiday.objects.values_list("region_code", "date"))
    for code in {ctx.regency.code, "", *(o.region_id or "" for o in ctx.orgs.values())}:
        prefixes = set(_prefixes(code))
        ctx._calendars[code] = WorkingCalendar(holidays=frozenset(d for r, d in days if r in prefixes))


def _default_regency() -> Region:
    for org in Organisation.objects.filter(
        kind__is_complaint_coordinator=True, is_active=True
    ).select_related("region"):
        if org.region is not None and org.region.level == 2:
            return org.region
    raise GeneratorError("Tidak ada koordinator pengaduan dengan wilayah kabupaten/kota. " + REQUIREMENTS)


def context_load(regency_code: str | None = None) -> Context:
    """Read the regency and its directory; GeneratorError, naming what is missing, when it cannot work."""
    if regency_code:
        regency = Region.objects.filter(code=regency_code).first()
        if regency is None or regency.level != 2:
            raise GeneratorError(f"Wilayah kabupaten/kota {regency_code!r} tidak ada. " + REQUIREMENTS)
    else:
        regency = _default_regency()
    definitions = {
        d.slug: d for d in WorkflowDefinition.objects.filter(is_active=True).order_by("slug", "-version")
    }
    if not definitions:
        raise GeneratorError("Belum ada SOP. " + REQUIREMENTS)
    workflows = {slug: workflow_of(d) for slug, d in definitions.items()}
    regions = list(Region.objects.filter(code__startswith=regency.code + ".").order_by("code"))
    kecamatan = {r.code: r for r in regions if r.level == 3}
    villages = [r for r in regions if r.level == 4 and r.parent_id in kecamatan]
    if not villages:
        raise GeneratorError(f"Wilayah {regency.name} belum memiliki desa/kelurahan. " + REQUIREMENTS)
    by_kecamatan: dict[str, list[str]] = {}
    for r in villages:
        by_kecamatan.setdefault(r.parent_id, []).append(r.name)
    places = [
        Place(r, kecamatan[r.parent_id], [n for n in by_kecamatan[r.parent_id] if n != r.name] or [r.name])
        for r in villages
    ]
    orgs = {
        o.pk: o
        for o in Organisation.objects.filter(is_active=True).select_related("kind").order_by("id")
        if o.region_id is None
        or covers(o, regency.code)
        or o.region_id.startswith(regency.code + ".")
        or regency.code.startswith(o.region_id + ".")
    }
    by_kind: dict[str, list[Organisation]] = {}
    for o in orgs.values():
        by_kind.setdefault(o.kind_id, []).append(o)

    def most_local(role: str) -> Organisation | None:
        # The kind's role as data (directory.OrganisationKind), as routing reads it.
        found = [
            o for o in orgs.values() if getattr(o.kind, role) and o.region_id and covers(o, regency.code)
        ]
        return max(found, key=lambda o: (len(o.region_id), -o.pk)) if found else None

    coordinator = most_local("is_complaint_coordinator")
    if coordinator is None:
        raise GeneratorError(f"Tidak ada koordinator pengaduan untuk {regency.name}. " + REQUIREMENTS)
    members: dict[int, dict[str, list[User]]] = {}
    names: dict[int, str] = {}
    for m in (
        Membership.objects.filter(is_active=True, user__is_active=True, organisation_id__in=list(orgs))
        .select_related("user")
        .order_by("id")
    ):
        members.setdefault(m.organisation_id, {}).setdefault(m.role, []).append(m.user)
        names[m.user_id] = str(m.user)
    ctx = Context(
        regency=regency,
        tz=ZoneInfo(settings.TIME_ZONE),
        places=places,
        orgs=orgs,
        by_slug={o.slug: o for o in orgs.values()},
        by_kind=by_kind,
        coordinator=coordinator,
        inspektorat=most_local("is_internal_oversight"),
        ombudsman=most_local("is_external_oversight"),
        categories={c.slug: c for c in Category.objects.filter(is_active=True).order_by("sort", "id")},
        definitions=definitions,
        workflows=workflows,
        members=members,
        user_names=names,
    )
    if not ctx.has_sop(coordinator):
        raise GeneratorError(
            f"SOP {ctx.workflow_slug(coordinator)!r} koordinator belum dimuat. " + REQUIREMENTS
        )
    if not [o for o in by_kind.get("opd", ()) if ctx.has_sop(o)]:
        raise GeneratorError(f"Tidak ada OPD dengan SOP untuk {regency.name}. " + REQUIREMENTS)
    for o in orgs.values():
        if o.kind_id in ("desa", "kelurahan") and o.region_id:
            ctx.village_org[o.region_id] = o
        elif o.kind_id == "kecamatan" and o.region_id:
            ctx.kecamatan_org[o.region_id] = o
    _calendars_preload(ctx)
    from tuntas.standards.models import Service

    for s in Service.objects.filter(is_active=True, organisation_id__in=list(orgs)).order_by("id"):
        ctx.services.setdefault(s.organisation_id, []).append((s.pk, s.name))
    return ctx
