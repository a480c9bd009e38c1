"""The console page of an organisation's webhooks (issue 12): its admin or pimpinan adds a receiver, sees the
key and the deliveries, sends a test event and replays one; nobody else can see or touch it."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory, member
from tuntas.interop.models import WebhookDelivery, WebhookSubscription

pytestmark = pytest.mark.django_db

URL = "https://dasbor.contoh.id/tuntas"


def html(response) -> str:  # noqa: ANN001
    return response.content.decode()


def _add(client, directory, **overrides):  # noqa: ANN001, ANN003, ANN202
    data = {
        "organisation": directory.pupr.pk,
        "name": "Dasbor PUPR",
        "url": URL,
        "event_types": ["complaint.received", "complaint.closed"],
    }
    data.update(overrides)
    return client.post("/console/webhook/", data)


def test_the_pimpinan_adds_a_receiver_and_sees_its_key(directory, login):
    kadis = login(directory.kadis_pupr)
    assert "/console/webhook/" in html(kadis.get("/console/"))  # in the menu
    response = _add(kadis, directory)
    sub = WebhookSubscription.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/console/webhook/{sub.pk}/"
    assert (sub.organisation, sub.url, sub.event_types) == (
        directory.pupr,
        URL,
        ["complaint.closed", "complaint.received"],
    )
    page = kadis.get(response["Location"])
    assert sub.secret in html(page) and "no-store" in page["Cache-Control"]


def test_a_plain_http_address_is_refused_on_its_field(directory, login):
    response = _add(login(directory.kadis_pupr), directory, url="http://dasbor.contoh.id/hook")
    assert response.status_code == 422
    assert "https://" in html(response) and "errorlist" in html(response)
    assert not WebhookSubscription.objects.exists()


def test_a_petugas_and_another_unit_cannot_see_or_touch_it(directory, login):
    _add(login(directory.kadis_pupr), directory)
    sub = WebhookSubscription.objects.get()
    petugas = login(directory.petugas_pupr)
    assert "/console/webhook/" not in html(petugas.get("/console/"))
    assert petugas.get("/console/webhook/").status_code == 403
    assert petugas.get(f"/console/webhook/{sub.pk}/").status_code == 404
    other = login(member(UserFactory(username="kadis.disdik"), directory.disdik, "pimpinan"))
    assert other.get(f"/console/webhook/{sub.pk}/").status_code == 404
    assert other.post(f"/console/webhook/{sub.pk}/", {"action": "rotate"}).status_code == 404
    assert sub.secret not in html(other.get("/console/webhook/"))
    assert WebhookSubscription.objects.get().secret == sub.secret


def test_a_test_event_is_listed_and_can_be_sent_again(directory, login):
    kadis = login(directory.kadis_pupr)
    _add(kadis, directory)
    sub = WebhookSubscription.objects.get()
    kadis.post(f"/console/webhook/{sub.pk}/", {"action": "test"})
    [delivery] = WebhookDelivery.objects.all()
    page = html(kadis.get(f"/console/webhook/{sub.pk}/"))
    assert f'data-delivery="{delivery.pk}"' in page and "tuntas.test" in page
    kadis.post(f"/console/webhook/{sub.pk}/", {"action": "replay", "delivery": delivery.pk})
    replay = WebhookDelivery.objects.exclude(pk=delivery.pk).get()
    assert replay.replay_of == delivery and replay.uuid == delivery.uuid


def test_switching_off_and_rotating(directory, login):
    kadis = login(directory.kadis_pupr)
    _add(kadis, directory)
    sub = WebhookSubscription.objects.get()
    kadis.post(
        f"/console/webhook/{sub.pk}/",
        {"action": "update", "url": URL, "event_types": ["complaint.closed"]},  # "Aktif" unticked
    )
    kadis.post(f"/console/webhook/{sub.pk}/", {"action": "rotate"})
    fresh = WebhookSubscription.objects.get()
    assert not fresh.is_active and fresh.event_types == ["complaint.closed"] and fresh.secret != sub.secret
