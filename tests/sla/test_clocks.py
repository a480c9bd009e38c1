"""SLA clocks: started, paused, resumed and stopped by the SOP, counted in working days of the region."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.complaints.conftest import act, at, handling_at, reload
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Category, Handling
from tuntas.core import clock
from tuntas.core.models import Holiday
from tuntas.directory.models import User
from tuntas.sla.models import Clock
from tuntas.sla.services import clocks_apply
from tuntas.workflows.engine import ClockOps
from tuntas.workflows.registry import workflow_of

D = dt.date


def clock_of(handling: Handling, name: str) -> Clock:
    return handling.clocks.exclude(status=Clock.Status.STOPPED).get(name=name)


def test_clock_starts_when_the_handling_opens_with_the_sops_duration(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)  # filed Monday 2 March
    verifikasi = clock_of(handling, "verifikasi")
    assert (verifikasi.duration, verifikasi.unit, verifikasi.started_on) == (3, "working_days", D(2026, 3, 2))
    assert verifikasi.due_date == D(2026, 3, 5)
    assert handling.due_date == D(2026, 3, 5)


def test_tiered_clock_takes_the_categorys_tier(submit, dispose):
    road = dispose(submit(category="jalan").complaint)  # tier 5
    water = dispose(submit(category="air-bersih").complaint)  # tier 2
    assert (clock_of(road, "tindak_lanjut").duration, road.due_date) == (5, D(2026, 3, 9))
    assert (clock_of(water, "tindak_lanjut").duration, water.due_date) == (2, D(2026, 3, 4))


def test_clock_not_marked_tiered_keeps_the_sops_duration(submit, directory):
    handling = handling_at(submit(category="air-bersih").complaint, directory.coordinator)
    assert clock_of(handling, "verifikasi").duration == 3


def test_category_without_a_tier_keeps_the_sops_duration(submit, dispose):
    Category.objects.create(slug="lainnya", name="Lainnya")
    handling = dispose(submit(category="lainnya").complaint)
    assert clock_of(handling, "tindak_lanjut").duration == 5


def test_due_date_skips_the_weekend(submit, directory):
    with clock.frozen(at(D(2026, 3, 5))):  # Thursday
        handling = handling_at(submit().complaint, directory.coordinator)
    assert handling.due_date == D(2026, 3, 10)  # Fri, (Sat, Sun), Mon, Tue


def test_due_date_skips_holidays(submit, directory):
    for day in range(18, 25):  # Nyepi, Idulfitri and cuti bersama 2026
        Holiday.objects.create(date=D(2026, 3, day), name="Libur Nyepi/Idulfitri", kind=Holiday.Kind.NASIONAL)
    with clock.frozen(at(D(2026, 3, 19))):
        handling = handling_at(submit().complaint, directory.coordinator)
    assert clock_of(handling, "verifikasi").due_date == D(2026, 3, 27)


def test_local_holiday_counts_only_in_its_region(submit, dispose, directory):
    Holiday.objects.create(
        date=D(2026, 3, 3), name="Hari jadi Kotabaru", kind=Holiday.Kind.LOKAL, region_code="63.02"
    )
    Holiday.objects.create(
        date=D(2026, 3, 4), name="Hari jadi kabupaten lain", kind=Holiday.Kind.LOKAL, region_code="63.03"
    )
    handling = handling_at(submit().complaint, directory.coordinator)  # located in 63.02
    assert handling.due_date == D(2026, 3, 6)  # Tue 3 is off in Kotabaru, Wed 4 is not


def test_holiday_moved_in_the_admin_counts_at_once(submit, directory):
    Holiday.objects.create(
        date=D(2026, 3, 3), name="Hari jadi Kotabaru", kind=Holiday.Kind.LOKAL, region_code="63.02"
    )
    first = handling_at(submit().complaint, directory.coordinator)
    Holiday.objects.filter(date=D(2026, 3, 3)).update(date=D(2026, 3, 10))  # same rows, another day
    second = handling_at(submit().complaint, directory.coordinator)
    assert (first.due_date, second.due_date) == (D(2026, 3, 6), D(2026, 3, 5))


def test_waiting_for_the_reporter_pauses_the_clock(submit, dispose, directory, frozen):
    opd = dispose(submit().complaint)  # tindak_lanjut due Monday 9 March
    frozen(dt.timedelta(days=1))  # Tuesday 3 March
    opd = act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa?")
    paused = clock_of(opd, "tindak_lanjut")
    assert (paused.status, paused.due_date, paused.paused_on, paused.remaining) == (
        Clock.Status.PAUSED,
        None,
        D(2026, 3, 3),
        4,
    )
    assert clock_of(opd, "klarifikasi").status == Clock.Status.RUNNING


def test_reporters_reply_resumes_the_clock_with_the_days_left(submit, dispose, directory, frozen):
    s = submit()
    opd = dispose(s.complaint)
    frozen(dt.timedelta(days=1))  # Tuesday 3 March: 4 working days left
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa?")
    frozen(dt.timedelta(days=7))  # Tuesday 10 March
    services.reporter_reply(code=s.complaint.tracking_code, secret=s.secret, message="Km 2, depan masjid.")
    resumed = clock_of(reload(opd), "tindak_lanjut")
    assert (resumed.status, resumed.due_date) == (Clock.Status.RUNNING, D(2026, 3, 16))
    assert opd.due_date == D(2026, 3, 16)
    assert not opd.clocks.filter(name="klarifikasi").exclude(status=Clock.Status.STOPPED).exists()


def test_clock_paused_after_its_due_date_is_still_overdue_when_resumed(submit, dispose, directory, frozen):
    opd = dispose(submit(category="air-bersih").complaint)  # due Wednesday 4 March
    frozen(dt.timedelta(days=3))  # Thursday 5 March: one working day late
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di mana?")
    frozen(dt.timedelta(days=4))  # Monday 9 March
    act(directory.petugas_pupr, opd, "lanjutkan")
    assert clock_of(reload(opd), "tindak_lanjut").due_date == D(2026, 3, 6)
    assert opd.due_date < clock.today()


def test_handling_due_date_is_the_earliest_running_clock(submit, directory, frozen):
    handling = handling_at(submit().complaint, directory.coordinator)  # verifikasi due Thursday 5 March
    handling = act(directory.koordinator, handling, "tunda", kekurangan="Lokasi persisnya di mana?")
    # verifikasi is paused; kelengkapan (10 working days) is the only running clock
    assert handling.due_date == clock_of(handling, "kelengkapan").due_date == D(2026, 3, 16)


def test_handling_due_date_follows_the_earliest_of_several_running_clocks(submit, directory):
    handling = handling_at(submit().complaint, directory.coordinator)  # verifikasi due Thursday 5 March
    wf = workflow_of(handling.workflow)
    clocks_apply(handling=handling, workflow=wf, ops=ClockOps(start=("kelengkapan",)))  # due Monday 16 March
    assert handling.due_date == D(2026, 3, 5)
    clocks_apply(handling=handling, workflow=wf, ops=ClockOps(stop=("verifikasi",)))
    assert handling.due_date == D(2026, 3, 16)


def test_stopped_clocks_record_whether_they_met_their_due_date(submit, dispose, directory, frozen):
    complaint = submit().complaint
    frozen(dt.timedelta(days=7))  # Monday 9 March, past verifikasi's Thursday 5 March
    dispose(complaint)
    verifikasi = handling_at(complaint, directory.coordinator).clocks.get(name="verifikasi")
    assert (verifikasi.status, verifikasi.met) == (Clock.Status.STOPPED, False)
    assert handling_at(complaint, directory.coordinator).due_date is None


def _inbox(user: User, due: str) -> list[Handling]:
    return list(selectors.inbox(User.objects.get(pk=user.pk), selectors.InboxFilters(due=due)))


@pytest.mark.parametrize(
    ("days_later", "overdue", "soon"),
    [(0, False, False), (1, False, True), (3, False, True), (4, True, False)],
    ids=["monday-due-in-3", "tuesday-due-in-2", "thursday-due-today", "friday-late"],
)
def test_inbox_filters_overdue_and_soon(submit, directory, frozen, days_later, overdue, soon):
    handling = handling_at(submit().complaint, directory.coordinator)  # due Thursday 5 March
    frozen(dt.timedelta(days=days_later))
    assert (handling in _inbox(directory.koordinator, "overdue")) is overdue
    assert (handling in _inbox(directory.koordinator, "soon")) is soon
