"""What staff see and may touch: visibility per organisation, the two timelines, notes and assignment, and the
inbox's query count."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at
from tuntas.complaints import access, selectors, services
from tuntas.complaints.models import Event, Handling
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.directory.models import User


def fresh(user: User) -> User:
    """The same user without per-request caches (organisation ids)."""
    return User.objects.get(pk=user.pk)


def test_opd_sees_only_its_own_handlings(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    assert list(access.visible_handlings(fresh(directory.petugas_pupr))) == [opd]
    assert list(access.visible_handlings(fresh(directory.koordinator))) == [
        handling_at(complaint, directory.coordinator)
    ]
    assert not access.visible_handlings(fresh(directory.petugas_disdik)).exists()


def test_complaint_visible_to_every_organisation_that_handles_or_handled_it(submit, dispose, directory):
    complaint = submit().complaint
    dispose(complaint)
    assert list(access.visible_complaints(fresh(directory.koordinator))) == [complaint]
    assert list(access.visible_complaints(fresh(directory.petugas_pupr))) == [complaint]
    assert not access.visible_complaints(fresh(directory.petugas_disdik)).exists()
    assert not access.visible_complaints(fresh(directory.auditor)).exists()


def test_handling_and_complaint_of_another_organisation_are_not_found(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    with pytest.raises(NotFound):
        selectors.handling_for(directory.petugas_disdik, opd.pk)
    with pytest.raises(NotFound):
        selectors.complaint_for(directory.petugas_disdik, complaint.pk)
    assert selectors.handling_for(directory.petugas_pupr, opd.pk) == opd


def test_reporter_timeline_never_contains_internal_events(submit, dispose, directory):
    s = submit()
    opd = dispose(s.complaint)
    services.comment_add(actor=directory.petugas_pupr, handling_id=opd.pk, text="Cek anggaran pemeliharaan.")
    services.handling_assign(
        actor=directory.kadis_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    services.identity_view(actor=directory.koordinator, complaint_id=s.complaint.pk)
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa?")
    act(directory.petugas_pupr, opd, "lanjutkan", catatan="Sudah ditemukan.")
    staff = list(selectors.staff_timeline(s.complaint))
    reporter = list(selectors.reporter_timeline(s.complaint))
    internal = [e for e in staff if e.visibility == Event.Visibility.INTERNAL]
    assert {e.kind for e in internal} >= {
        Event.Kind.COMMENTED,
        Event.Kind.ASSIGNED,
        Event.Kind.IDENTITY_VIEWED,
        Event.Kind.TRANSITIONED,
    }
    assert reporter and all(e.visibility != Event.Visibility.INTERNAL for e in reporter)
    assert not set(internal) & set(reporter)


def test_message_to_the_reporter_is_on_their_timeline(submit, dispose, directory):
    s = submit()
    opd = dispose(s.complaint)
    event = services.comment_add(
        actor=directory.petugas_pupr, handling_id=opd.pk, text="Tim kami ke lokasi besok.", to_reporter=True
    )
    assert event in selectors.reporter_timeline(s.complaint)


def test_note_on_a_handling_of_another_organisation_is_not_found(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        services.comment_add(actor=directory.petugas_disdik, handling_id=opd.pk, text="Halo.")


def test_viewer_may_not_write_notes(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)
    with pytest.raises(NotPermitted):
        services.comment_add(actor=directory.viewer, handling_id=handling.pk, text="Catatan.")


def test_petugas_may_take_a_handling_themselves(submit, dispose, directory):
    opd = dispose(submit().complaint)
    result = services.handling_assign(
        actor=directory.petugas_pupr, handling_id=opd.pk, assignee_id=directory.petugas_pupr.pk
    )
    assert result.assignee == directory.petugas_pupr


def test_petugas_may_not_assign_someone_else(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotPermitted):
        services.handling_assign(
            actor=directory.petugas_pupr, handling_id=opd.pk, assignee_id=directory.kadis_pupr.pk
        )


def test_assignee_must_be_a_member_of_the_handling_organisation(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(InvalidInput):
        services.handling_assign(
            actor=directory.kadis_pupr, handling_id=opd.pk, assignee_id=directory.petugas_disdik.pk
        )


def test_assigning_a_handling_of_another_organisation_is_not_found(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        services.handling_assign(
            actor=directory.petugas_disdik, handling_id=opd.pk, assignee_id=directory.petugas_disdik.pk
        )


def _inbox_page(user: User) -> list[tuple]:
    rows = selectors.inbox(user, selectors.InboxFilters())[:25]
    return [
        (
            h.complaint.tracking_code,
            h.complaint.category.name,
            h.complaint.region.name,
            h.organisation.name,
            h.assignee,
            h.workflow.slug,
            h.due_date,
        )
        for h in rows
    ]


@pytest.mark.parametrize("n", [3, 25])
def test_inbox_page_takes_a_fixed_number_of_queries(submit, directory, django_assert_max_num_queries, n):
    for _ in range(n):
        submit(intake_organisation="dinas-pupr")
    Handling.objects.update(assignee=directory.petugas_pupr)
    user = fresh(directory.petugas_pupr)
    with django_assert_max_num_queries(2):  # the user's organisations, then one query for the page
        page = _inbox_page(user)
    assert len(page) == n


def test_inbox_sorts_the_earliest_deadline_first(submit, directory, frozen):
    import datetime as dt

    first = submit(intake_organisation="dinas-pupr", category="jalan").complaint  # tier 5
    frozen(dt.timedelta(days=1))
    urgent = submit(intake_organisation="dinas-pupr", category="air-bersih").complaint  # tier 2
    rows = list(selectors.inbox(fresh(directory.petugas_pupr), selectors.InboxFilters()))
    assert [h.complaint for h in rows] == [urgent, first]
