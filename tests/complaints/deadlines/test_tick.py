"""The periodic SLA pass (sla_tick and its management command)."""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command

from tests.complaints.conftest import act, handling_at, reload
from tuntas.complaints.deadlines import sla_tick
from tuntas.complaints.models import Complaint, Event
from tuntas.notify.models import OutboxMessage
from tuntas.sla.models import Clock

D = dt.date


def breaches() -> list[Event]:
    return list(Event.objects.filter(kind=Event.Kind.CLOCK_BREACHED))


def test_clock_is_not_breached_on_its_due_date(submit, frozen):
    submit()  # verifikasi due Thursday 5 March
    frozen(dt.timedelta(days=3))
    assert sla_tick().breached == 0
    assert breaches() == []


def test_tick_marks_a_breached_clock_once(submit, directory, frozen):
    handling = handling_at(submit().complaint, directory.coordinator)
    frozen(dt.timedelta(days=4))  # Friday 6 March, verifikasi was due Thursday
    first, second = sla_tick(), sla_tick()
    assert (first.breached, second.breached) == (1, 0)
    [event] = breaches()
    assert (event.handling, event.payload, event.visibility) == (
        handling,
        {"clock": "verifikasi", "due_date": "2026-03-05"},
        Event.Visibility.INTERNAL,
    )
    assert handling.clocks.get(name="verifikasi").breached_at is not None
    assert reload(handling).state == "menunggu_verifikasi"  # a breach is recorded, nothing is moved


def test_reporter_silence_after_the_answer_closes_the_complaint(answered, frozen):
    s, opd = answered()  # answered Monday 2 March: the reporter has until Monday 16 March
    frozen(dt.timedelta(days=14))
    assert sla_tick().expired_transitions == 0
    frozen(dt.timedelta(days=1))  # Tuesday 17 March
    result = sla_tick()
    assert (result.expired_transitions, result.breached) == (1, 0)
    opd, complaint = reload(opd), reload(s.complaint)
    assert (opd.state, opd.closure_reason) == ("selesai", "selesai_tanpa_tanggapan")
    assert (complaint.status, complaint.closure_reason) == (
        Complaint.Status.CLOSED,
        "selesai_tanpa_tanggapan",
    )
    last = Event.objects.filter(handling=opd, kind=Event.Kind.TRANSITIONED).last()
    assert (last.payload["transition"], last.actor_kind) == ("tutup_otomatis", "sistem")
    assert sla_tick().expired_transitions == 0  # idempotent


def test_auto_close_tells_the_reporter(answered, frozen):
    s, _ = answered()
    frozen(dt.timedelta(days=15))
    before = OutboxMessage.objects.filter(complaint=s.complaint).count()
    sla_tick()
    assert OutboxMessage.objects.filter(complaint=s.complaint).count() > before


def test_unanswered_clarification_request_goes_back_to_work(submit, dispose, directory, frozen):
    opd = dispose(submit().complaint)
    act(directory.petugas_pupr, opd, "minta_klarifikasi", pertanyaan="Di km berapa?")
    frozen(dt.timedelta(days=15))  # klarifikasi (10 working days) ran out on Monday 16 March
    sla_tick()
    opd = reload(opd)
    assert opd.state == "diproses"
    assert opd.clocks.get(name="tindak_lanjut").status == Clock.Status.RUNNING
    assert opd.due_date == D(2026, 3, 24)  # the 5 working days it had left, from Tuesday 17 March


def test_reporter_who_never_completes_the_report_gets_it_archived(submit, directory, frozen):
    complaint = submit().complaint
    handling = act(
        directory.koordinator, handling_at(complaint, directory.coordinator), "tunda", kekurangan="Lokasi?"
    )
    frozen(dt.timedelta(days=15))
    sla_tick()
    assert (reload(handling).state, reload(complaint).closure_reason) == ("diarsipkan", "tidak_dilengkapi")


def test_expired_clock_of_a_closed_handling_is_ignored(submit, directory, frozen):
    complaint = submit().complaint
    act(directory.koordinator, handling_at(complaint, directory.coordinator), "arsipkan", alasan="spam")
    frozen(dt.timedelta(days=30))
    result = sla_tick()
    assert (result.breached, result.expired_transitions, result.failed) == (0, 0, 0)


def test_management_command_reports_what_it_did(submit, frozen):
    submit()
    frozen(dt.timedelta(days=4))
    out = io.StringIO()
    call_command("sla_tick", stdout=out)
    assert out.getvalue().strip() == "breached=1 expired=0 failed=0"
