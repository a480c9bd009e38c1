"""Reads of the service standards registry: what the public sees (published versions, open consultations) and
what staff see (their organisations' services and every version of them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from tuntas.core import clock
from tuntas.core.errors import NotFound
from tuntas.directory.access import organisation_ids_of
from tuntas.directory.models import Organisation, User
from tuntas.standards.catalogue import BIAYA, JANGKA_WAKTU, PROSEDUR
from tuntas.standards.models import Component, ConsultationComment, Service, ServiceStandard

Status = ServiceStandard.Status
LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s+")


# --- public -------------------------------------------------------------------------------------------------


def published_standards() -> QuerySet[ServiceStandard]:
    """The version in force of every active service of an active organisation."""
    return ServiceStandard.objects.filter(
        status=Status.PUBLISHED, service__is_active=True, service__organisation__is_active=True
    ).select_related("service__organisation")


def standards_search(q: str) -> QuerySet[ServiceStandard]:
    """Published standards whose service or organisation name contains every word of ``q``."""
    qs = published_standards()
    for word in (q or "").split()[:8]:
        qs = qs.filter(
            Q(service__name__icontains=word)
            | Q(service__organisation__name__icontains=word)
            | Q(service__organisation__short_name__icontains=word)
        )
    return qs


@dataclass
class OrganisationStandards:
    organisation: Organisation
    standards: list[ServiceStandard] = field(default_factory=list)


def published_by_organisation(q: str = "") -> list[OrganisationStandards]:
    """Published standards grouped by organisation (organisations by name, services by their sort order)."""
    rows = standards_search(q).order_by("service__organisation__name", "service__sort", "service__name")
    groups: dict[int, OrganisationStandards] = {}
    for standard in rows:
        org = standard.service.organisation
        groups.setdefault(org.pk, OrganisationStandards(org)).standards.append(standard)
    return list(groups.values())


def open_consultations() -> QuerySet[ServiceStandard]:
    """Standards whose public consultation runs today, closing soonest first."""
    today = clock.today()
    return (
        ServiceStandard.objects.filter(
            status=Status.KONSULTASI,
            consultation_opens_on__lte=today,
            consultation_closes_on__gte=today,
            service__is_active=True,
            service__organisation__is_active=True,
        )
        .select_related("service__organisation")
        .order_by("consultation_closes_on", "service__name")
    )


def _of_service(org_slug: str, service_slug: str) -> QuerySet[ServiceStandard]:
    return ServiceStandard.objects.filter(
        service__organisation__slug=org_slug,
        service__slug=service_slug,
        service__is_active=True,
        service__organisation__is_active=True,
    ).select_related("service__organisation")


def published_standard(org_slug: str, service_slug: str) -> ServiceStandard:
    standard = _of_service(org_slug, service_slug).filter(status=Status.PUBLISHED).first()
    if standard is None:
        raise NotFound(_("Standar pelayanan tidak ditemukan."))
    return standard


def consultation_standard(org_slug: str, service_slug: str) -> ServiceStandard:
    """The version of a service under public consultation (open, not yet open, or closed but not published)."""
    standard = _of_service(org_slug, service_slug).filter(status=Status.KONSULTASI).first()
    if standard is None:
        raise NotFound(_("Konsultasi publik tidak ditemukan."))
    return standard


def consultation_of(standard: ServiceStandard) -> ServiceStandard | None:
    """A newer version of the same service being put to public consultation, if any."""
    return ServiceStandard.objects.filter(service_id=standard.service_id, status=Status.KONSULTASI).first()


def visible_comments(standard: ServiceStandard) -> QuerySet[ConsultationComment]:
    """Comments the public sees: not hidden by a moderator."""
    return standard.comments.filter(is_hidden=False).select_related("component")


# --- one standard, component by component -------------------------------------------------------------------


@dataclass(frozen=True)
class ComponentText:
    component: Component
    text: str
    value: str = ""  # "14 hari kerja", "Gratis", "Rp 50.000" for the structured components

    @property
    def code(self) -> str:
        return self.component.code

    @property
    def items(self) -> list[str]:
        """The text's non-empty lines without the list markers people type ("1.", "-", "•")."""
        return [LIST_MARKER.sub("", line).strip() for line in self.text.splitlines() if line.strip()]

    @property
    def ordered(self) -> bool:
        """A procedure reads as numbered steps; other lists as bullets."""
        return self.component.code == PROSEDUR


@dataclass(frozen=True)
class StandardView:
    standard: ServiceStandard
    delivery: list[ComponentText]
    management: list[ComponentText]
    time_limit: str
    cost: str

    @property
    def service(self) -> Service:
        return self.standard.service

    @property
    def organisation(self) -> Organisation:
        return self.standard.service.organisation

    @property
    def components(self) -> list[ComponentText]:
        return [*self.delivery, *self.management]


def standard_view(standard: ServiceStandard) -> StandardView:
    """A version with its components in catalogue order, split into the delivery and management groups. Active
    catalogue components without a row show as empty; retired ones show only where this version has a text."""
    texts = {
        row.component_id: row
        for row in standard.components.select_related("component").order_by("component__sort")
    }
    catalogue = {c.pk: c for c in Component.objects.filter(is_active=True)}
    for row in texts.values():
        if row.text.strip():
            catalogue.setdefault(row.component_id, row.component)
    values = {JANGKA_WAKTU: standard.time_limit_label, BIAYA: standard.cost_label}
    delivery, management = [], []
    for component in sorted(catalogue.values(), key=lambda c: (c.sort, c.code)):
        row = texts.get(component.pk)
        item = ComponentText(component, row.text if row else "", values.get(component.code, ""))
        (delivery if component.group == Component.Group.DELIVERY else management).append(item)
    return StandardView(standard, delivery, management, values[JANGKA_WAKTU], values[BIAYA])


# --- staff --------------------------------------------------------------------------------------------------


def staff_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations whose services the user sees in the console: their own; a superuser also every one that
    has services (not the hundreds of villages without any)."""
    mine = Q(pk__in=list(organisation_ids_of(user)))
    if user.is_superuser:
        mine |= Q(pk__in=Service.objects.values("organisation_id"))
    return Organisation.objects.filter(mine, is_active=True).select_related("kind").order_by("name")


def staff_services(user: User, organisation_id: int | None = None) -> QuerySet[Service]:
    """Services of the user's organisations, each with its versions (newest first) prefetched."""
    qs = Service.objects.filter(organisation__in=staff_organisations(user))
    if organisation_id is not None:
        qs = qs.filter(organisation_id=organisation_id)
    versions = ServiceStandard.objects.order_by("-version")
    return (
        qs.select_related("organisation")
        .prefetch_related(Prefetch("standards", queryset=versions))
        .order_by("organisation__name", "sort", "name")
    )


def staff_service(user: User, service_id: int) -> Service:
    service = staff_services(user).filter(pk=service_id).first()
    if service is None:
        raise NotFound(_("Layanan tidak ditemukan."))
    return service


def staff_standard(user: User, standard_id: int) -> ServiceStandard:
    standard = (
        ServiceStandard.objects.filter(pk=standard_id, service__organisation__in=staff_organisations(user))
        .select_related("service__organisation", "created_by", "published_by", "updated_by")
        .first()
    )
    if standard is None:
        raise NotFound(_("Standar pelayanan tidak ditemukan."))
    return standard


def staff_comments(standard: ServiceStandard) -> QuerySet[ConsultationComment]:
    """Every comment, hidden ones included, for the staff who moderate them."""
    return standard.comments.select_related("component")


# --- the console's prevention hub -----------------------------------------------------------------------


def uses_console(user: User) -> bool:
    """Whether the console's standards page has anything for the user: a unit where they may draft, or
    services of their units to read. The page refuses the others, and the prevention hub hides its card."""
    from tuntas.standards.access import drafting_organisations

    return drafting_organisations(user).exists() or staff_services(user).exists()


def standards_in_progress(user: User) -> int:
    """Versions of the user's units' standards being drafted or in public consultation."""
    return ServiceStandard.objects.filter(
        service__organisation__in=staff_organisations(user), status__in=ServiceStandard.EDITABLE
    ).count()
