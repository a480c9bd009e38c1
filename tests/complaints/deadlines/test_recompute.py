"""Running deadlines follow a changed holiday list (complaints.deadlines.due_dates_recompute, run by the SLA pass)."""

from __future__ import annotations

import datetime as dt

from tests.complaints.conftest import handling_at, reload
from tuntas.complaints.deadlines import due_dates_recompute, sla_tick
from tuntas.complaints.models import Event
from tuntas.core.models import Holiday

D = dt.date


def notes(handling) -> list[Event]:  # noqa: ANN001
    return list(Event.objects.filter(handling=handling, kind=Event.Kind.COMMENTED, actor_kind="sistem"))


def test_a_holiday_added_later_moves_the_running_deadline_before_it_is_breached(submit, directory, frozen):
    handling = handling_at(
        submit().complaint, directory.coordinator
    )  # Monday 2 March: verifikasi due Thursday 5
    sla_tick()  # the pass has seen the holiday list as it was
    assert reload(handling).due_date == D(2026, 3, 5)
    Holiday.objects.create(date=D(2026, 3, 4), name="Libur tambahan", kind=Holiday.Kind.NASIONAL)
    frozen(dt.timedelta(days=4))  # Friday 6 March: without the recompute the clock would be breached
    result = sla_tick()
    assert result.breached == 0
    clock = handling.clocks.get(name="verifikasi")
    assert (clock.due_date, reload(handling).due_date) == (D(2026, 3, 6), D(2026, 3, 6))
    [note] = notes(handling)
    assert note.payload == {
        "deadlines_moved": [{"clock": "verifikasi", "from": "2026-03-05", "to": "2026-03-06"}]
    }
    assert note.visibility == Event.Visibility.INTERNAL
    assert "dari 5 Maret 2026 menjadi 6 Maret 2026" in note.message
    assert due_dates_recompute() is None  # unchanged list: nothing read, nothing written
    assert len(notes(handling)) == 1


def test_a_holiday_removed_brings_the_deadline_back(submit, directory, frozen):
    holiday = Holiday.objects.create(date=D(2026, 3, 4), name="Libur keliru", kind=Holiday.Kind.NASIONAL)
    handling = handling_at(submit().complaint, directory.coordinator)
    assert reload(handling).due_date == D(2026, 3, 6)
    due_dates_recompute()
    holiday.delete()
    result = due_dates_recompute()
    assert (result.moved, result.handlings) == (1, 1)
    assert reload(handling).due_date == D(2026, 3, 5)


def test_a_breached_clock_keeps_its_date(submit, directory, frozen):
    handling = handling_at(submit().complaint, directory.coordinator)
    frozen(dt.timedelta(days=4))
    assert sla_tick().breached == 1
    Holiday.objects.create(date=D(2026, 3, 4), name="Libur tambahan", kind=Holiday.Kind.NASIONAL)
    result = due_dates_recompute()
    assert (result.moved, handling.clocks.get(name="verifikasi").due_date) == (0, D(2026, 3, 5))
    assert notes(handling) == []
