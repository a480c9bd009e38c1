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
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted

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


def test_a_complaint_about_the_inspektorat_is_not_disposed_to_it(submit, dispose, directory):
    # It would leave the Inspektorat blind (the terlapor never sees the identity) and in charge.
    complaint = submit(reported_organisation="inspektorat-kotabaru").complaint
    with pytest.raises(InvalidInput, match="pihak yang diadukan"):
        dispose(complaint, to=directory.inspektorat)
    assert not access.can_see_identity(directory.auditor, complaint)
    assert access.can_see_identity(directory.koordinator, complaint)  # not about the coordinator


def test_a_work_unit_still_handles_complaints_about_itself(submit, dispose, directory):
    complaint = submit(reported_organisation="dinas-pupr").complaint
    assert dispose(complaint).organisation == directory.pupr


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


# --- the rule as staff read it ---------------------------------------------------------------------------


@pytest.fixture
def at_ombudsman(submit, directory):
    """A confidential complaint about PUPR filed at the Ombudsman's own desk."""
    directory.ombudsman.accepts_complaints = True
    directory.ombudsman.save(update_fields=["accepts_complaints"])

    def _at_ombudsman() -> Complaint:
        return submit(reported_organisation="dinas-pupr", intake_organisation="ombudsman-kalsel").complaint

    return _at_ombudsman


def _listed(rule: access.IdentityRule, org, role: str) -> bool:  # noqa: ANN001
    from tuntas.directory.models import Role

    return any(kind == org.kind.name and str(Role(role).label) in roles for kind, roles in rule.kinds)


@pytest.mark.parametrize("route", ["inspektorat", "ombudsman"])
def test_the_rule_the_page_states_is_the_rule_the_server_applies(
    submit, dispose, directory, at_ombudsman, route
):
    """For every role at every organisation handling a confidential complaint, the sentence lists that role
    under that kind of organisation exactly when someone holding only that membership may open it."""
    from tuntas.directory.models import Role

    if route == "inspektorat":
        complaint = submit(reported_organisation="dinas-pupr").complaint
        dispose(complaint, to=directory.inspektorat)
    else:
        complaint = at_ombudsman()
    orgs = {h.organisation for h in complaint.handlings.select_related("organisation__kind")}
    for org in orgs:
        for role in Role.values:
            user = member(UserFactory(), org, role)
            rule = access.identity_rule(user, complaint)
            may = access.can_see_identity(user, complaint)
            assert rule.viewer_may == may, (org.slug, role)
            assert _listed(rule, org, role) == may, (org.slug, role)


def test_the_asisten_ombudsman_opens_a_confidential_identity_a_coordinators_petugas_does_not(
    submit, directory, at_ombudsman
):
    complaint = at_ombudsman()
    asisten = member(UserFactory(username="asisten.saja"), directory.ombudsman, "petugas")
    assert access.can_see_identity(asisten, complaint)
    petugas = member(UserFactory(username="petugas.kominfo"), directory.coordinator, "petugas")
    other = submit().complaint
    assert not access.can_see_identity(petugas, other)
    rule = access.identity_rule(petugas, other)
    assert rule.viewer_roles == ((directory.coordinator.name, ("Petugas",)),)
    assert not rule.viewer_may and not rule.viewer_is_terlapor


def test_a_kinds_identity_roles_are_data(directory, at_ombudsman):
    complaint = at_ombudsman()
    asisten = member(UserFactory(username="asisten.saja"), directory.ombudsman, "petugas")
    kind = directory.ombudsman.kind
    kind.confidential_identity_roles = "pimpinan"
    kind.save()
    asisten = type(asisten).objects.get(pk=asisten.pk)
    assert not access.can_see_identity(asisten, complaint)
    complaint = Complaint.objects.get(pk=complaint.pk)
    assert dict(access.identity_rule(asisten, complaint).kinds)[kind.name] == ("Pimpinan",)


def test_unknown_roles_are_refused_in_a_kind(directory):
    from django.core.exceptions import ValidationError

    kind = directory.ombudsman.kind
    kind.confidential_identity_roles = "pimpinan,asisten"
    with pytest.raises(ValidationError, match="asisten"):
        kind.full_clean()


@pytest.mark.parametrize(
    ("privacy", "visibility", "who"),
    [
        (Complaint.Privacy.PUBLIC, Event.Visibility.INTERNAL, "staff"),
        (Complaint.Privacy.PUBLIC, Event.Visibility.REPORTER, "reporter"),
        (Complaint.Privacy.PUBLIC, Event.Visibility.PUBLIC, "public"),
        (Complaint.Privacy.CONFIDENTIAL, Event.Visibility.PUBLIC, "reporter_public_status"),
        (Complaint.Privacy.ANONYMOUS, Event.Visibility.PUBLIC, "reporter_public_status"),
        (Complaint.Privacy.ANONYMOUS, Event.Visibility.INTERNAL, "staff"),
    ],
)
def test_audience_of_an_event_follows_privacy_and_visibility(privacy, visibility, who):
    assert access.audience(Complaint(privacy=privacy), visibility) == who
