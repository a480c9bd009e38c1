"""The coordinator's draft list and page: the sender (identity data) shows only to identity roles; the
petugas sees the draft but not who sent it; a superuser as such sees no sender; others get nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.channels.test_email_intake import SENTINEL, _mail
from tests.factories import UserFactory, member
from tuntas.channels import services
from tuntas.channels.models import ChannelDraft
from tuntas.complaints.models import Complaint


def _client(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def draft(settings, directory):
    settings.TUNTAS_MAILBOX_ORGANISATION = directory.coordinator.slug
    services.email_ingest(_mail())
    return ChannelDraft.objects.get()


def test_coordinator_sees_the_sender_in_list_and_page(directory, draft):
    c = _client(directory.koordinator)
    assert SENTINEL in c.get("/console/kanal/draf/").content.decode()
    assert SENTINEL in c.get(f"/console/kanal/draf/{draft.pk}/").content.decode()


@pytest.mark.parametrize("who", ["petugas", "superuser"])
def test_roles_without_identity_rights_see_the_draft_not_the_sender(directory, draft, who):
    if who == "petugas":
        user = member(UserFactory(username="petugas.koordinator"), directory.coordinator, "petugas")
    else:
        user = UserFactory(username="root", is_superuser=True, is_staff=True)
    c = _client(user)
    listing = c.get("/console/kanal/draf/").content.decode()
    page = c.get(f"/console/kanal/draf/{draft.pk}/").content.decode()
    assert "Jalan rusak di Sigam" in listing
    assert SENTINEL not in listing and SENTINEL not in page
    assert "Budi Santoso" not in listing and "Budi Santoso" not in page


@pytest.mark.parametrize("who", ["viewer", "petugas_pupr", "auditor"])
def test_other_units_and_viewers_get_no_drafts(directory, draft, who):
    c = _client(getattr(directory, who))
    assert SENTINEL not in c.get("/console/kanal/draf/").content.decode()
    assert "Jalan rusak di Sigam" not in c.get("/console/kanal/draf/").content.decode()
    assert c.get(f"/console/kanal/draf/{draft.pk}/").status_code == 404


def test_coordinator_submits_from_the_page(directory, draft):
    c = _client(directory.koordinator)
    response = c.post(
        f"/console/kanal/draf/{draft.pk}/",
        {
            "action": "submit",
            "title": "Jalan rusak di Sigam",
            "description": draft.description,
            "sender_name": "Budi Santoso",
            "privacy": "confidential",
            "version": draft.version,
        },
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.identity.email == SENTINEL


def test_a_bad_field_is_shown_and_nothing_is_written(directory, draft):
    c = _client(directory.koordinator)
    response = c.post(
        f"/console/kanal/draf/{draft.pk}/",
        {
            "action": "submit",
            "title": "Jalan",
            "description": "pendek",
            "privacy": "confidential",
            "version": draft.version,
        },
    )
    assert response.status_code == 200
    assert Complaint.objects.count() == 0
    draft.refresh_from_db()
    assert draft.status == "draft"
