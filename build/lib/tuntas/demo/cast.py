"""Who plays which part in the demo story: the organisations by slug and their members by role."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from tuntas.directory.models import Membership, Organisation, Region, User

# Who acts first when several of an organisation's members may take a step: the working officer, then the
# head (the SOP lets the head decide what only the head may decide).
PREFERENCE = ("petugas", "auditor", "koordinator", "focal_point", "pimpinan", "admin")


@dataclass
class Cast:
    orgs: dict[str, Organisation]
    members: dict[int, dict[str, User]]
    tz: ZoneInfo
    places: list[Region] = field(default_factory=list)  # desa and kelurahan of the kabupaten
    kecamatan: dict[str, Region] = field(default_factory=dict)  # code -> kecamatan region
    desa_orgs: dict[str, Organisation] = field(default_factory=dict)  # region code -> village org with a desk
    kecamatan_orgs: dict[str, Organisation] = field(default_factory=dict)  # region code -> kecamatan org

    @classmethod
    def load(cls, *, tz: ZoneInfo, kabupaten: str, org_slugs: Iterable[str]) -> Cast:
        orgs = {
            o.slug: o for o in Organisation.objects.filter(slug__in=list(org_slugs)).select_related("kind")
        }
        members: dict[int, dict[str, User]] = {}
        rows = (
            Membership.objects.filter(is_active=True, user__is_active=True)
            .select_related("user", "organisation")
            .order_by("id")
        )
        for m in rows:
            members.setdefault(m.organisation_id, {}).setdefault(m.role, m.user)
            orgs.setdefault(m.organisation.slug, m.organisation)
        regions = list(Region.objects.filter(code__startswith=kabupaten + ".").order_by("code"))
        cast = cls(orgs=orgs, members=members, tz=tz)
        cast.places = [r for r in regions if r.level == 4]
        cast.kecamatan = {r.code: r for r in regions if r.level == 3}
        for org in Organisation.objects.filter(region__code__startswith=kabupaten + ".").select_related(
            "kind"
        ):
            if org.kind_id in ("desa", "kelurahan") and org.pk in members and org.accepts_complaints:
                cast.desa_orgs[org.region_id] = org
                cast.orgs[org.slug] = org
            elif org.kind_id == "kecamatan":
                cast.kecamatan_orgs[org.region_id] = org
                cast.orgs[org.slug] = org
        return cast

    def actor(self, organisation_id: int, roles: Iterable[str]) -> User:
        """A member of the organisation holding one of ``roles`` (the SOP's roles for the step)."""
        held = self.members.get(organisation_id, {})
        allowed = set(roles)
        for role in PREFERENCE:
            if role in allowed and role in held:
                return held[role]
        raise LookupError(f"no demo member of organisation {organisation_id} holds any of {sorted(allowed)}")

    def has_staff(self, slug: str) -> bool:
        org = self.orgs.get(slug)
        return org is not None and org.pk in self.members
