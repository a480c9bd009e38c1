"""Fixtures for requests between organisations: a confidential complaint filed with the Ombudsman about
Dinas PUPR (with an evidence photo and an identity document), the Pemkab's focal point, staff with emails
(so staff notifications are written), and signed-in console clients."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from tests.complaints.conftest import (  # noqa: F401 - fixtures
    NOW,
    WITA,
    _fast_passwords,
    _fresh_calendars,
    complaint_input,
    frozen,
    pdf_with_author,
    png_bytes,
)
from tests.factories import UserFactory, member
from tuntas.clarifications import services
from tuntas.clarifications.kinds import ensure_request_kinds
from tuntas.clarifications.models import InfoRequest, Routing
from tuntas.complaints import services as complaint_services
from tuntas.complaints.models import Complaint

REPORTER_NAME = "Siti Aminah"
REPORTER_EMAIL = "siti.aminah@example.id"
REPORTER_PHONE = "081251234567"
REPORTER_NIK = "6302011204880003"
IDENTITY_MARKERS = (REPORTER_NAME, REPORTER_EMAIL, REPORTER_PHONE, REPORTER_NIK)


@pytest.fixture(autouse=True)
def _kinds(db):
    # Transactional tests flush the rows the data migration seeded.
    ensure_request_kinds()


@pytest.fixture
def people(directory):
    """Everyone who takes part, with an email (staff notifications go to members with one)."""
    directory.focal = member(UserFactory(username="focal.kotabaru"), directory.pemkab, "focal_point")
    for user in (
        directory.focal,
        directory.asisten,
        directory.petugas_pupr,
        directory.kadis_pupr,
        directory.petugas_disdik,
        directory.koordinator,
        directory.auditor,
    ):
        user.email = f"{user.username}@kotabaru.example"
        user.save(update_fields=["email"])
    directory.ombudsman.accepts_complaints = True
    directory.ombudsman.save(update_fields=["accepts_complaints"])
    return directory


@pytest.fixture
def file_with_ombudsman(people, frozen) -> Callable[..., Complaint]:  # noqa: ANN001, F811
    """A complaint filed directly with the Ombudsman about Dinas PUPR: ``file_with_ombudsman(privacy=...)``."""

    def _file(**overrides: object) -> Complaint:
        values = {
            "intake_organisation": "ombudsman-kalsel",
            "reported_organisation": "dinas-pupr",
            "files": (("foto-jalan.png", png_bytes()),),
            "identity_files": (("ktp.pdf", pdf_with_author()),),
        }
        values.update(overrides)
        if values.get("privacy") == Complaint.Privacy.ANONYMOUS:
            values["identity_files"] = ()
        return complaint_services.complaint_submit(data=complaint_input(**values)).complaint

    return _file


@pytest.fixture
def complaint(file_with_ombudsman) -> Complaint:
    return file_with_ombudsman()


@pytest.fixture
def send(people, complaint) -> Callable[..., InfoRequest]:  # noqa: ANN001
    """The Ombudsman assistant asks the Pemkab focal point for a clarification (``send(days=5, ...)``)."""

    def _send(**overrides: object) -> InfoRequest:
        values = {
            "actor": people.asisten,
            "complaint_id": complaint.pk,
            "receiver_id": people.pemkab.pk,
            "kind": "klarifikasi",
            "subject": "Klarifikasi perbaikan jalan Sigam",
            "question": "Mohon penjelasan jadwal perbaikan jalan poros Sigam dan dokumen kontraknya.",
        }
        values.update(overrides)
        return services.request_send(**values)

    return _send


@pytest.fixture
def routed(send, people) -> tuple[InfoRequest, Routing]:
    request = send()
    (row,) = services.request_route(
        actor=people.focal,
        request_id=request.pk,
        organisation_ids=[people.pupr.pk],
        instruction="Mohon dijawab.",
    )
    return request, row


@pytest.fixture
def unit_answered(routed, people) -> tuple[InfoRequest, Routing]:
    request, row = routed
    services.routing_answer(
        actor=people.petugas_pupr,
        routing_id=row.pk,
        answer="Perbaikan dijadwalkan 10 Maret; kontrak terlampir.",
        files=(("kontrak.pdf", pdf_with_author()),),
    )
    request.refresh_from_db()
    row.refresh_from_db()
    return request, row


@pytest.fixture
def answered(unit_answered, people) -> InfoRequest:
    request, _row = unit_answered
    doc = request.documents.get(stage="unit")
    return services.request_reply(
        actor=people.focal,
        request_id=request.pk,
        reply="Jawaban Pemkab: perbaikan 10 Maret, kontrak terlampir.",
        document_ids=[doc.pk],
    )


def signed_in(user) -> Client:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c
