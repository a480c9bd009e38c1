"""Evidence on an answer, a message or a note (issue 10 item 8): cleaned like the reporter's files (EXIF gone),
tied to its event, seen by whoever reads that event, and never half-written."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.complaints.conftest import handling_at, jpeg_with_exif, row_counts, staff
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Attachment, Event
from tuntas.core.errors import InvalidInput

pytestmark = pytest.mark.django_db

PHOTO = ("jalan-sudah-ditambal.jpg", jpeg_with_exif())


def _answer(directory, h, files=(PHOTO,)):  # noqa: ANN001, ANN202
    return services.handling_transition(
        actor=staff(directory.petugas_pupr),
        handling_id=h.pk,
        transition="jawab",
        data={"jawaban": "Jalan sudah ditambal, foto terlampir."},
        files=files,
    )


@pytest.mark.parametrize(
    ("privacy", "visibility"),
    [
        ("public", Event.Visibility.PUBLIC),
        ("confidential", Event.Visibility.REPORTER),
        ("anonymous", Event.Visibility.REPORTER),
    ],
)
def test_a_photo_on_the_answer_reaches_the_reporter_cleaned(directory, submit, dispose, privacy, visibility):
    c = submit(privacy=privacy).complaint
    _answer(directory, dispose(c))
    [a] = Attachment.objects.filter(complaint=c, from_reporter=False)
    assert a.event.kind == Event.Kind.TRANSITIONED and a.event.payload["transition"] == "jawab"
    assert a.visibility == visibility and not a.identifying
    assert a in selectors.reporter_attachments(c)
    with a.file.open("rb") as fh:
        image = Image.open(fh)
        assert not image.getexif()  # photographer, phone and place removed


def test_a_file_on_an_internal_note_stays_with_staff(directory, submit, dispose):
    c = submit(privacy="public").complaint
    h = dispose(c)
    event = services.comment_add(
        actor=directory.petugas_pupr, handling_id=h.pk, text="Hasil survei lokasi.", files=(PHOTO,)
    )
    [a] = event.attachments.all()
    assert a.visibility == Event.Visibility.INTERNAL
    assert a not in selectors.reporter_attachments(c)
    assert a in selectors.staff_attachments(directory.petugas_pupr, c)


def test_a_file_on_a_message_to_the_reporter_is_theirs(directory, submit, dispose):
    c = submit().complaint
    h = dispose(c)
    event = services.comment_add(
        actor=directory.petugas_pupr,
        handling_id=h.pk,
        text="Surat balasan terlampir.",
        to_reporter=True,
        files=(PHOTO,),
    )
    assert [a.visibility for a in event.attachments.all()] == [Event.Visibility.REPORTER]


def test_a_bad_file_refuses_the_whole_action_and_writes_nothing(directory, submit, dispose):
    c = submit().complaint
    h = dispose(c)
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        _answer(directory, h, files=(("surat.pdf", b"bukan pdf sama sekali"),))
    assert "files" in exc.value.errors
    assert row_counts() == before
    assert handling_at(c, directory.pupr).state == h.state
