"""Signed webhooks (issue 12): an organisation's subscription receives its events' payloads through the outbox,
signed over timestamp + body (checked here with an HMAC written out from SHA-256 alone, not our code), only for
complaints it handles, with no confidential reporter identity, never for internal events, and nothing queued
when the write rolls back."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.db import transaction

from tests.complaints.conftest import act, handling_at
from tests.factories import UserFactory, member
from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.interop import services_webhooks as hooks
from tuntas.interop.models import WebhookDelivery
from tuntas.notify.delivery import deliver_due
from tuntas.notify.models import OutboxMessage

pytestmark = pytest.mark.django_db

ALL = ["complaint.received", "complaint.status_changed", "complaint.message_sent", "complaint.closed"]


def rfc2104_hmac_sha256(key: bytes, message: bytes) -> str:
    """HMAC as RFC 2104 writes it, from SHA-256 alone: an implementation independent of ``hmac``."""
    block = 64
    if len(key) > block:
        key = hashlib.sha256(key).digest()
    key = key.ljust(block, b"\0")
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key) + message).digest()
    return hashlib.sha256(bytes(k ^ 0x5C for k in key) + inner).hexdigest()


def verified(request, secret: str) -> dict:  # noqa: ANN001
    """What a receiver does: recompute the signature over "<timestamp>." + body, then read the JSON."""
    timestamp = request.headers["x-tuntas-timestamp"]
    expected = "sha256=" + rfc2104_hmac_sha256(secret.encode(), timestamp.encode() + b"." + request.body)
    assert request.headers["x-tuntas-signature"] == expected
    return json.loads(request.body)


@pytest.fixture
def subscribe(directory, receiver):  # noqa: ANN001
    def _subscribe(org=None, types=ALL, user=None):  # noqa: ANN001, ANN202
        org = org or directory.pupr
        return hooks.subscription_create(
            actor=user or directory.kadis_pupr,
            organisation_id=org.pk,
            name="Dasbor PUPR",
            url=receiver.url + "/hook",
            event_types=list(types),
        )

    return _subscribe


def test_the_unit_receives_its_complaint_and_its_answer_signed(
    directory, submit, dispose, subscribe, receiver
):
    sub = subscribe()
    c = submit().complaint
    h = dispose(c)
    act(directory.petugas_pupr, h, "jawab", jawaban="Lubang sudah ditambal.")
    services.comment_add(actor=directory.petugas_pupr, handling_id=h.pk, text="Catatan internal saja.")
    deliver_due()

    bodies = [verified(r, sub.secret) for r in receiver.requests]
    assert [b["type"] for b in bodies] == ["complaint.received", "complaint.status_changed"]
    received, answered = bodies
    assert received["version"] == 1 and received["organisation"] == "dinas-pupr"
    assert received["complaint"]["tracking_code"] == c.tracking_code
    assert received["complaint"]["url"].endswith(f"/console/pengaduan/{c.pk}/")
    assert answered["event"]["message"] == "Lubang sudah ditambal."
    assert answered["event"]["transition"] == "jawab" and answered["handling"]["state"] == "dijawab"
    assert answered["id"] != received["id"]
    assert all("Catatan internal" not in r.body.decode() for r in receiver.requests)  # notes stay inside
    assert WebhookDelivery.objects.filter(subscription=sub).count() == 2
    assert all(d.message.status == OutboxMessage.Status.SENT for d in WebhookDelivery.objects.all())


@pytest.mark.parametrize("privacy", [Complaint.Privacy.CONFIDENTIAL, Complaint.Privacy.ANONYMOUS])
def test_no_identity_of_a_confidential_or_anonymous_reporter_in_a_payload(
    directory,
    submit,
    dispose,
    subscribe,
    receiver,
    privacy,
):
    subscribe()
    dispose(submit(privacy=privacy).complaint)
    deliver_due()
    [request] = receiver.requests
    assert "reporter" not in request.json()
    text = request.body.decode()
    for secret_part in ("Siti", "6302", "0812", "@"):
        assert secret_part not in text


def test_a_public_complaint_names_its_reporter_and_nothing_more(
    directory, submit, dispose, subscribe, receiver
):
    subscribe()
    c = submit(privacy=Complaint.Privacy.PUBLIC).complaint
    dispose(c)
    deliver_due()
    [request] = receiver.requests
    assert request.json()["reporter"] == {"name": c.identity.name}
    assert c.identity.email not in request.body.decode() and c.identity.phone not in request.body.decode()


def test_only_organisations_that_handle_the_complaint_hear_of_it(
    directory, submit, dispose, subscribe, receiver
):
    kadis_disdik = member(UserFactory(username="kadis.disdik"), directory.disdik, "pimpinan")
    subscribe(org=directory.disdik, user=kadis_disdik)  # not handling it: hears nothing
    kepala = member(UserFactory(username="kepala.kominfo"), directory.coordinator, "pimpinan")
    subscribe(
        org=directory.coordinator, user=kepala, types=["complaint.received", "complaint.status_changed"]
    )
    subscribe(types=["complaint.received"])
    c = submit().complaint
    h = dispose(c)
    act(directory.petugas_pupr, h, "jawab", jawaban="Sudah ditambal.")
    deliver_due()
    heard = sorted((r.json()["organisation"], r.json()["type"]) for r in receiver.requests)
    assert heard == [
        ("dinas-pupr", "complaint.received"),  # its own handling opened
        ("koordinator-kotabaru", "complaint.received"),  # intake at the coordinator
        ("koordinator-kotabaru", "complaint.status_changed"),  # the coordinator's verification
        (
            "koordinator-kotabaru",
            "complaint.status_changed",
        ),  # PUPR's answer: the coordinator handled this complaint
    ]


def test_a_write_that_rolls_back_queues_no_payload(directory, submit, subscribe):
    subscribe(types=["complaint.received"])
    c = submit().complaint
    with pytest.raises(RuntimeError), transaction.atomic():
        act(
            directory.koordinator,
            handling_at(c, directory.coordinator),
            "verifikasi",
            target=directory.pupr.pk,
        )
        assert WebhookDelivery.objects.count() == 1  # queued with the event, inside the transaction
        raise RuntimeError("the write fails after the event")
    assert (
        WebhookDelivery.objects.count() == 0 and not OutboxMessage.objects.filter(channel="webhook").exists()
    )


def test_subscriptions_are_checked(directory, receiver):
    def create(**kw):  # noqa: ANN003, ANN202
        values = {"actor": directory.kadis_pupr, "organisation_id": directory.pupr.pk, "name": "x"}
        values.update({"url": receiver.url, "event_types": ["complaint.closed"], **kw})
        return hooks.subscription_create(**values)

    with pytest.raises(InvalidInput) as bad_type:
        create(event_types=["complaint.whatever"])
    assert "complaint.whatever" in bad_type.value.errors["event_types"]
    with pytest.raises(InvalidInput) as plain_http:
        create(url="http://dasbor.contoh.id/hook")
    assert "https" in plain_http.value.errors["url"]
    with pytest.raises(NotPermitted):
        create(actor=directory.petugas_pupr)
    with pytest.raises(NotPermitted):
        create(actor=directory.kadis_pupr, organisation_id=directory.disdik.pk)
    assert create(url="https://dasbor.contoh.id/hook").secret


def test_a_rotated_key_signs_what_is_still_waiting_and_a_switched_off_one_sends_nothing(
    directory,
    submit,
    dispose,
    subscribe,
    receiver,
):
    sub = subscribe(types=["complaint.received"])
    dispose(submit().complaint)
    old = sub.secret
    sub = hooks.subscription_rotate_secret(actor=directory.kadis_pupr, subscription_id=sub.pk)
    assert sub.secret != old
    deliver_due()
    verified(receiver.requests[0], sub.secret)

    hooks.subscription_update(
        actor=directory.kadis_pupr,
        subscription_id=sub.pk,
        url=sub.url,
        event_types=sub.event_types,
        is_active=False,
    )
    hooks.send_test(actor=directory.kadis_pupr, subscription_id=sub.pk)
    assert deliver_due().failed == 1 and len(receiver.requests) == 1


def test_a_test_event_and_a_replay_carry_the_same_envelope(directory, subscribe, receiver):
    sub = subscribe()
    first = hooks.send_test(actor=directory.kadis_pupr, subscription_id=sub.pk)
    deliver_due()
    again = hooks.replay(actor=directory.kadis_pupr, delivery_id=first.pk)
    deliver_due()
    one, two = (verified(r, sub.secret) for r in receiver.requests)
    assert one == two and one["type"] == "tuntas.test" and one["id"] == str(first.uuid)
    assert again.replay_of == first and again.message_id != first.message_id
    with pytest.raises(NotFound):
        hooks.replay(actor=directory.petugas_disdik, delivery_id=first.pk)
