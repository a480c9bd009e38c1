"""The "who was trained and where complaints fell after" report: which organisations appear, the windows, the
counts (terlapor or handled, complaints only, each complaint once) and the order."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from tests.cooperation.conftest import TODAY
from tuntas.complaints.models import Complaint, Handling
from tuntas.cooperation import selectors, services

DAY = dt.timedelta(days=1)
_codes = itertools.count(1)


@pytest.fixture
def complaint(directory, workflows):
    """``complaint(day, about=org, handled_by=[orgs], classification=...)`` -> a Complaint submitted that day."""
    workflow = next(iter(workflows.values()))

    def _make(day, about=None, handled_by=(), classification="pengaduan"):  # noqa: ANN001, ANN202
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))
        c = Complaint.objects.create(
            tracking_code=f"KTB-T{next(_codes):04d}",
            secret_hash="x",
            title="Pengaduan uji",
            description="uraian",
            classification=classification,
            reported_organisation=about,
            intake_organisation=directory.coordinator,
            submitted_at=at,
        )
        for org in handled_by:
            Handling.objects.create(
                complaint=c, organisation=org, workflow=workflow, state="baru", opened_at=at
            )
        return c

    return _make


@pytest.fixture
def trained(directory, agreement, frozen):
    """PUPR (3 came) at a Bimtek on TODAY-40 .. TODAY-39; Disdik invited but nobody came."""
    training = services.training_create(
        actor=directory.asisten,
        agreement_id=agreement.pk,
        kind_code="bimtek",
        title="Bimtek penanganan pengaduan",
        starts_on=TODAY - 40 * DAY,
        ends_on=TODAY - 39 * DAY,
        organiser_id=directory.ombudsman.pk,
    )
    pupr = services.training_participants_set(
        actor=directory.asisten, training_id=training.pk, organisation_id=directory.pupr.pk, invited=3
    )
    disdik = services.training_participants_set(
        actor=directory.asisten, training_id=training.pk, organisation_id=directory.disdik.pk, invited=2
    )
    services.training_attendance_record(
        actor=directory.asisten, training_id=training.pk, counts={pupr.pk: 3, disdik.pk: 0}
    )
    return training


def test_only_organisations_whose_participants_came_are_listed(directory, agreement, trained):
    rows = selectors.training_impact(agreement, wanted_days=30, today=TODAY)
    assert [r.organisation for r in rows] == [directory.pupr]


def test_counts_before_and_after_the_first_training(directory, agreement, trained, complaint):
    start, end = TODAY - 40 * DAY, TODAY - 39 * DAY
    complaint(start - 60 * DAY, about=directory.pupr)  # opens the data: windows are limited to 30 days anyway
    for days in (1, 5, 30):
        complaint(start - days * DAY, about=directory.pupr)  # before: 3
    complaint(start - 31 * DAY, about=directory.pupr)  # outside the 30-day window
    complaint(start, about=directory.pupr)  # training days count in neither window
    complaint(end, about=directory.pupr)
    complaint(end + DAY, handled_by=[directory.pupr])  # after: handled, no terlapor named
    complaint(end + 2 * DAY, about=directory.disdik)  # another organisation
    complaint(end + 3 * DAY, about=directory.pupr, classification="aspirasi")  # not a complaint
    complaint(end + 4 * DAY, about=directory.pupr, handled_by=[directory.pupr, directory.coordinator])  # once
    [row] = selectors.training_impact(agreement, wanted_days=30, today=TODAY)
    assert row.windows.days == 30
    assert (row.change.before, row.change.after) == (3, 2)


def test_windows_stop_at_the_first_recorded_complaint(directory, agreement, trained, complaint):
    complaint(TODAY - 50 * DAY, about=directory.disdik)  # the first complaint in the system
    [row] = selectors.training_impact(agreement, wanted_days=90, today=TODAY)
    assert row.windows.days == 10


def test_rows_are_sorted_by_change_largest_fall_first(directory, agreement, trained, complaint, frozen):
    second = services.training_create(
        actor=directory.asisten,
        agreement_id=agreement.pk,
        kind_code="sosialisasi",
        title="Sosialisasi",
        starts_on=TODAY - 40 * DAY,
        organiser_id=directory.ombudsman.pk,
    )
    desa = services.training_participants_set(
        actor=directory.asisten, training_id=second.pk, organisation_id=directory.desa.pk, invited=2
    )
    services.training_attendance_record(actor=directory.asisten, training_id=second.pk, counts={desa.pk: 2})
    complaint(TODAY - 100 * DAY, about=directory.disdik)
    for days in (2, 3, 4):
        complaint(TODAY - (40 + days) * DAY, about=directory.desa)  # the desa falls from 3 to 0
    complaint(TODAY - 35 * DAY, about=directory.pupr)  # PUPR rises from 0 to 1
    rows = selectors.training_impact(agreement, wanted_days=30, today=TODAY)
    assert [(r.organisation, r.change.delta) for r in rows] == [(directory.desa, -3), (directory.pupr, 1)]


def test_counting_takes_one_query_for_many_organisations(
    directory, agreement, trained, complaint, django_assert_max_num_queries
):
    complaint(TODAY - 100 * DAY, about=directory.pupr)
    with django_assert_max_num_queries(4):  # trained organisations, first complaint, the counts
        selectors.training_impact(agreement, wanted_days=30, today=TODAY)


def test_public_summary_counts_trainings_held_and_organisations_reached(directory, agreement, trained):
    [summary] = selectors.public_summaries(TODAY)
    assert summary.trainings_held == 1 and summary.organisations_reached == 1 and summary.participants == 3
    assert summary.by_kind_year == [("Bimbingan teknis (Bimtek)", TODAY.year, 1)]
