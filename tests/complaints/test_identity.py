"""Who may see the reporter's identity (access.py), and what seeing it records.

confidential: identity roles in an organisation kind with sees_confidential_identity that handles the
complaint and is neither the reported organisation nor under it; public: working roles of handling
organisations; anonymous: nobody (nothing is stored).
"""

from __future__ import annotations

import pytest

from tests.complaints.conftest import jpeg_with_exif, pdf_with_author
from tests.factories import UserFactory, member
from tuntas.complaints import access, selectors, services
from tuntas.complaints.models import Complaint, Event
from tuntas.core.errors import NotFound, NotPermitted

CONFIDENTIAL, PUBLIC, ANONYMOUS = (
    Complaint.Privacy.CONFIDENTIAL,
    Complaint.Privacy.PUBLIC,
    Complaint.Privacy.ANONYMOUS,
)


@pytest.fixture
def at_pupr(submit, dispose):
    """A complaint the coordinator has disposed to Dinas PUPR."""

    def _at_pupr(privacy: str = CONFIDENTIAL, **overrides: object) -> Complaint:
        complaint = submit(privacy=privacy, **overrides).complaint
        dispose(complaint)
        return complaint

    return _at_pupr


def test_confidential_identity_visible_to_the_coordinator_handling_it(at_pupr, directory):
    assert access.can_see_identity(directory.koordinator, at_pupr(CONFIDENTIAL))


def test_confidential_identity_hidden_from_the_opd_handling_it(at_pupr, directory):
    complaint = at_pupr(CONFIDENTIAL)
    assert not access.can_see_identity(directory.petugas_pupr, complaint)
    assert not access.can_see_identity(directory.kadis_pupr, complaint)  # pimpinan, but of a work unit


def test_confidential_identity_hidden_from_a_coordinator_under_the_reported_organisation(at_pupr, directory):
    complaint = at_pupr(CONFIDENTIAL, reported_organisation="pemkab-kotabaru")
    assert not access.can_see_identity(directory.koordinator, complaint)


def test_confidential_identity_hidden_from_the_reported_organisation_itself(submit, dispose, directory):
    complaint = submit(reported_organisation="inspektorat-kotabaru").complaint
    dispose(complaint, to=directory.inspektorat)
    assert not access.can_see_identity(directory.auditor, complaint)
    assert access.can_see_identity(directory.koordinator, complaint)  # not about the coordinator


def test_confidential_identity_visible_to_the_inspektorat_handling_it(submit, dispose, directory):
    complaint = submit(reported_organisation="dinas-pupr").complaint
    dispose(complaint, to=directory.inspektorat)
    assert access.can_see_identity(directory.auditor, complaint)
    assert access.can_see_identity(directory.inspektur, complaint)


def test_confidential_identity_hidden_from_an_oversight_body_not_handling_it(at_pupr, directory):
    assert not access.can_see_identity(directory.auditor, at_pupr(CONFIDENTIAL))


def test_confidential_identity_hidden_from_a_petugas_of_the_coordinator(at_pupr, directory):
    petugas = member(UserFactory(username="petugas.kominfo"), directory.coordinator, "petugas")
    assert not access.can_see_identity(petugas, at_pupr(CONFIDENTIAL))


@pytest.mark.parametrize("privacy", [CONFIDENTIAL, PUBLIC])
def test_viewer_never_sees_the_identity(at_pupr, directory, privacy):
    assert not access.can_see_identity(directory.viewer, at_pupr(privacy))


def test_public_identity_visible_to_working_roles_of_handling_organisations(at_pupr, directory):
    complaint = at_pupr(PUBLIC)
    assert access.can_see_identity(directory.petugas_pupr, complaint)
    assert access.can_see_identity(directory.koordinator, complaint)


def test_public_identity_hidden_from_organisations_not_handling_it(at_pupr, directory):
    assert not access.can_see_identity(directory.petugas_disdik, at_pupr(PUBLIC))


def test_anonymous_identity_visible_to_nobody(at_pupr, directory):
    complaint = at_pupr(ANONYMOUS)
    superuser = UserFactory(username="root", is_superuser=True)
    for user in (directory.koordinator, directory.petugas_pupr, superuser):
        assert not access.can_see_identity(user, complaint)


def test_viewing_a_confidential_identity_is_logged(at_pupr, directory):
    complaint = at_pupr(CONFIDENTIAL)
    identity = services.identity_view(actor=directory.koordinator, complaint_id=complaint.pk)
    assert identity.name == "Siti Aminah"
    logged = Event.objects.get(complaint=complaint, kind=Event.Kind.IDENTITY_VIEWED)
    assert (logged.actor, logged.visibility) == (directory.koordinator, Event.Visibility.INTERNAL)


def test_viewing_a_public_identity_is_not_logged(at_pupr, directory):
    complaint = at_pupr(PUBLIC)
    assert services.identity_view(actor=directory.petugas_pupr, complaint_id=complaint.pk).nik
    assert not Event.objects.filter(kind=Event.Kind.IDENTITY_VIEWED).exists()


def test_identity_view_refused_to_those_who_may_not_see_it(at_pupr, directory):
    complaint = at_pupr(CONFIDENTIAL)
    with pytest.raises(NotPermitted):
        services.identity_view(actor=directory.petugas_pupr, complaint_id=complaint.pk)
    assert not Event.objects.filter(kind=Event.Kind.IDENTITY_VIEWED).exists()


def test_identity_view_of_a_complaint_not_handled_by_the_user_is_not_found(at_pupr, directory):
    with pytest.raises(NotFound):
        services.identity_view(actor=directory.petugas_disdik, complaint_id=at_pupr(PUBLIC).pk)


def test_identity_view_of_an_anonymous_complaint_is_refused(at_pupr, directory):
    with pytest.raises(NotPermitted):
        services.identity_view(actor=directory.koordinator, complaint_id=at_pupr(ANONYMOUS).pk)


def test_identifying_attachments_hidden_from_those_who_may_not_see_the_identity(at_pupr, directory):
    complaint = at_pupr(
        CONFIDENTIAL,
        files=(("jalan.jpg", jpeg_with_exif()),),
        identity_files=(("ktp.pdf", pdf_with_author()),),
    )
    for_opd = list(selectors.staff_attachments(directory.petugas_pupr, complaint))
    for_coordinator = list(selectors.staff_attachments(directory.koordinator, complaint))
    assert [a.original_name for a in for_opd] == ["jalan.jpg"]
    assert sorted(a.original_name for a in for_coordinator) == ["jalan.jpg", "ktp.pdf"]


def test_identifying_attachments_never_shown_to_the_reporter_page(at_pupr):
    complaint = at_pupr(
        CONFIDENTIAL,
        files=(("jalan.jpg", jpeg_with_exif()),),
        identity_files=(("ktp.pdf", pdf_with_author()),),
    )
    assert [a.original_name for a in selectors.reporter_attachments(complaint)] == ["jalan.jpg"]


def test_superuser_without_membership_does_not_see_a_confidential_identity(at_pupr):
    superuser = UserFactory(username="root", is_superuser=True)
    assert not access.can_see_identity(superuser, at_pupr(CONFIDENTIAL))
