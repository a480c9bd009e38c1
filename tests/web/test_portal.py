"""The citizen portal through HTTP: filing, following with the code and secret, and the reporter's actions."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.web.conftest import IDENTITY_STRINGS, REPORTER, form_data, jpeg_with_exif, png_bytes
from tuntas.complaints.models import Attachment, Complaint, ReporterIdentity
from tuntas.core import clock

pytestmark = pytest.mark.django_db


def submit(client, **overrides):  # noqa: ANN001, ANN003, ANN201
    files = overrides.pop("files", None)
    data = form_data(**overrides)
    if files is not None:
        data["files"] = files
    return client.post("/lapor/", data)


def shown_codes(client) -> tuple[str, str]:  # noqa: ANN001
    page = client.get("/lapor/terkirim/").content.decode()
    codes = re.findall(r'<dd class="code" translate="no">([^<]+)</dd>', page)
    assert len(codes) == 2, page
    return codes[0], codes[1]


# --- pages ---------------------------------------------------------------------------------------------


def test_home_offers_submit_and_track(client, directory):
    page = client.get("/").content.decode()
    assert 'href="/lapor/"' in page
    assert 'action="/lacak/"' in page
    assert "Buat pengaduan" in page
    assert "Anonim" in page and "Rahasia" in page


def test_submit_page_lists_villages_grouped_by_kecamatan_without_js(client, directory):
    page = client.get("/lapor/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert '<optgroup label="Kecamatan Pulaulaut Utara">' in page
    assert 'value="63.02.06.2005"' in page and "Desa Sigam" in page
    assert 'value="63.02.07"' in page  # a kecamatan can be chosen when the village is not known
    assert 'value="dinas-pupr"' in page  # the organisation complained about
    assert 'value="koordinator-kotabaru"' not in page  # not a kind one complains about
    assert 'value="jalan"' in page
    assert 'name="privacy" value="confidential"' in page and "checked" in page


def test_region_children_fragment_lists_villages_of_a_kecamatan(client, directory):
    response = client.get("/wilayah/63.02.06/desa/", {"selected": "63.02.06.2005"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'name="region"' in page
    assert '<option value="63.02.06.2005" selected>Desa Sigam</option>' in page
    assert "Kelurahan Kotabaru Hilir" in page


def test_region_children_outside_the_regency_is_404(client, directory):
    assert client.get("/wilayah/99.99.99/desa/").status_code == 404


def test_pages_send_csp_and_have_no_inline_script_or_style(client, directory):
    for url in ("/", "/lapor/", "/lacak/"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp
        page = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), url
        assert " style=" not in page, url
        assert "/static/tuntas/app.css" in page


def test_pages_switch_to_english(client, directory, filed, staff):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    client.post("/lacak/", {"code": filed.code, "secret": filed.secret})
    detail = client.get(f"/lacak/{filed.code}/").content.decode()
    assert '<html lang="en">' in detail
    assert "Being verified" in detail  # the SOP's English public label


def test_pages_are_indonesian_by_default(client, directory):
    page = client.get("/").content.decode()
    assert '<html lang="id">' in page
    assert re.search(
        r'value="id"[^>]*aria-current="true"><span[^>]*>ID</span><span[^>]*>Bahasa Indonesia<', page
    )


# --- submitting ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("privacy", ["public", "confidential"])
def test_submit_stores_the_complaint_and_the_identity(client, directory, privacy):
    response = submit(client, privacy=privacy)
    assert response.status_code == 302
    assert response["Location"] == "/lapor/terkirim/"
    complaint = Complaint.objects.get()
    assert complaint.privacy == privacy
    assert complaint.region_id == "63.02.06.2005"
    assert complaint.reported_organisation == directory.pupr
    assert complaint.intake_organisation == directory.coordinator
    assert complaint.channel == Complaint.Channel.WEB
    assert ReporterIdentity.objects.get(complaint=complaint).name == REPORTER["name"]


def test_anonymous_submit_stores_no_identity_even_if_typed(client, directory):
    response = submit(client, privacy="anonymous")
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.privacy == Complaint.Privacy.ANONYMOUS
    assert not ReporterIdentity.objects.exists()


def test_submit_shows_code_and_secret_once_and_never_in_a_url(client, directory):
    response = submit(client)
    code, secret = shown_codes(client)
    complaint = Complaint.objects.get()
    assert code == complaint.tracking_code
    assert secret not in response["Location"] and code not in response["Location"]
    # A reload no longer shows it.
    again = client.get("/lapor/terkirim/")
    assert again.status_code == 302 and secret not in again["Location"]
    assert secret not in client.get("/lacak/").content.decode()


def test_success_page_links_to_the_complaint_without_the_secret(client, directory):
    submit(client)
    page = client.get("/lapor/terkirim/")
    html = page.content.decode()
    code = Complaint.objects.get().tracking_code
    secret = re.findall(r'<dd class="code" translate="no">([^<]+)</dd>', html)[1]
    assert f'href="/lacak/{code}/"' in html
    assert all(secret not in href for href in re.findall(r'(?:href|action)="([^"]*)"', html))
    assert "no-store" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    # The browser that filed it may follow it straight away.
    assert client.get(f"/lacak/{code}/").status_code == 200


def test_submit_with_bad_input_rerenders_with_errors_and_saves_nothing(client, directory):
    response = submit(client, title="", description="pendek", region="99.99")
    page = response.content.decode()
    assert response.status_code == 200
    assert not Complaint.objects.exists()
    assert "Ada isian yang perlu diperbaiki" in page
    assert 'id="id_title_error"' in page
    assert re.search(
        r'<input[^>]*aria-describedby="[^"]*id_title_error[^"]*"[^>]*name="title"', page
    ) or re.search(r'<input[^>]*name="title"[^>]*aria-describedby="[^"]*id_title_error', page)
    assert 'aria-invalid="true"' in page
    assert 'id="id_region_error"' in page
    # What was typed is kept.
    assert "Rahmat Hidayat Pelapor" in page


def test_service_errors_land_on_the_matching_fields(client, directory):
    response = submit(client, name="", email="bukan-email", nik="123")
    page = response.content.decode()
    assert not Complaint.objects.exists()
    for field in ("name", "email", "nik"):
        assert f'id="id_{field}_error"' in page, field


def test_uploaded_jpeg_is_stored_without_exif(client, directory):
    photo = SimpleUploadedFile("jalan.jpg", jpeg_with_exif(), content_type="image/jpeg")
    assert Image.open(io.BytesIO(jpeg_with_exif())).getexif().get(0x013B)  # the fixture really has EXIF
    response = submit(client, files=[photo])
    assert response.status_code == 302
    att = Attachment.objects.get()
    shown_codes(client)
    download = client.get(f"/lacak/{att.complaint.tracking_code}/lampiran/{att.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "image/jpeg"
    assert download["Content-Disposition"].startswith("attachment")
    content = b"".join(download.streaming_content)
    assert not Image.open(io.BytesIO(content)).getexif()
    assert b"Rahmat Hidayat" not in content and b"Kamera Rahasia" not in content


def test_file_that_is_not_an_image_is_rejected_even_named_jpg(client, directory):
    fake = SimpleUploadedFile(
        "foto.jpg", b"MZ\x90\x00 this is an executable, not a photo", content_type="image/jpeg"
    )
    response = submit(client, files=[fake])
    page = response.content.decode()
    assert response.status_code == 200
    assert not Complaint.objects.exists()
    assert 'id="id_files_error"' in page
    assert "foto.jpg" in page


def test_more_than_five_files_are_rejected(client, directory):
    files = [SimpleUploadedFile(f"f{i}.png", png_bytes(), content_type="image/png") for i in range(6)]
    response = submit(client, files=files)
    assert response.status_code == 200
    assert not Complaint.objects.exists()
    assert 'id="id_files_error"' in response.content.decode()


@pytest.fixture
def limits(settings, directory):
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    return settings


def test_only_accepted_complaints_count_toward_the_address_limit(client, limits):
    limits.TUNTAS_RATE_SUBMIT = "2/h"
    for _ in range(4):  # mistakes cost nothing
        assert submit(client, title="").status_code == 200
    assert submit(client).status_code == 302
    assert submit(client).status_code == 302
    response = submit(client, title="Lampu jalan mati di Sigam", description="Sudah dua minggu " * 3)
    assert response.status_code == 429
    page = response.content.decode()
    assert 'id="refusal"' in page and "Anda dapat mengirim lagi mulai pukul" in page
    assert 'value="Lampu jalan mati di Sigam"' in page and "Sudah dua minggu Sudah dua minggu" in page
    assert Complaint.objects.count() == 2
    assert client.get("/lapor/").status_code == 200  # reading the form is not limited


def test_a_flood_of_attempts_is_refused_with_the_form_kept(client, limits):
    limits.TUNTAS_RATE_SUBMIT_ATTEMPTS = "3/h"
    for _ in range(3):
        assert submit(client, title="").status_code == 200
    response = submit(client, title="Jembatan gantung rusak")
    assert response.status_code == 429
    assert 'value="Jembatan gantung rusak"' in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [{"form_token": ""}, {"form_token": "12345:tampered"}, {"situs_web": "http://spam.example"}],
    ids=["no-token", "forged-token", "honeypot"],
)
def test_posts_that_skipped_the_form_are_refused_and_keep_the_text(client, directory, overrides):
    response = submit(client, title="Sampah menumpuk di pasar", **overrides)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="refusal"' in page and 'value="Sampah menumpuk di pasar"' in page
    assert not Complaint.objects.exists()


def test_a_form_sent_in_an_instant_is_refused_then_accepted_when_sent_again(client, directory, settings):
    settings.TUNTAS_SUBMIT_MIN_SECONDS = 3
    with clock.frozen(clock.now()) as advance:
        page = client.get("/lapor/").content.decode()
        token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
        assert submit(client, form_token=token).status_code == 400
        advance(dt.timedelta(seconds=30))
        assert submit(client, form_token=token).status_code == 302
        advance(dt.timedelta(hours=13))
        assert submit(client, form_token=token).status_code == 400  # a stale page
    assert Complaint.objects.count() == 1


# --- following -----------------------------------------------------------------------------------------


def test_track_with_right_code_and_secret_opens_the_complaint(client, filed):
    response = client.post("/lacak/", {"code": filed.code.lower().replace("-", ""), "secret": filed.secret})
    assert response.status_code == 302
    assert response["Location"] == f"/lacak/{filed.code}/"
    assert filed.secret not in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert filed.complaint.title in page
    assert "Sedang diverifikasi" in page


def test_session_keeps_a_token_never_the_secret(reporter, filed):
    from django.contrib.sessions.models import Session

    raw = "".join(Session.objects.values_list("session_data", flat=True))
    decoded = str(reporter.session.items())
    assert filed.complaint.tracking_code in decoded
    assert filed.secret not in decoded and filed.secret not in raw
    assert reporter.get(f"/lacak/{filed.code}/").status_code == 200


@pytest.mark.parametrize("which", ["secret", "code"])
def test_track_with_a_wrong_part_fails_without_saying_which(client, filed, which):
    wrong = {"code": filed.code, "secret": filed.secret}
    wrong[which] = "ZZZZ-ZZZZ-ZZ" if which == "secret" else "KTB-ZZZZ-ZZ"
    response = client.post("/lacak/", wrong)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kode lacak atau kode rahasia tidak cocok" in page
    assert "field__error" not in page  # no hint which of the two was wrong
    assert client.get(f"/lacak/{filed.code}/").status_code == 302


def test_track_is_rate_limited(client, filed, settings):
    settings.RATELIMIT_ENABLE = True
    settings.TUNTAS_RATE_TRACK = "2/m"
    cache.clear()
    for _ in range(2):
        client.post("/lacak/", {"code": filed.code, "secret": "ZZZZ-ZZZZ-ZZ"})
    assert client.post("/lacak/", {"code": filed.code, "secret": filed.secret}).status_code == 429


def test_detail_without_session_proof_redirects_to_track(client, filed):
    response = client.get(f"/lacak/{filed.code}/")
    assert response.status_code == 302
    assert response["Location"] == f"/lacak/?kode={filed.code}"
    assert filed.code in client.get(response["Location"]).content.decode()  # the code is prefilled


def test_actions_without_session_proof_do_nothing(client, filed):
    code = filed.code
    assert client.post(f"/lacak/{code}/balas/", {"message": "Halo"}).status_code == 302
    assert client.post(f"/lacak/{code}/cabut/", {"reason": "x", "confirm": "on"}).status_code == 302
    filed.complaint.refresh_from_db()
    assert filed.complaint.status == Complaint.Status.OPEN
    assert filed.complaint.events.filter(kind="reporter_replied").count() == 0


def test_detail_never_shows_the_reporter_identity(reporter, filed):
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    for text in IDENTITY_STRINGS:
        assert text not in page


def test_detail_shows_indonesian_dates(client, file_complaint):
    with clock.frozen(dt.datetime(2026, 8, 17, 3, 0, tzinfo=dt.UTC)):
        filed = file_complaint()
    client.post("/lacak/", {"code": filed.code, "secret": filed.secret})
    page = client.get(f"/lacak/{filed.code}/").content.decode()
    assert "17 Agustus 2026" in page
    assert "17 Agustus 2026, 11.00" in page  # the timeline, in Asia/Makassar time


def test_detail_page_query_count_is_bounded(reporter, filed, staff, django_assert_max_num_queries):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    # 11: the escalation offer asks once whether the next oversight body is the one complained about.
    with django_assert_max_num_queries(11):
        assert reporter.get(f"/lacak/{filed.code}/").status_code == 200


def test_sign_out_drops_the_proof(reporter, filed):
    response = reporter.post(f"/lacak/{filed.code}/keluar/")
    assert response.status_code == 302
    assert reporter.get(f"/lacak/{filed.code}/").status_code == 302


def test_timeline_shows_staff_messages_in_plain_words(reporter, filed, staff, directory):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint, "Lubang jalan sudah ditambal pada hari Senin.")
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Pengaduan Anda terkirim." in page
    assert "Status: Diteruskan ke unit yang berwenang." in page
    assert f"Diterima oleh {directory.pupr.name}." in page
    assert "Status: Sudah dijawab." in page
    assert "Lubang jalan sudah ditambal pada hari Senin." in page
    assert directory.petugas_pupr.full_name not in page  # staff act as their unit


def test_reporter_attachments_download_needs_proof(client, file_complaint):
    filed = file_complaint(files=(("bukti.png", png_bytes()),))
    att = Attachment.objects.get(complaint=filed.complaint)
    assert client.get(f"/lacak/{filed.code}/lampiran/{att.pk}/").status_code == 302
    client.post("/lacak/", {"code": filed.code, "secret": filed.secret})
    assert client.get(f"/lacak/{filed.code}/lampiran/{att.pk}/").status_code == 200


def test_identity_documents_are_not_offered_to_the_browser(client, file_complaint):
    filed = file_complaint(identity_files=(("ktp.png", png_bytes()),))
    att = Attachment.objects.get(complaint=filed.complaint, identifying=True)
    client.post("/lacak/", {"code": filed.code, "secret": filed.secret})
    page = client.get(f"/lacak/{filed.code}/").content.decode()
    assert "ktp.png" not in page
    assert client.get(f"/lacak/{filed.code}/lampiran/{att.pk}/").status_code == 404


# --- acting --------------------------------------------------------------------------------------------


def test_reply_to_a_request_for_information_moves_the_complaint_back(reporter, filed, staff):
    staff.ask_reporter(filed.complaint, "Mohon sebutkan RT berapa.")
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Mohon sebutkan RT berapa." in page
    assert "Petugas menunggu tanggapan Anda." in page
    response = reporter.post(f"/lacak/{filed.code}/balas/", {"message": "Di RT 05, dekat masjid."})
    assert response.status_code == 302 and response["Location"] == f"/lacak/{filed.code}/"
    page = reporter.get(response["Location"]).content.decode()
    assert "Tanggapan Anda sudah terkirim" in page
    assert "Di RT 05, dekat masjid." in page
    assert "Sedang diverifikasi" in page
    handling = filed.complaint.handlings.get()
    assert handling.state == "menunggu_verifikasi"


def test_reply_with_attachment_is_saved_for_the_reporter(reporter, filed):
    photo = SimpleUploadedFile("tambahan.png", png_bytes(), content_type="image/png")
    response = reporter.post(f"/lacak/{filed.code}/balas/", {"message": "Foto tambahan.", "files": [photo]})
    assert response.status_code == 302
    assert Attachment.objects.filter(complaint=filed.complaint, from_reporter=True).count() == 1
    assert "tambahan.png" in reporter.get(f"/lacak/{filed.code}/").content.decode()


def test_empty_reply_rerenders_with_an_error(reporter, filed):
    response = reporter.post(f"/lacak/{filed.code}/balas/", {"message": ""})
    assert response.status_code == 200
    assert 'id="reply_message_error"' in response.content.decode()
    assert filed.complaint.events.filter(kind="reporter_replied").count() == 0


def test_accept_closes_the_complaint_then_rating_once(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    assert "Saya puas" not in reporter.get(f"/lacak/{filed.code}/").content.decode()
    staff.answer(filed.complaint)
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Saya puas, terima jawaban" in page
    assert f'action="/lacak/{filed.code}/nilai/"' not in page  # no rating while open

    response = reporter.post(f"/lacak/{filed.code}/terima/", {"message": ""})
    assert response.status_code == 302
    filed.complaint.refresh_from_db()
    assert filed.complaint.status == Complaint.Status.CLOSED
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Anda menyatakan jawaban sudah sesuai." in page
    assert f'action="/lacak/{filed.code}/nilai/"' in page

    response = reporter.post(f"/lacak/{filed.code}/nilai/", {"rating": "4", "comment": "Cepat ditangani."})
    assert response.status_code == 302
    filed.complaint.refresh_from_db()
    assert (filed.complaint.rating, filed.complaint.rating_comment) == (4, "Cepat ditangani.")
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Terima kasih atas penilaian Anda." in page
    assert f'action="/lacak/{filed.code}/nilai/"' not in page

    again = reporter.post(f"/lacak/{filed.code}/nilai/", {"rating": "1"}, follow=True)
    assert "Anda sudah memberi penilaian." in again.content.decode()
    filed.complaint.refresh_from_db()
    assert filed.complaint.rating == 4


def test_rating_while_open_is_refused_with_a_message(reporter, filed):
    response = reporter.post(f"/lacak/{filed.code}/nilai/", {"rating": "5"}, follow=True)
    assert "Penilaian dapat diberikan setelah pengaduan selesai." in response.content.decode()
    filed.complaint.refresh_from_db()
    assert filed.complaint.rating is None


def test_accept_without_an_answer_is_refused_with_a_message(reporter, filed):
    response = reporter.post(f"/lacak/{filed.code}/terima/", {}, follow=True)
    assert "Belum ada jawaban yang dapat Anda terima." in response.content.decode()
    filed.complaint.refresh_from_db()
    assert filed.complaint.status == Complaint.Status.OPEN


def test_rating_after_staff_closed_it(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    staff.close(filed.complaint)
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert "Selesai" in page
    assert f'action="/lacak/{filed.code}/nilai/"' in page
    assert f'href="/lacak/{filed.code}/cabut/"' not in page


def test_withdraw_asks_for_confirmation_first(reporter, filed):
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert f'href="/lacak/{filed.code}/cabut/"' in page
    confirm = reporter.get(f"/lacak/{filed.code}/cabut/")
    assert confirm.status_code == 200
    assert "Ya, cabut pengaduan" in confirm.content.decode()
    response = reporter.post(f"/lacak/{filed.code}/cabut/", {"reason": "Sudah diperbaiki warga."})
    assert response.status_code == 200
    assert 'id="id_confirm_error"' in response.content.decode()
    filed.complaint.refresh_from_db()
    assert filed.complaint.status == Complaint.Status.OPEN


def test_withdraw_closes_every_handling(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    response = reporter.post(
        f"/lacak/{filed.code}/cabut/", {"reason": "Sudah diperbaiki warga.", "confirm": "on"}
    )
    assert response.status_code == 302 and response["Location"] == f"/lacak/{filed.code}/"
    filed.complaint.refresh_from_db()
    assert filed.complaint.status == Complaint.Status.WITHDRAWN
    assert not filed.complaint.handlings.filter(is_open=True).exists()
    page = reporter.get(response["Location"]).content.decode()
    assert "Dicabut oleh pelapor" in page
    assert "Anda mencabut pengaduan ini." in page
    assert f'href="/lacak/{filed.code}/cabut/"' not in page
    assert f'action="/lacak/{filed.code}/balas/"' not in page
    # A second attempt is refused politely.
    again = reporter.get(f"/lacak/{filed.code}/cabut/", follow=True)
    assert "sudah tidak dapat dicabut" in again.content.decode()


# --- the order of the tracking page --------------------------------------------------------------------


def test_latest_answer_comes_right_before_the_accept_question(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint, "Lubang jalan sudah ditambal pada hari Senin.")
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    latest = page.index('id="terbaru"')
    assert (
        latest
        < page.index("Lubang jalan sudah ditambal")
        < page.index("Apakah jawaban petugas sudah sesuai?")
    )
    assert page.index("Apakah jawaban petugas") < page.index('id="timeline-title"')


def test_after_accepting_rating_comes_first_then_escalation_folded_then_a_short_skm(reporter, filed, staff):
    staff.dispose_to_pupr(filed.complaint)
    staff.answer(filed.complaint)
    reporter.post(f"/lacak/{filed.code}/terima/", {"message": ""})
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    rate = page.index(f'action="/lacak/{filed.code}/nilai/"')
    escalate = page.index('id="eskalasi"')
    assert rate < escalate
    assert (
        '<details class="card escalate-later" id="eskalasi">' in page
    )  # folded: they said they are satisfied
    assert "Ternyata belum puas? Ajukan ke Inspektorat" in page

    reporter.post(f"/lacak/{filed.code}/nilai/", {"rating": "1"})
    page = reporter.get(f"/lacak/{filed.code}/").content.decode()
    assert '<section class="card" id="eskalasi"' in page  # unhappy: the way up is shown openly
    assert "escalate-later" not in page


# --- long text and large files --------------------------------------------------------------------------


def test_long_text_is_counted_and_refused_never_cut(client, directory):
    page = client.get("/lapor/").content.decode()
    description = re.search(r"<textarea[^>]*name=\"description\"[^>]*>", page).group(0)
    assert "maxlength" not in description  # a browser would silently drop pasted text past it
    assert 'data-max-chars="10000"' in description and "dari 10000 karakter" in description
    response = submit(client, description="Jalan berlubang. " * 700)  # 11,900 characters
    assert response.status_code == 200
    assert 'id="id_description_error"' in response.content.decode()
    assert not Complaint.objects.exists()


def test_file_inputs_carry_the_size_limit_for_the_browser_check(client, directory, settings):
    page = client.get("/lapor/").content.decode()
    assert f'data-max-bytes="{settings.TUNTAS_MAX_ATTACHMENT_BYTES}"' in page
    assert "terlalu besar (maksimal 5 MB)" in page
