"""The pure maths: an activity's displayed status and the before/after windows around a training."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuntas.cooperation.calc import MIN_WINDOW_DAYS, Change, display_status, windows_around

DAY = dt.timedelta(days=1)
D = dt.date(2026, 6, 10)


def test_unfinished_activity_past_its_due_date_is_terlambat():
    assert display_status("berjalan", D - DAY, D) == "terlambat"


def test_activity_due_today_is_not_yet_terlambat():
    assert display_status("rencana", D, D) == "rencana"


def test_finished_activity_is_never_terlambat():
    assert display_status("selesai", D - 30 * DAY, D) == "selesai"


def test_windows_by_hand():
    """Training on 10-11 June, 30 days wanted, plenty of data: 11 May-9 June and 12 June-11 July."""
    w = windows_around(
        first_day=D,
        last_day=D + DAY,
        wanted_days=30,
        today=dt.date(2026, 12, 1),
        data_since=dt.date(2025, 1, 1),
    )
    assert (w.before_start, w.before_end) == (dt.date(2026, 5, 11), dt.date(2026, 6, 9))
    assert (w.after_start, w.after_end) == (dt.date(2026, 6, 12), dt.date(2026, 7, 11))
    assert w.days == 30 and w.sufficient


def test_recent_training_shortens_both_windows_to_the_days_since():
    w = windows_around(first_day=D, last_day=D, wanted_days=180, today=D + 20 * DAY, data_since=None)
    assert w.days == 20 and (w.before_end - w.before_start).days + 1 == 20


def test_data_start_shortens_both_windows():
    w = windows_around(first_day=D, last_day=D, wanted_days=180, today=D + 365 * DAY, data_since=D - 40 * DAY)
    assert w.days == 40 and w.before_start == D - 40 * DAY


def test_training_today_has_no_after_window():
    w = windows_around(first_day=D, last_day=D, wanted_days=90, today=D)
    assert w.days == 0 and not w.sufficient


def test_short_windows_are_not_sufficient():
    w = windows_around(first_day=D, last_day=D, wanted_days=90, today=D + (MIN_WINDOW_DAYS - 1) * DAY)
    assert not w.sufficient


def test_last_day_before_first_day_is_an_error():
    with pytest.raises(ValueError):
        windows_around(first_day=D, last_day=D - DAY, wanted_days=30, today=D)


dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@given(
    first=dates,
    length=st.integers(0, 10),
    wanted=st.integers(0, 400),
    ahead=st.integers(-30, 800),
    back=st.one_of(st.none(), st.integers(-30, 800)),
)
def test_windows_are_equal_disjoint_and_within_the_data(first, length, wanted, ahead, back):
    last = first + dt.timedelta(days=length)
    today = last + dt.timedelta(days=ahead)
    since = None if back is None else first - dt.timedelta(days=back)
    w = windows_around(first_day=first, last_day=last, wanted_days=wanted, today=today, data_since=since)
    before = (w.before_end - w.before_start).days + 1
    after = (w.after_end - w.after_start).days + 1
    assert before == after == w.days  # equal lengths (0 = both empty)
    assert 0 <= w.days <= wanted
    assert w.before_end < first and w.after_start > last  # training days belong to neither
    if w.days:
        assert w.after_end <= today
        assert since is None or w.before_start >= since
    # as long as the data allow: one more day would break a bound
    room = min(wanted, (today - last).days, wanted if since is None else (first - since).days)
    assert w.days == max(0, room)


def test_change_by_hand():
    assert (Change(8, 5).delta, Change(8, 5).percent) == (-3, -38)


def test_change_from_nothing_has_no_percentage():
    assert Change(0, 4).percent is None


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_change_delta_adds_up(before, after):
    change = Change(before, after)
    assert before + change.delta == after
    assert change.percent is None or (change.percent < 0) == (after < before) or change.percent == 0
