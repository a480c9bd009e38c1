"""Evidence from the officer through the console (issue 10 item 8): a photo on the answer, a letter on a
message, a file on an internal note; each shown under its event, to whom that event is, cleaned, and a refused
file writes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tests.complaints.conftest import jpeg_with_exif
from tests.web_console.conftest import REPORTER
from tuntas.complaints import services
from tuntas.complaints.models import Attachment, Complaint, Event, Handling

pytestmark = pytest.mark.django_db


def html(response) -> str:  # noqa: ANN001
    return response.content.decode()


def _photo(name: str = "jalan-sudah-ditambal.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_with_exif(), content_type="image/jpeg")


def _filed(directory, dispose):  # noqa: ANN001, ANN202
    done = services.complaint_submit(
        data=services.ComplaintInput(
            title="Jalan desa berlubang besar",
            description="Jalan utama Desa Sigam berlubang besar sejak bulan lalu dan membahayakan pengendara.",
            privacy=Complaint.Privacy.CONFIDENTIAL,
            category="jalan",
            region_code="63.02.06.2005",
            reported_organisation="dinas-pupr",
            reporter=REPORTER,
        )
    )
    return done, dispose(done.complaint)


def _reporter(done) -> Client:  # noqa: ANN001
    client = Client()
    assert (
        client.post("/lacak/", {"code": done.complaint.tracking_code, "secret": done.secret}).status_code
        == 302
    )
    return client


def test_the_answer_form_takes_a_photo_the_reporter_sees_under_the_answer(directory, login, submit, dispose):
    done, h = _filed(directory, dispose)
    petugas = login(directory.petugas_pupr)
    page = html(petugas.get(f"/console/pengaduan/{done.complaint.pk}/"))
    assert 'enctype="multipart/form-data"' in page and f'name="h{h.pk}-jawab-files"' in page
    prefix = f"h{h.pk}-jawab"
    response = petugas.post(
        f"/console/penanganan/{h.pk}/aksi/jawab/",
        {
            f"{prefix}-expected_version": h.version,
            f"{prefix}-jawaban": "Lubang sudah ditambal, foto terlampir.",
            f"{prefix}-files": [_photo()],
        },
    )
    assert response.status_code == 302
    [a] = Attachment.objects.filter(complaint=done.complaint, from_reporter=False)
    assert a.event.kind == Event.Kind.TRANSITIONED and a.visibility == Event.Visibility.REPORTER
    with a.file.open("rb") as fh:
        assert not Image.open(fh).getexif()  # the phone, the photographer and the place are gone

    console = html(petugas.get(f"/console/pengaduan/{done.complaint.pk}/"))
    history = console[console.index('id="riwayat"') :]
    assert "jalan-sudah-ditambal.jpg" in history and "dari petugas" in history
    assert "terlihat oleh pelapor" in history

    citizen = _reporter(done)
    track = html(citizen.get(f"/lacak/{done.complaint.tracking_code}/"))
    latest = track[track.index('id="terbaru"') : track.index("</section>", track.index('id="terbaru"'))]
    assert "Lubang sudah ditambal" in latest and "jalan-sudah-ditambal.jpg" in latest  # above the question
    download = citizen.get(f"/lacak/{done.complaint.tracking_code}/lampiran/{a.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"\xff\xd8"


def test_a_file_on_an_internal_note_is_shown_to_staff_only(directory, login, submit, dispose):
    done, h = _filed(directory, dispose)
    petugas = login(directory.petugas_pupr)
    response = petugas.post(
        f"/console/penanganan/{h.pk}/catatan/",
        {f"h{h.pk}-catatan-text": "Foto survei lokasi.", f"h{h.pk}-catatan-files": [_photo("survei.jpg")]},
    )
    assert response.status_code == 302
    [a] = Attachment.objects.filter(complaint=done.complaint, from_reporter=False)
    assert a.visibility == Event.Visibility.INTERNAL
    console = html(petugas.get(f"/console/pengaduan/{done.complaint.pk}/"))
    assert "survei.jpg" in console and "hanya petugas" in console
    track = html(_reporter(done).get(f"/lacak/{done.complaint.tracking_code}/"))
    assert "survei.jpg" not in track
    assert _reporter(done).get(f"/lacak/{done.complaint.tracking_code}/lampiran/{a.pk}/").status_code == 404


def test_a_letter_on_a_message_to_the_reporter_is_theirs(directory, login, submit, dispose):
    done, h = _filed(directory, dispose)
    petugas = login(directory.petugas_pupr)
    petugas.post(
        f"/console/penanganan/{h.pk}/balas/",
        {f"h{h.pk}-balas-text": "Surat jawaban terlampir.", f"h{h.pk}-balas-files": [_photo("surat.jpg")]},
    )
    [a] = Attachment.objects.filter(complaint=done.complaint, from_reporter=False)
    assert a.event.kind == Event.Kind.REPLIED and a.visibility == Event.Visibility.REPORTER
    assert "surat.jpg" in html(_reporter(done).get(f"/lacak/{done.complaint.tracking_code}/"))


def test_a_file_that_is_not_an_image_or_pdf_refuses_the_answer_on_its_field(
    directory, login, submit, dispose
):
    done, h = _filed(directory, dispose)
    petugas = login(directory.petugas_pupr)
    prefix = f"h{h.pk}-jawab"
    fake = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 not really a photo", content_type="image/jpeg")
    response = petugas.post(
        f"/console/penanganan/{h.pk}/aksi/jawab/",
        {
            f"{prefix}-expected_version": h.version,
            f"{prefix}-jawaban": "Jawaban dengan berkas yang salah.",
            f"{prefix}-files": [fake],
        },
    )
    assert response.status_code == 422
    page = html(response)
    form = page[page.index(f'id="aksi-{h.pk}-jawab"') :]
    assert "errorlist" in form[: form.index("</form>")]
    fresh = Handling.objects.get(pk=h.pk)
    assert (fresh.state, fresh.version) == (h.state, h.version)
    assert not Attachment.objects.filter(complaint=done.complaint, from_reporter=False).exists()
    assert not Event.objects.filter(handling=h, kind=Event.Kind.TRANSITIONED).exists()


def test_a_too_large_file_on_a_note_is_refused_with_its_size_and_nothing_is_written(
    directory, login, submit, dispose, settings
):
    settings.TUNTAS_MAX_ATTACHMENT_BYTES = 1024 * 1024
    done, h = _filed(directory, dispose)
    petugas = login(directory.petugas_pupr)
    big = io.BytesIO()
    Image.effect_noise((900, 900), 100).convert("RGB").save(big, "PNG")
    assert big.tell() > settings.TUNTAS_MAX_ATTACHMENT_BYTES
    response = petugas.post(
        f"/console/penanganan/{h.pk}/catatan/",
        {
            f"h{h.pk}-catatan-text": "Foto besar.",
            f"h{h.pk}-catatan-files": [SimpleUploadedFile("besar.png", big.getvalue(), "image/png")],
        },
        follow=True,
    )
    assert "besar.png terlalu besar (maksimal 1 MB)" in html(response)
    assert not Event.objects.filter(handling=h, kind=Event.Kind.COMMENTED).exists()
    assert not Attachment.objects.filter(complaint=done.complaint, from_reporter=False).exists()


def test_only_actions_where_the_officer_writes_take_files(directory, login, submit, dispose):
    done, h = _filed(directory, dispose)
    page = html(login(directory.petugas_pupr).get(f"/console/pengaduan/{done.complaint.pk}/"))

    def form_of(transition: str) -> str:
        start = page.index(f'action="/console/penanganan/{h.pk}/aksi/{transition}/"')
        return page[page.rindex("<form", 0, start) : page.index("</form>", start)]

    assert "multipart/form-data" in form_of("jawab") and f"h{h.pk}-jawab-files" in form_of("jawab")
    start = form_of("proses")  # "Mulai tindak lanjut": nothing to write, nothing to attach
    assert "-files" not in start and "multipart" not in start
