"""What the reporter does with the tracking code and secret: reply, accept, withdraw, rate."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at, jpeg_with_exif, reload, row_counts, transitions_of
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Attachment, Complaint, Event
from tuntas.core.errors import Conflict, InvalidInput, NotFound
from tuntas.notify.models import OutboxMessage


def test_reply_when_not_satisfied_sends_the_handling_back_to_work(answered):
    s, opd = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Lubangnya masih ada.")
    opd = reload(opd)
    assert (opd.state, opd.is_open) == ("diproses", True)
    last = transitions_of(opd)[-1]
    assert (last.payload["transition"], last.actor_kind, last.message) == (
        "tanggapi_jawaban",
        "pelapor",
        "Lubangnya masih ada.",
    )


def test_accepting_the_answer_closes_the_complaint_with_its_closure_reason(answered):
    s, opd = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    complaint = reload(s.complaint)
    assert (complaint.status, complaint.closure_reason) == (Complaint.Status.CLOSED, "selesai")
    assert complaint.closed_at is not None
    assert complaint.events.filter(kind=Event.Kind.CLOSED).count() == 1


def test_accepting_before_any_answer_is_a_conflict(submit, dispose):
    s = submit()
    dispose(s.complaint)
    with pytest.raises(Conflict):
        services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)


def test_reply_without_a_message_is_invalid(answered):
    s, _ = answered()
    with pytest.raises(InvalidInput) as exc:
        services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="  ")
    assert "message" in exc.value.errors


def test_reply_with_a_wrong_secret_is_not_found_and_writes_nothing(answered):
    s, _ = answered()
    before = row_counts()
    with pytest.raises(NotFound):
        services.reporter_reply(code=s.complaint.tracking_code, secret="2222-2222-22", message="Halo.")
    assert row_counts() == before


def test_reply_keeps_the_reporters_photo_without_exif(answered):
    s, _ = answered()
    event = services.reporter_reply(
        code=s.complaint.tracking_code,
        secret=s.secret,
        message="Foto terbaru.",
        files=(("a.jpg", jpeg_with_exif()),),
    )
    attachment = Attachment.objects.get(event=event)
    assert (attachment.from_reporter, attachment.identifying) == (True, False)
    assert attachment in selectors.reporter_attachments(s.complaint)


def test_reporters_own_reply_is_not_emailed_back_to_them(answered):
    s, _ = answered()
    before = OutboxMessage.objects.count()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Masih berlubang.")
    assert OutboxMessage.objects.count() == before


def test_reply_to_a_closed_complaint_is_a_conflict(answered):
    s, _ = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    with pytest.raises(Conflict):
        services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Satu lagi.")


def test_withdrawal_closes_every_open_handling_and_marks_the_complaint_withdrawn(submit, dispose, directory):
    s = submit()
    opd = dispose(s.complaint)
    # A parallel handling, as when the Inspektorat examines the same complaint alongside the OPD.
    parallel = services.handling_open(
        complaint=s.complaint, organisation=directory.inspektorat, actor=services.Actor(kind="sistem")
    )
    services.reporter_withdraw(
        code=s.complaint.tracking_code, secret=s.secret, reason="Sudah diperbaiki warga."
    )
    complaint = reload(s.complaint)
    assert (complaint.status, complaint.closure_reason) == (Complaint.Status.WITHDRAWN, "dicabut")
    for h in (reload(opd), reload(parallel)):
        assert (h.state, h.is_open, h.closure_reason, h.due_date) == ("dicabut", False, "dicabut", None)
    assert (
        handling_at(complaint, directory.coordinator).state == "didisposisikan"
    )  # already closed: untouched
    assert complaint.events.filter(kind=Event.Kind.WITHDRAWN).count() == 1


def test_withdrawing_twice_is_a_conflict(submit):
    s = submit()
    services.reporter_withdraw(code=s.complaint.tracking_code, secret=s.secret)
    with pytest.raises(Conflict):
        services.reporter_withdraw(code=s.complaint.tracking_code, secret=s.secret)


def test_closed_complaint_is_rated_once(answered):
    s, _ = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=5, comment="Terima kasih.")
    complaint = reload(s.complaint)
    assert (complaint.rating, complaint.rating_comment) == (5, "Terima kasih.")
    assert complaint.events.filter(kind=Event.Kind.RATED).count() == 1


def test_second_rating_is_a_conflict(answered):
    s, _ = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=5)
    with pytest.raises(Conflict):
        services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=1)
    assert reload(s.complaint).rating == 5


def test_withdrawn_complaint_cannot_be_rated(submit):
    s = submit()
    services.reporter_withdraw(code=s.complaint.tracking_code, secret=s.secret)
    with pytest.raises(Conflict):
        services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=3)


@pytest.mark.parametrize("rating", [0, 6, "lima", None])
def test_rating_outside_one_to_five_is_invalid(answered, rating):
    s, _ = answered()
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    with pytest.raises(InvalidInput) as exc:
        services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=rating)
    assert "rating" in exc.value.errors


def test_public_status_offers_accepting_only_while_answered(answered, directory):
    s, opd = answered()
    assert selectors.public_status(s.complaint).can_accept
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Belum.")
    assert not selectors.public_status(reload(s.complaint)).can_accept
    act(directory.petugas_pupr, opd, "jawab", jawaban="Sudah.")
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="", accept=True)
    status = selectors.public_status(reload(s.complaint))
    assert (status.can_rate, status.can_reply, status.can_withdraw) == (True, False, False)


# -- the reporter token (what the portal keeps in its session instead of the secret) ---------------------


def test_reporter_token_acts_like_the_secret(answered):
    s, opd = answered()
    token = services.reporter_token(s.complaint)
    assert s.secret not in token
    services.reporter_reply(code=s.complaint.tracking_code, token=token, message="", accept=True)
    assert reload(s.complaint).status == Complaint.Status.CLOSED


def test_reporter_token_expires(submit):
    s = submit()
    token = services.reporter_token(s.complaint)
    assert services.complaint_by_token(s.complaint.tracking_code, token) == s.complaint
    with pytest.raises(NotFound):
        services.complaint_by_token(s.complaint.tracking_code, token, max_age=-1)


def test_reporter_token_of_one_complaint_does_not_open_another(submit):
    first, second = submit(), submit()
    token = services.reporter_token(first.complaint)
    with pytest.raises(NotFound):
        services.complaint_by_token(second.complaint.tracking_code, token)
    with pytest.raises(NotFound):
        services.reporter_withdraw(code=second.complaint.tracking_code, token=token)
    assert reload(second.complaint).status == Complaint.Status.OPEN


def test_forged_reporter_token_is_refused(submit):
    s = submit()
    pk_part = f"{s.complaint.pk}:{'0' * 32}"
    for token in ("", "garbage", f"{pk_part}:1abc:forged", services.reporter_token(s.complaint) + "x"):
        with pytest.raises(NotFound):
            services.complaint_by_token(s.complaint.tracking_code, token)
