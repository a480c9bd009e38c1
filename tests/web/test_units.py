"""Organisation pages: the public directory, a unit's page with its profile, services and figures, the
"Lapor ke unit ini" channel, and the console form its admin or pimpinan keeps it with."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.complaints.conftest import answered, dispose, frozen, submit  # noqa: F401 (fixtures used by name)
from tests.factories import UserFactory, member
from tuntas.complaints.services import reporter_reply
from tuntas.core.errors import InvalidInput, NotPermitted
from tuntas.directory.profile import ProfileInput, profile_update


def html(client: Client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, r.content[:500]
    return r.content.decode()


def signed_in(user) -> Client:  # noqa: ANN001
    client = Client()
    client.force_login(user)
    return client


def test_directory_lists_units_and_filters_by_name_and_kind(directory, client):
    everything = html(client, "/unit/")
    assert directory.pupr.name in everything and directory.desa.name in everything

    found = html(client, "/unit/?q=pupr")
    assert directory.pupr.name in found and directory.desa.name not in found
    desa_only = html(client, "/unit/?jenis=desa")
    assert directory.desa.name in desa_only and directory.pupr.name not in desa_only


def test_unit_page_shows_the_profile_its_pimpinan_keeps(directory, client):
    profile_update(
        actor=directory.kadis_pupr,
        organisation_id=directory.pupr.pk,
        data=ProfileInput(
            opening_hours="Senin–Kamis 08.00–15.00",
            maklumat="Kami siap melayani dengan cepat, tepat dan tanpa pungutan.",
            phone="0518-21000",
            website="https://pupr.kotabarukab.go.id",
        ),
    )

    page = html(client, "/unit/dinas-pupr/")

    assert "Senin–Kamis 08.00–15.00" in page
    assert "tanpa pungutan" in page and "Maklumat pelayanan" in page
    assert 'href="tel:0518-21000"' in page
    assert "Profil diperbarui" in page


def test_report_link_files_at_a_unit_with_its_own_desk_else_names_the_terlapor(directory, client):
    directory.desa.accepts_complaints = True
    directory.desa.save(update_fields=["accepts_complaints"])

    assert 'href="/lapor/?unit=desa-sigam"' in html(client, "/unit/desa-sigam/")
    assert 'href="/lapor/?instansi=dinas-pendidikan"' in html(client, "/unit/dinas-pendidikan/")
    form = html(client, "/lapor/?unit=desa-sigam")
    assert f"langsung diterima dan ditangani oleh {directory.desa.name}" in form
    assert 'name="unit" value="desa-sigam"' in form


def test_unit_figures_count_handlings_and_deadlines_met(directory, client, answered):  # noqa: F811
    s, opd = answered()
    reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Terima kasih.", accept=True)

    pupr = html(client, "/unit/dinas-pupr/")
    coordinator = html(client, "/unit/koordinator-kotabaru/")

    assert "<dt>Diterima</dt><dd>1</dd>" in pupr and "<dt>Selesai</dt><dd>1</dd>" in pupr
    assert "<dt>Sedang ditangani</dt><dd>0</dd>" in pupr
    # The coordinator disposed within its verification deadline: one deadline, met.
    assert "<dt>Tepat waktu</dt><dd>100%</dd>" in coordinator
    assert "<dt>Tepat waktu</dt><dd>—</dd>" in html(client, "/unit/dinas-pendidikan/")


def test_unknown_or_inactive_unit_is_404(directory, client):
    html(client, "/unit/tidak-ada/", status=404)
    directory.disdik.is_active = False
    directory.disdik.save(update_fields=["is_active"])
    html(client, "/unit/dinas-pendidikan/", status=404)


def test_pimpinan_edits_the_profile_in_the_console(directory):
    console = signed_in(directory.kadis_pupr)
    assert "Profil unit" in html(console, "/console/")

    r = console.post(
        f"/console/profil/{directory.pupr.pk}/",
        {"opening_hours": "Senin–Jumat 08.00–14.00", "email": "pupr@kotabarukab.go.id", "website": ""},
    )

    assert r.status_code == 302
    directory.pupr.refresh_from_db()
    assert directory.pupr.opening_hours == "Senin–Jumat 08.00–14.00"
    assert directory.pupr.profile_updated_at is not None


def test_invalid_profile_input_is_shown_on_the_form_and_not_saved(directory):
    console = signed_in(directory.kadis_pupr)

    page = console.post(f"/console/profil/{directory.pupr.pk}/", {"website": "ftp://x", "email": "bukan"})

    assert page.status_code == 200
    text = page.content.decode()
    assert "Alamat situs harus diawali http:// atau https://." in text
    assert "Alamat email tidak valid." in text
    directory.pupr.refresh_from_db()
    assert directory.pupr.website == "" and directory.pupr.profile_updated_at is None


def test_petugas_and_other_units_cannot_keep_the_profile(directory):
    petugas = signed_in(directory.petugas_pupr)
    assert petugas.get(f"/console/profil/{directory.pupr.pk}/").status_code == 404
    assert "Profil unit" not in html(petugas, "/console/")
    other = signed_in(member(UserFactory(username="kadis.disdik"), directory.disdik, "pimpinan"))
    assert other.get(f"/console/profil/{directory.pupr.pk}/").status_code == 404

    with pytest.raises(NotPermitted):
        profile_update(actor=directory.petugas_pupr, organisation_id=directory.pupr.pk, data=ProfileInput())


def test_profile_text_limits_are_enforced_by_the_service(directory):
    with pytest.raises(InvalidInput) as exc:
        profile_update(
            actor=directory.kadis_pupr,
            organisation_id=directory.pupr.pk,
            data=ProfileInput(maklumat="x" * 3001),
        )
    assert "maklumat" in exc.value.errors
