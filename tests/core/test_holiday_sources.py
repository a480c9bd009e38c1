import datetime as dt

import pytest
from lokal import holidays as lokal_holidays

from tuntas.core.calendar import WorkingCalendar
from tuntas.core.holiday_sources import CUTI_BERSAMA, NASIONAL, HolidaySpec, decree_for, national_holidays

D = dt.date


def by_date(specs):
    return {h.date: h for h in specs}


def test_2026_contains_nyepi_as_libur_nasional():
    nyepi = by_date(national_holidays([2026]))[D(2026, 3, 19)]
    assert nyepi.kind == NASIONAL
    assert "Nyepi" in nyepi.name


def test_2026_contains_idulfitri_cuti_bersama():
    found = by_date(national_holidays([2026]))
    for day in (20, 23, 24):
        assert found[D(2026, 3, day)].kind == CUTI_BERSAMA
    assert found[D(2026, 3, 21)].kind == NASIONAL


def test_2026_contains_christmas_eve_cuti_bersama():
    assert by_date(national_holidays([2026]))[D(2026, 12, 24)].kind == CUTI_BERSAMA


def test_2026_matches_lokal_id_decree_exactly():
    decreed = {D.fromisoformat(h.date) for h in lokal_holidays.get_holidays(2026).holidays}
    assert {h.date for h in national_holidays([2026])} == decreed


def test_no_duplicate_dates_and_sorted():
    specs = national_holidays([2025, 2026, 2027, 2031])
    dates = [h.date for h in specs]
    assert dates == sorted(set(dates))


def test_every_entry_has_a_name_and_known_kind():
    for h in national_holidays([2025, 2026, 2031]):
        assert h.name
        assert h.kind in (NASIONAL, CUTI_BERSAMA)


def test_year_without_decree_falls_back_to_holidays_package():
    specs = national_holidays([2031])
    found = by_date(specs)
    assert found[D(2031, 8, 17)].kind == NASIONAL
    assert found[D(2031, 12, 25)].kind == NASIONAL
    assert all(h.date.year == 2031 for h in specs)


def test_cuti_bersama_known_to_holidays_package_is_kept_for_years_without_decree():
    # lokal-id has no SKB for 2025; the holidays package lists its cuti bersama (26 Dec after Natal).
    assert by_date(national_holidays([2025]))[D(2025, 12, 26)].kind == CUTI_BERSAMA


def test_several_years_are_the_concatenation_of_single_years():
    together = national_holidays(y for y in (2027, 2026))
    assert together == national_holidays([2026]) + national_holidays([2027])


def test_no_years_gives_no_holidays():
    assert national_holidays([]) == []


def test_result_feeds_a_working_calendar():
    cal = WorkingCalendar(h.date for h in national_holidays([2026]))
    assert cal.working_days_add(D(2026, 3, 19), 3) == D(2026, 3, 27)


def test_decree_reference_for_2026():
    assert decree_for(2026) == "SKB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025"


def test_no_decree_reference_for_uncovered_year():
    assert decree_for(2031) is None


# --- merge rule, with lokal-id faked so the two sources disagree -----------------------------------


@pytest.fixture
def decree_2031(monkeypatch):
    """A made-up SKB for 2031: Idulfitri a day after the holidays package's estimate, and Natal as cuti."""
    fake = lokal_holidays.HolidayYear(
        2031,
        "SKB Uji 2031",
        "https://example.invalid",
        [
            lokal_holidays.Holiday("2031-01-27", "Idulfitri 1452 H", "libur_nasional"),
            lokal_holidays.Holiday("2031-01-28", "Idulfitri 1452 H", "cuti_bersama"),
            lokal_holidays.Holiday("2031-12-25", "Kelahiran Yesus Kristus", "cuti_bersama"),
            lokal_holidays.Holiday("2031-08-17", "Proklamasi Kemerdekaan", "libur_nasional"),
        ],
    )
    real = lokal_holidays.get_holidays

    def get_holidays(year):
        return fake if year == 2031 else real(year)

    monkeypatch.setattr(lokal_holidays, "get_holidays", get_holidays)


def test_decree_libur_nasional_is_added_to_the_package_estimate(decree_2031):
    found = by_date(national_holidays([2031]))
    assert found[D(2031, 1, 25)].kind == NASIONAL  # the package's estimate stays
    assert found[D(2031, 1, 27)].kind == NASIONAL  # the decree's date is added
    assert found[D(2031, 1, 28)] == HolidaySpec(D(2031, 1, 28), "Idulfitri 1452 H", CUTI_BERSAMA)


def test_date_that_either_source_calls_nasional_stays_nasional(decree_2031):
    assert by_date(national_holidays([2031]))[D(2031, 12, 25)].kind == NASIONAL


def test_decree_name_wins_when_both_sources_agree_on_kind(decree_2031):
    assert by_date(national_holidays([2031]))[D(2031, 8, 17)].name == "Proklamasi Kemerdekaan"


def test_decree_reference_comes_from_lokal_id(decree_2031):
    assert decree_for(2031) == "SKB Uji 2031"
