"""The staff console through HTTP: access, inbox filters, SOP actions end to end, and identity protection."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from tests.web_console.conftest import REPORTER, png_bytes
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core import clock

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
IDENTITY_STRINGS = (REPORTER.name, REPORTER.email, REPORTER.phone, REPORTER.nik)


def html(response) -> str:  # noqa: ANN001
    return response.content.decode()


def complaint_url(c: Complaint) -> str:
    return f"/console/pengaduan/{c.pk}/"


def action_url(h: Handling, transition: str) -> str:
    return f"/console/penanganan/{h.pk}/aksi/{transition}/"


def assert_no_identity(page: str) -> None:
    for value in IDENTITY_STRINGS:
        assert value not in page


# --- access ---------------------------------------------------------------------------------------------


def test_console_requires_login(directory):
    response = Client().get("/console/")
    assert response.status_code == 302
    assert response["Location"].startswith("/console/masuk/?next=/console/")


def test_login_page_then_inbox_then_logout_by_post(directory, login):
    assert Client().get("/console/masuk/").status_code == 200
    client = login(directory.petugas_pupr)
    assert client.get("/console/").status_code == 200
    assert client.get("/console/keluar/").status_code == 405  # signing out is a POST
    response = client.post("/console/keluar/")
    assert response.status_code == 302
    assert client.get("/console/").status_code == 302


def test_wrong_password_is_refused(directory):
    response = Client().post("/console/masuk/", {"username": "petugas.pupr", "password": "salah-sekali"})
    assert response.status_code == 200
    assert Client().get("/console/").status_code == 302


def test_inbox_shows_only_own_organisations_handlings(directory, login, submit, dispose):
    c = submit()
    dispose(c, directory.pupr)
    pupr = login(directory.petugas_pupr)
    assert c.tracking_code in html(pupr.get("/console/"))
    assert pupr.get(complaint_url(c)).status_code == 200
    disdik = login(directory.petugas_disdik)
    assert c.tracking_code not in html(disdik.get("/console/"))
    assert disdik.get(complaint_url(c)).status_code == 404


# --- inbox filters --------------------------------------------------------------------------------------


def test_inbox_overdue_and_due_soon_filters_follow_time(directory, login, submit):
    monday = dt.datetime(2025, 3, 3, 9, 0, tzinfo=WITA)
    with clock.frozen(monday) as advance:
        c = submit()  # coordinator verification: 3 working days -> due Thursday 6 March
        client = login(directory.koordinator)
        assert c.tracking_code not in html(client.get("/console/?due=overdue"))
        assert c.tracking_code not in html(client.get("/console/?due=soon"))
        advance(dt.timedelta(days=1))
        assert c.tracking_code in html(client.get("/console/?due=soon"))
        advance(dt.timedelta(days=7))
        page = html(client.get("/console/?due=overdue"))
        assert c.tracking_code in page
        assert "terlambat" in page.lower()


def test_inbox_text_and_tracking_code_search(directory, login, submit):
    road = submit()
    water = submit(title="Air PDAM mati tiga hari", category="air-bersih")
    client = login(directory.koordinator)
    by_code = html(client.get("/console/", {"q": road.tracking_code.replace("-", "").lower()}))
    assert road.tracking_code in by_code and water.tracking_code not in by_code
    by_text = html(client.get("/console/", {"q": "pdam"}))
    assert water.tracking_code in by_text and road.tracking_code not in by_text


def test_inbox_assignee_filter(directory, login, submit, dispose):
    mine, other = submit(), submit(title="Jembatan kayu rusak")
    h = dispose(mine)
    dispose(other)
    services.handling_assign(
        actor=directory.petugas_pupr, handling_id=h.pk, assignee_id=directory.petugas_pupr.pk
    )
    client = login(directory.petugas_pupr)
    page = html(client.get("/console/", {"assignee": "me"}))
    assert mine.tracking_code in page and other.tracking_code not in page
    unassigned = html(client.get("/console/", {"assignee": "none"}))
    assert other.tracking_code in unassigned and mine.tracking_code not in unassigned


def test_inbox_kecamatan_and_unit_filters(directory, login, submit, dispose):
    from tests.factories import member

    road = submit()  # desa Sigam, kecamatan Pulaulaut Utara
    school = submit(
        title="Pungutan seragam sekolah", region_code="63.02.07", reported_organisation="dinas-pendidikan"
    )
    dispose(road, directory.pupr)
    dispose(school, directory.disdik)
    both = member(directory.petugas_pupr, directory.disdik, "petugas")
    client = login(both)
    page = html(client.get("/console/"))
    assert 'name="organisation"' in page and road.tracking_code in page and school.tracking_code in page
    only_disdik = html(client.get("/console/", {"organisation": directory.disdik.pk}))
    assert school.tracking_code in only_disdik and road.tracking_code not in only_disdik
    kecamatan = html(client.get("/console/", {"region": "63.02.06"}))
    assert road.tracking_code in kecamatan and school.tracking_code not in kecamatan
    assert ">Kelumpang Selatan</option>" in kecamatan


def test_inbox_htmx_request_gets_only_the_results(directory, login, submit):
    c = submit()
    client = login(directory.koordinator)
    response = client.get(
        "/console/", {"q": "berlubang"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="inbox-results"
    )
    page = html(response)
    assert c.tracking_code in page
    assert "<html" not in page
    assert "HX-Request" in response["Vary"]


# --- SOP actions ----------------------------------------------------------------------------------------


def test_coordinator_disposes_and_opd_answers_end_to_end(directory, login, submit):
    c = submit()
    coord_handling = c.handlings.get()
    coordinator = login(directory.koordinator)
    page = html(coordinator.get(complaint_url(c)))
    assert action_url(coord_handling, "verifikasi") in page
    prefix = f"h{coord_handling.pk}-verifikasi"
    response = coordinator.post(
        action_url(coord_handling, "verifikasi"),
        {
            f"{prefix}-expected_version": coord_handling.version,
            f"{prefix}-target": directory.pupr.pk,
            f"{prefix}-instruksi": "Mohon segera ditinjau ke lokasi.",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(complaint_url(c))
    coord_handling.refresh_from_db()
    assert coord_handling.state == "didisposisikan" and not coord_handling.is_open
    pupr_handling = c.handlings.get(organisation=directory.pupr)
    before = selectors.public_status(c).label

    petugas = login(directory.petugas_pupr)
    assert c.tracking_code in html(petugas.get("/console/"))
    prefix = f"h{pupr_handling.pk}-jawab"
    response = petugas.post(
        action_url(pupr_handling, "jawab"),
        {f"{prefix}-expected_version": pupr_handling.version, f"{prefix}-jawaban": "Lubang sudah ditambal."},
        follow=True,
    )
    assert "berhasil" in html(response)
    pupr_handling.refresh_from_db()
    assert pupr_handling.state == "dijawab"
    c.refresh_from_db()
    after = selectors.public_status(c)
    assert after.label != before and after.can_accept
    assert any(e.message == "Lubang sudah ditambal." for e in selectors.reporter_timeline(c))
    timeline = html(petugas.get(complaint_url(c)))
    assert "Lubang sudah ditambal." in timeline
    assert "Kirim jawaban ke pelapor" in timeline  # the transition's SOP label in the timeline


def test_missing_required_field_rerenders_with_error_and_changes_nothing(directory, login, submit, dispose):
    h = dispose(submit())
    client = login(directory.petugas_pupr)
    prefix = f"h{h.pk}-jawab"
    response = client.post(action_url(h, "jawab"), {f"{prefix}-expected_version": h.version})
    assert response.status_code == 422
    page = html(response)
    assert f'id="aksi-{h.pk}-jawab"' in page
    assert "errorlist" in page
    fresh = Handling.objects.get(pk=h.pk)
    assert (fresh.state, fresh.version) == (h.state, h.version)
    assert not Event.objects.filter(handling=h, kind=Event.Kind.TRANSITIONED).exists()


def test_stale_version_gives_conflict_message_and_changes_nothing(directory, login, submit, dispose):
    h = dispose(submit())
    services.handling_assign(
        actor=directory.kadis_pupr, handling_id=h.pk, assignee_id=directory.petugas_pupr.pk
    )
    client = login(directory.petugas_pupr)
    prefix = f"h{h.pk}-jawab"
    response = client.post(
        action_url(h, "jawab"),
        {f"{prefix}-expected_version": h.version, f"{prefix}-jawaban": "Jawaban atas versi lama."},
        follow=True,
    )
    assert "diubah orang lain" in html(response)
    assert "Muat ulang" in html(response)
    fresh = Handling.objects.get(pk=h.pk)
    assert fresh.state == "diterima"
    assert not Event.objects.filter(handling=h, kind=Event.Kind.TRANSITIONED).exists()


def test_assign_take_note_and_reply(directory, login, submit, dispose):
    c = submit()
    h = dispose(c)
    petugas = login(directory.petugas_pupr)
    petugas.post(f"/console/penanganan/{h.pk}/ambil/")
    assert Handling.objects.get(pk=h.pk).assignee == directory.petugas_pupr
    kadis = login(directory.kadis_pupr)
    kadis.post(f"/console/penanganan/{h.pk}/tugaskan/", {f"h{h.pk}-tugas-assignee": directory.kadis_pupr.pk})
    assert Handling.objects.get(pk=h.pk).assignee == directory.kadis_pupr
    petugas.post(f"/console/penanganan/{h.pk}/catatan/", {f"h{h.pk}-catatan-text": "Cek lokasi Senin."})
    petugas.post(f"/console/penanganan/{h.pk}/balas/", {f"h{h.pk}-balas-text": "Kami akan meninjau lokasi."})
    kinds = {e.kind: e for e in Event.objects.filter(handling=h)}
    assert kinds[Event.Kind.COMMENTED].visibility == Event.Visibility.INTERNAL
    assert kinds[Event.Kind.REPLIED].visibility == Event.Visibility.REPORTER
    page = html(petugas.get(complaint_url(c)))
    assert "Cek lokasi Senin." in page and "mengambil penanganan" in page


# --- identity -------------------------------------------------------------------------------------------


def test_confidential_identity_never_reaches_the_terlapor(directory, login, submit, dispose):
    c = submit(identity_files=(("ktp.png", png_bytes()),))
    h = dispose(c, directory.pupr)
    for user in (directory.petugas_pupr, directory.kadis_pupr):
        client = login(user)
        pages = [
            client.get("/console/"),
            client.get(complaint_url(c)),
            client.post(f"/console/pengaduan/{c.pk}/identitas/", follow=True),
            client.post(f"/console/pengaduan/{c.pk}/identitas/", HTTP_HX_REQUEST="true"),
            client.post(action_url(h, "jawab"), {f"h{h.pk}-jawab-expected_version": h.version}),
        ]
        for response in pages:
            assert_no_identity(html(response))
        assert "Identitas dirahasiakan" in html(pages[1])
        assert "Tampilkan identitas" not in html(pages[1])
    assert not Event.objects.filter(complaint=c, kind=Event.Kind.IDENTITY_VIEWED).exists()


def test_the_identity_panel_states_who_may_open_it_and_why_not_this_viewer(directory, login, submit, dispose):
    c = submit()
    dispose(c, directory.pupr)
    page = html(login(directory.petugas_pupr).get(complaint_url(c)))
    assert_no_identity(page)
    rule = page.split("data-identity-rule", 1)[1].split("</div>", 1)[0]
    # The coordinator's kind with its roles; the work unit is not among them and is told it is the terlapor.
    assert directory.coordinator.kind.name in rule and "Koordinator / verifikator" in rule
    assert directory.pupr.kind.name not in rule
    assert 'data-viewer="terlapor"' in rule
    viewer = html(login(directory.viewer).get(complaint_url(c)))
    assert 'data-viewer="role"' in viewer and "Pemantau" in viewer
    allowed = html(login(directory.koordinator).get(complaint_url(c)))
    assert 'data-viewer="may"' in allowed


def test_coordinator_sees_confidential_identity_only_after_recorded_reveal(directory, login, submit):
    c = submit()
    client = login(directory.koordinator)
    page = html(client.get(complaint_url(c)))
    assert_no_identity(page)
    assert "Tampilkan identitas (tercatat di riwayat)" in page
    revealed = html(client.post(f"/console/pengaduan/{c.pk}/identitas/"))
    assert REPORTER.name in revealed and REPORTER.email in revealed and REPORTER.phone in revealed
    views = Event.objects.filter(complaint=c, kind=Event.Kind.IDENTITY_VIEWED)
    assert views.count() == 1 and views.get().actor == directory.koordinator
    fragment = html(
        client.post(
            f"/console/pengaduan/{c.pk}/identitas/",
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="identitas-pelapor",
        )
    )
    assert REPORTER.name in fragment and "<html" not in fragment
    assert views.count() == 2
    after = html(client.get(complaint_url(c)))
    assert_no_identity(after)
    assert "melihat identitas pelapor" in after


def test_public_identity_shown_inline_without_recording(directory, login, submit):
    c = submit(privacy=Complaint.Privacy.PUBLIC)
    page = html(login(directory.koordinator).get(complaint_url(c)))
    assert REPORTER.name in page
    assert not Event.objects.filter(complaint=c, kind=Event.Kind.IDENTITY_VIEWED).exists()


def test_anonymous_complaint_shows_no_identity(directory, login, submit):
    c = submit(privacy=Complaint.Privacy.ANONYMOUS)
    page = html(login(directory.koordinator).get(complaint_url(c)))
    assert "Pelapor anonim" in page
    assert_no_identity(page)
    assert "Tampilkan identitas" not in page


def test_viewer_sees_the_complaint_but_no_actions(directory, login, submit):
    c = submit(privacy=Complaint.Privacy.PUBLIC)
    h = c.handlings.get()
    client = login(directory.viewer)
    response = client.get(complaint_url(c))
    assert response.status_code == 200
    page = html(response)
    assert c.title in page
    assert "/aksi/" not in page and "/tugaskan/" not in page and "/ambil/" not in page
    assert "/catatan/" not in page and "/balas/" not in page
    assert_no_identity(page)
    refused = client.post(action_url(h, "verifikasi"), {f"h{h.pk}-verifikasi-expected_version": h.version})
    assert refused.status_code == 302
    assert Handling.objects.get(pk=h.pk).state == h.state


def test_identifying_attachments_hidden_from_the_opd(directory, login, submit, dispose):
    c = submit(files=(("lubang.png", png_bytes()),), identity_files=(("ktp.png", png_bytes()),))
    dispose(c)
    evidence = c.attachments.get(identifying=False)
    identity_doc = c.attachments.get(identifying=True)
    opd = login(directory.petugas_pupr)
    page = html(opd.get(complaint_url(c)))
    assert f"/console/lampiran/{evidence.pk}/" in page
    assert f"/console/lampiran/{identity_doc.pk}/" not in page
    assert opd.get(f"/console/lampiran/{identity_doc.pk}/").status_code == 404
    assert opd.get(f"/console/lampiran/{evidence.pk}/").status_code == 200
    coordinator = login(directory.koordinator)
    assert f"/console/lampiran/{identity_doc.pk}/" in html(coordinator.get(complaint_url(c)))
    assert coordinator.get(f"/console/lampiran/{identity_doc.pk}/").status_code == 200
    assert Event.objects.filter(complaint=c, kind=Event.Kind.IDENTITY_VIEWED).count() == 1
    assert login(directory.petugas_disdik).get(f"/console/lampiran/{evidence.pk}/").status_code == 404


def test_inspektorat_forms_take_boolean_choice_date_and_severity(directory, login, submit, dispose):
    c = submit()
    h = dispose(c, directory.inspektorat)
    auditor = login(directory.auditor)
    prefix = f"h{h.pk}-ajukan_telaahan"
    auditor.post(
        action_url(h, "ajukan_telaahan"),
        {
            f"{prefix}-expected_version": h.version,
            f"{prefix}-telaahan": "Ada dugaan pungutan liar.",
            f"{prefix}-berkadar_pengawasan": "on",
            f"{prefix}-saran": "pemeriksaan_khusus",
        },
    )
    h.refresh_from_db()
    assert h.state == "disposisi_inspektur"
    inspektur = login(directory.inspektur)
    page = html(inspektur.get(complaint_url(c)))
    assert f'name="h{h.pk}-periksa-tanggal_surat_tugas"' in page and 'type="date"' in page
    assert ">Berat</option>" in page
    prefix = f"h{h.pk}-periksa"
    response = inspektur.post(
        action_url(h, "periksa"),
        {
            f"{prefix}-expected_version": h.version,
            f"{prefix}-nomor_surat_tugas": "700/12/ITDA/2025",
            f"{prefix}-tanggal_surat_tugas": "2025-03-05",
            f"{prefix}-tim": "Auditor Ahli Muda, Auditor Pertama",
            f"{prefix}-tingkat": "berat",
        },
    )
    assert response.status_code == 302
    h.refresh_from_db()
    assert (h.state, h.severity) == ("pemeriksaan_khusus", "berat")
    timeline = html(inspektur.get(complaint_url(c)))
    assert "5 Maret 2025" in timeline  # the letter date in Indonesian
    assert "Berkadar pengawasan" in timeline and "Pemeriksaan khusus" in timeline


def _queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_inbox_and_complaint_page_queries_do_not_grow_with_rows(directory, login, submit, dispose):
    first = submit(files=(("lubang.png", png_bytes()),))
    dispose(first)
    client = login(directory.petugas_pupr)
    inbox_one, page_one = _queries(client, "/console/"), _queries(client, complaint_url(first))
    for i in range(5):
        c = submit(title=f"Jalan rusak ruas {i + 2}", files=(("lubang.png", png_bytes()),))
        h = dispose(c)
        services.comment_add(actor=directory.petugas_pupr, handling_id=h.pk, text="Dicek.")
        services.handling_assign(
            actor=directory.kadis_pupr, handling_id=h.pk, assignee_id=directory.petugas_pupr.pk
        )
        services.comment_add(
            actor=directory.petugas_pupr, handling_id=first.handlings.last().pk, text=f"Catatan {i}"
        )
    assert _queries(client, "/console/") == inbox_one
    assert _queries(client, complaint_url(first)) == page_one
    assert inbox_one <= 25 and page_one <= 25


def test_timeline_names_the_move_between_organisations(directory, login, submit, dispose):
    c = submit()
    dispose(c)
    page = html(login(directory.petugas_pupr).get(complaint_url(c)))
    assert f"Disposisi dari koordinator pengaduan: dari {directory.coordinator.name} ke Dinas PUPR." in page


def test_dispose_form_links_to_the_receiver_preview(directory, login, submit):
    c = submit()
    h = c.handlings.get()
    page = html(login(directory.koordinator).get(complaint_url(c)))
    assert f"/console/penanganan/{h.pk}/pratinjau/verifikasi/" in page


def _audience_notes(page: str) -> list[str]:
    import re

    return re.findall(r'<p class="c-note" data-audience>([^<]*)</p>', page)


@pytest.mark.parametrize(
    ("privacy", "expected"),
    [
        (Complaint.Privacy.PUBLIC, "Perubahan ini terlihat oleh pelapor dan publik."),
        (Complaint.Privacy.CONFIDENTIAL, "Publik hanya melihat statusnya, tanpa isinya"),
        (Complaint.Privacy.ANONYMOUS, "Publik hanya melihat statusnya, tanpa isinya"),
    ],
)
def test_the_note_under_each_action_follows_the_complaint_privacy(
    directory, login, submit, dispose, privacy, expected
):
    c = submit(privacy=privacy)
    dispose(c)
    notes = _audience_notes(html(login(directory.petugas_pupr).get(complaint_url(c))))
    assert notes and any(expected in n for n in notes)  # the answer (public event) says who reads it
    if privacy != Complaint.Privacy.PUBLIC:
        assert not any("pelapor dan publik" in n for n in notes)


def test_the_answer_the_message_and_the_clarification_are_named_apart(directory, login, submit, dispose):
    c = submit()
    dispose(c)
    page = html(login(directory.petugas_pupr).get(complaint_url(c)))
    assert "Kirim jawaban ke pelapor" in page  # the SOP step that moves the status
    assert "Kirim pesan ke pelapor (status tidak berubah)" in page  # the message that does not
    assert "Balas ke pelapor<" not in page


# --- the unit picker (issue 10 item 10) -----------------------------------------------------------------


def _target_select(page: str, h: Handling) -> str:
    import re

    match = re.search(rf'<select name="h{h.pk}-verifikasi-target".*?</select>', page, re.S)
    assert match, "no target list"
    return match.group(0)


def test_the_unit_list_offers_the_category_unit_and_the_terlapor_first(directory, login, submit):
    directory.category.default_organisation = directory.disdik  # the admin's "usual unit" for the category
    directory.category.save(update_fields=["default_organisation"])
    c = submit()  # names Dinas PUPR as terlapor
    h = c.handlings.get()
    select = _target_select(html(login(directory.koordinator).get(complaint_url(c))), h)
    first_group = select.split("<optgroup", 2)[1]
    assert 'label="Disarankan"' in first_group
    assert first_group.index(
        "Dinas Pendidikan (unit biasa untuk kategori Jalan dan jembatan)"
    ) < first_group.index("Dinas PUPR (unit yang diadukan)")
    assert (
        "data-org-picker" in select and f'hx-get="/console/penanganan/{h.pk}/pratinjau/verifikasi/"' in select
    )


def test_no_suggestion_group_when_nothing_is_known(directory, login, submit):
    c = submit(reported_organisation="")
    select = _target_select(html(login(directory.koordinator).get(complaint_url(c))), c.handlings.get())
    assert "Disarankan" not in select


def test_choosing_a_unit_fetches_its_preview_inline(directory, login, submit):
    c = submit()
    h = c.handlings.get()
    coordinator = login(directory.koordinator)
    url = f"/console/penanganan/{h.pk}/pratinjau/verifikasi/"
    page = html(coordinator.get(complaint_url(c)))
    assert f'id="pratinjau-{h.pk}-verifikasi"' in page  # where the fragment goes
    fragment = html(
        coordinator.get(url, {f"h{h.pk}-verifikasi-target": directory.pupr.pk}, HTTP_HX_REQUEST="true")
    )
    assert "Yang akan dilihat Dinas PUPR" in fragment
    assert "unit ini adalah pihak yang diadukan" in fragment  # the terlapor does not see the identity
    assert "<html" not in fragment and "<form" not in fragment  # the preview alone, no second form
    nothing = html(coordinator.get(url, {f"h{h.pk}-verifikasi-target": ""}, HTTP_HX_REQUEST="true"))
    assert "Pilih unit tujuan" in nothing and "Yang akan dilihat" not in nothing
    assert_no_identity(fragment)
