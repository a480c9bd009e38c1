"""The demo loader: Kotabaru services with published standards, one revision under consultation."""

from __future__ import annotations

from tests.factories import UserFactory, member
from tuntas.demo.standards import SYSTEM_USERNAME, load_standards_demo
from tuntas.directory.models import Organisation, User
from tuntas.standards.models import ConsultationComment, Service, ServiceStandard

Status = ServiceStandard.Status


def test_demo_loads_on_an_empty_directory_and_only_once(db, client):
    assert load_standards_demo() == 4
    assert load_standards_demo() == 0
    assert Service.objects.count() == 4
    assert ServiceStandard.objects.filter(status=Status.PUBLISHED).count() == 4
    revision = ServiceStandard.objects.get(status=Status.KONSULTASI)
    assert (revision.service.slug, revision.version, revision.time_limit_days) == (
        "penerbitan-kartu-keluarga",
        2,
        1,
    )
    assert ConsultationComment.objects.filter(standard=revision).count() == 2
    assert Organisation.objects.get(slug="desa-stagen").kind_id == "desa"
    system = User.objects.get(username=SYSTEM_USERNAME)
    assert not system.is_active and not system.has_usable_password()
    html = client.get("/standar-pelayanan/").content.decode()
    for name in (
        "Penerbitan KTP-el",
        "Penerbitan Kartu Keluarga",
        "Nomor Induk Berusaha",
        "Surat keterangan domisili",
    ):
        assert name in html
    assert (
        client.get("/standar-pelayanan/disdukcapil/penerbitan-kartu-keluarga/konsultasi/").status_code == 200
    )
    assert (
        client.get("/standar-pelayanan/desa-stagen/surat-keterangan-domisili/poster.pdf").status_code == 200
    )


def test_demo_signs_with_the_units_pimpinan(directory):
    disdukcapil = Organisation.objects.create(
        slug="disdukcapil", name="Disdukcapil Kotabaru", kind_id="opd", parent=directory.pemkab
    )
    kadis = member(UserFactory(username="kadis.dukcapil"), disdukcapil, "pimpinan")
    load_standards_demo()
    ktp = ServiceStandard.objects.get(service__slug="penerbitan-ktp-el")
    assert ktp.published_by == kadis
    assert ktp.service.organisation == disdukcapil
