"""The console tells coordinators and admins when a year's holidays are not confirmed by an SKB yet, and stops
the moment they are; the warning costs no query per page once computed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tuntas.core import calendars, clock
from tuntas.core.models import Holiday

MARCH = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)
NOVEMBER = dt.datetime(2026, 11, 10, 2, 0, tzinfo=dt.UTC)


def _page(user) -> str:  # noqa: ANN001
    c = Client()
    c.force_login(user)
    return c.get("/console/").content.decode()


def _confirm(year: int) -> None:
    Holiday.objects.create(date=dt.date(year, 12, 24), name="Cuti bersama Natal", kind="cuti_bersama")
    calendars.clear_cache()  # what the admin and the sync do after a change


@pytest.mark.django_db
def test_coordinator_is_warned_until_the_year_is_confirmed(directory):
    Holiday.objects.filter(date__year=2026).delete()
    with clock.frozen(MARCH):
        page = _page(directory.koordinator)
        assert "data-calendar-banner" in page and "2026" in page
        _confirm(2026)
        assert "data-calendar-banner" not in _page(directory.koordinator)


@pytest.mark.django_db
def test_from_october_the_next_year_is_warned_about_too(directory):
    Holiday.objects.filter(date__year__in=[2026, 2027]).delete()
    with clock.frozen(NOVEMBER):
        _confirm(2026)
        page = _page(directory.koordinator)
        assert "data-calendar-banner" in page and "2027" in page


@pytest.mark.django_db
def test_an_officer_without_a_say_is_not_alarmed(directory):
    Holiday.objects.filter(date__year=2026).delete()
    with clock.frozen(MARCH):
        assert "data-calendar-banner" not in _page(directory.petugas_pupr)


@pytest.mark.django_db
def test_the_second_page_reads_no_holiday_row(directory):
    with clock.frozen(MARCH):
        _page(directory.koordinator)
        with CaptureQueriesContext(connection) as queries:
            _page(directory.koordinator)
    assert not [q["sql"] for q in queries if "core_holiday" in q["sql"] and "cuti" in q["sql"].lower()]
