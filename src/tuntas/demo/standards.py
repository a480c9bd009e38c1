"""Demo service standards for Kabupaten Kotabaru: Disdukcapil (KTP-el, Kartu Keluarga), DPMPTSP (NIB for
micro and small businesses) and Desa Stagen (surat keterangan domisili), published after a public consultation
some weeks ago; the Kartu Keluarga standard also has a revision under public consultation now, with comments.

Everything goes through the services on a simulated clock. ``load_standards_demo()`` is idempotent (a service
that exists is left alone) and works on the full Kotabaru demo (``load_demo`` calls it after the directory) or
on its own: organisations it needs and does not find are created with the demo's slugs and names.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.hashers import make_password
from django.db import transaction

from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.demo import standards_texts as texts
from tuntas.directory.kinds import ensure_default_kinds
from tuntas.directory.models import Membership, Organisation, Region, Role, User
from tuntas.standards import services
from tuntas.standards.catalogue import STRUCTURED, ensure_components
from tuntas.standards.models import Service, ServiceStandard

DESA_REGION = "63.02.06.2011"  # Desa Stagen, Kecamatan Pulau Laut Utara
KECAMATAN_REGION = "63.02.06"
SYSTEM_USERNAME = "sistem.standar"
CONSULTED_SERVICE = ("disdukcapil", "penerbitan-kartu-keluarga")


def _org(slug: str) -> Organisation:
    """The demo organisation with this slug, created (with its parents) when the directory lacks it."""
    found = Organisation.objects.filter(slug=slug).first()
    if found:
        return found
    regions = {
        r.code: r for r in Region.objects.filter(code__in=[k.REGION_KABUPATEN, KECAMATAN_REGION, DESA_REGION])
    }

    def put(spec: k.Org, parent: Organisation | None, region: str) -> Organisation:
        org, _ = Organisation.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "short_name": spec.short_name,
                "kind_id": spec.kind,
                "parent": parent,
                "region": regions.get(region),
                "accepts_complaints": spec.accepts_complaints,
            },
        )
        return org

    pemkab = put(k.PEMKAB_ORG, None, k.REGION_KABUPATEN)
    if slug.startswith("desa-"):
        kecamatan = put(
            k.Org(
                k.kecamatan_slug("Pulaulaut Utara"),
                "Kecamatan Pulaulaut Utara",
                "Pulaulaut Utara",
                "kecamatan",
            ),
            pemkab,
            KECAMATAN_REGION,
        )
        return put(
            k.Org("desa-stagen", "Pemerintah Desa Stagen", "Stagen", "desa", True), kecamatan, DESA_REGION
        )
    spec = next(o for o in k.OPD if o.slug == slug)
    return put(spec, pemkab, k.REGION_KABUPATEN)


def signatory(org: Organisation) -> User:
    """Who signs the demo standards: the unit's pimpinan or admin, else the demo superuser, else an inactive
    system account without a password (it cannot sign in) that acts as superuser for the services."""
    member = (
        Membership.objects.filter(organisation=org, role__in=[Role.PIMPINAN, Role.ADMIN], is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if member:
        return member.user
    superuser = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if superuser:
        return superuser
    user, _ = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "full_name": "Sistem (data contoh standar pelayanan)",
            "password": make_password(None),
            "is_active": False,
            "is_superuser": True,
        },
    )
    return user


def _fill(actor: User, standard: ServiceStandard, components: dict[str, str], days: int, cost: int) -> None:
    values = dict(zip(STRUCTURED, (days, cost), strict=True))
    services.standard_update(actor=actor, standard_id=standard.pk, texts=components, values=values)


def _publish_after_consultation(actor: User, standard: ServiceStandard, *, start: dt.datetime) -> None:
    """Two weeks of public consultation from ``start``, published a week after it closed."""
    with clock.frozen(start) as advance:
        services.standard_open_consultation(
            actor=actor, standard_id=standard.pk, closes_on=clock.today() + dt.timedelta(days=14)
        )
        advance(dt.timedelta(days=21))
        services.standard_publish(actor=actor, standard_id=standard.pk)


def load_standards_demo(*, days_ago: int = 60) -> int:
    """Create the demo services and their standards; returns how many services were created."""
    ensure_default_kinds()
    ensure_components()
    created = 0
    now = clock.now()
    with transaction.atomic():
        for org_slug, slug, name, description, days, cost, components in texts.SERVICES:
            org = _org(org_slug)
            if Service.objects.filter(organisation=org, slug=slug).exists():
                continue
            actor = signatory(org)
            start = now - dt.timedelta(days=days_ago + 7 * created)
            with clock.frozen(start):
                service = services.service_create(
                    actor=actor, organisation_id=org.pk, name=name, slug=slug, description=description
                )
                draft = services.standard_draft_new(actor=actor, service_id=service.pk)
                _fill(actor, draft, components, days, cost)
            _publish_after_consultation(actor, draft, start=start + dt.timedelta(days=2))
            created += 1
            if (org_slug, slug) == CONSULTED_SERVICE:
                _revision_under_consultation(actor, service, now=now)
    return created


def _revision_under_consultation(actor: User, service: Service, *, now: dt.datetime) -> None:
    """Version 2 of the Kartu Keluarga standard: one working day instead of three, open for comments."""
    with clock.frozen(now - dt.timedelta(days=8)) as advance:
        draft = services.standard_draft_new(actor=actor, service_id=service.pk)
        services.standard_update(
            actor=actor, standard_id=draft.pk, texts=texts.KK_V2_CHANGES, values={"jangka_waktu": 1}
        )
        advance(dt.timedelta(days=1))
        services.standard_open_consultation(
            actor=actor, standard_id=draft.pk, closes_on=clock.today() + dt.timedelta(days=14)
        )
        for name, code, text in texts.CONSULTATION_COMMENTS:
            advance(dt.timedelta(days=2, hours=3))
            services.consultation_comment_add(standard_id=draft.pk, text=text, name=name, component_code=code)
