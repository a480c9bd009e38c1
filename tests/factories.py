"""factory-boy factories and a small Kotabaru-shaped directory for tests."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from tuntas.complaints.models import Category
from tuntas.directory.models import Membership, Organisation, OrganisationKind, Region


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="id_ID")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):  # noqa: ANN001, ANN003
        obj.set_password(extracted or "rahasia-uji-123")
        if create:
            obj.save(update_fields=["password"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    slug = factory.Sequence(lambda n: f"dinas-uji-{n}")
    kind = factory.LazyFunction(lambda: OrganisationKind.objects.get(slug="opd"))


def member(user, org, *roles):  # noqa: ANN001
    for role in roles:
        Membership.objects.get_or_create(user=user, organisation=org, role=role)
    return user


def regions() -> dict[str, Region]:
    rows = [
        ("63", "Kalimantan Selatan", 1, "provinsi", None),
        ("63.02", "Kabupaten Kotabaru", 2, "kabupaten", "63"),
        ("63.02.06", "Pulaulaut Utara", 3, "kecamatan", "63.02"),
        ("63.02.06.2005", "Sigam", 4, "desa", "63.02.06"),
        ("63.02.06.1001", "Kotabaru Hilir", 4, "kelurahan", "63.02.06"),
        ("63.02.07", "Kelumpang Selatan", 3, "kecamatan", "63.02"),
    ]
    out = {}
    for code, name, level, kind, parent in rows:
        out[code], _ = Region.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "kind": kind, "parent_id": parent}
        )
    return out


class Directory:
    """Pemkab Kotabaru in miniature: coordinator, two OPD, a desa, Inspektorat, Ombudsman Kalsel and staff."""

    def __init__(self) -> None:
        r = regions()
        self.regions = r
        kind = OrganisationKind.objects.get
        self.pemkab = Organisation.objects.create(
            name="Pemerintah Kabupaten Kotabaru",
            slug="pemkab-kotabaru",
            kind=kind(slug="pemkab"),
            region=r["63.02"],
            code_prefix="KTB",
        )
        self.coordinator = Organisation.objects.create(
            name="Diskominfo Kotabaru (Koordinator Pengaduan)",
            slug="koordinator-kotabaru",
            kind=kind(slug="koordinator"),
            parent=self.pemkab,
            region=r["63.02"],
            accepts_complaints=True,
        )
        self.pupr = Organisation.objects.create(
            name="Dinas PUPR",
            slug="dinas-pupr",
            kind=kind(slug="opd"),
            parent=self.pemkab,
            region=r["63.02"],
            accepts_complaints=True,
        )
        self.disdik = Organisation.objects.create(
            name="Dinas Pendidikan",
            slug="dinas-pendidikan",
            kind=kind(slug="opd"),
            parent=self.pemkab,
            region=r["63.02"],
        )
        self.desa = Organisation.objects.create(
            name="Pemerintah Desa Sigam",
            slug="desa-sigam",
            kind=kind(slug="desa"),
            parent=self.pemkab,
            region=r["63.02.06.2005"],
        )
        self.inspektorat = Organisation.objects.create(
            name="Inspektorat Kabupaten Kotabaru",
            slug="inspektorat-kotabaru",
            kind=kind(slug="inspektorat"),
            parent=self.pemkab,
            region=r["63.02"],
        )
        self.ombudsman = Organisation.objects.create(
            name="Ombudsman RI Perwakilan Kalimantan Selatan",
            slug="ombudsman-kalsel",
            kind=kind(slug="ombudsman_perwakilan"),
            region=r["63"],
            code_prefix="OKS",
        )
        self.category = Category.objects.create(slug="jalan", name="Jalan dan jembatan", tier_days=5)
        self.category_urgent = Category.objects.create(slug="air-bersih", name="Air bersih", tier_days=2)
        self.koordinator = member(UserFactory(username="koordinator"), self.coordinator, "koordinator")
        self.petugas_pupr = member(UserFactory(username="petugas.pupr"), self.pupr, "petugas")
        self.kadis_pupr = member(UserFactory(username="kadis.pupr"), self.pupr, "pimpinan")
        self.petugas_disdik = member(UserFactory(username="petugas.disdik"), self.disdik, "petugas")
        self.auditor = member(UserFactory(username="auditor"), self.inspektorat, "auditor")
        self.inspektur = member(UserFactory(username="inspektur"), self.inspektorat, "pimpinan")
        self.asisten = member(
            UserFactory(username="asisten.ombudsman"), self.ombudsman, "petugas", "pimpinan"
        )
        self.viewer = member(UserFactory(username="pemantau"), self.coordinator, "viewer")
