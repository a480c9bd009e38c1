"""Which organisations' handlings a viewer's figures count (reads only).

Aggregates carry no identity, so the scope is wider than the inbox:
- a member of a unit counts that unit and the units under it (an OPD its own, a kecamatan its desa, the
  Pemkab every unit it is the parent of);
- a member of a coordinator or an oversight body (Inspektorat, Ombudsman Perwakilan) counts every organisation
  in that body's region: the coordinator and the Inspektorat their regency, the Ombudsman Perwakilan every
  regency of its province;
- a superuser counts everything (``None``).
Which of those figures may be listed (the drill-down to the inbox) is the inbox's own rule
(``complaints.access.visible_handlings``): ``Scope.listable``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from tuntas.directory.access import memberships_of, organisation_ids_of
from tuntas.directory.models import Organisation, User


@dataclass(frozen=True)
class Scope:
    organisation_ids: frozenset[int] | None  # None: every organisation
    own_ids: frozenset[int] | None  # the viewer's inbox organisations; None: every one (superuser)

    @property
    def is_empty(self) -> bool:
        return self.organisation_ids is not None and not self.organisation_ids

    def listable(self, organisation_id: int | None) -> bool:
        """Whether the inbox lists exactly the handlings of this figure: the figure is about one of the
        viewer's own organisations, or (no organisation) every organisation in scope is their own."""
        if self.own_ids is None:
            return True
        if organisation_id is not None:
            return organisation_id in self.own_ids
        return self.organisation_ids is not None and self.organisation_ids <= self.own_ids


def scope_for(user: User) -> Scope:
    """The organisations whose figures ``user`` may see; two queries."""
    if user.is_superuser:
        return Scope(None, None)
    own = frozenset(organisation_ids_of(user))
    if not own:
        return Scope(frozenset(), frozenset())
    wide = (
        memberships_of(user)
        .filter(
            Q(organisation__kind__oversight_rank__gt=0) | Q(organisation__kind__is_complaint_coordinator=True)
        )
        .exclude(organisation__region__isnull=True)
        .values_list("organisation__region_id", flat=True)
    )
    regions = set(wide)
    rows = list(Organisation.objects.values_list("id", "parent_id", "region_id"))
    children: dict[int, list[int]] = {}
    for pk, parent, _region in rows:
        if parent is not None:
            children.setdefault(parent, []).append(pk)
    ids: set[int] = set()
    stack = list(own)
    while stack:  # each unit and every unit under it
        pk = stack.pop()
        if pk not in ids:
            ids.add(pk)
            stack.extend(children.get(pk, ()))
    for pk, _parent, region in rows:
        if region and any(region == r or region.startswith(r + ".") for r in regions):
            ids.add(pk)
    return Scope(frozenset(ids), own)
