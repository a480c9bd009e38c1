"""The demo loader on the test directory: idempotent, agreement with the four areas, activities in every
state, trainings with attendance dated around the complaint story."""

from __future__ import annotations

from tuntas.cooperation import selectors
from tuntas.cooperation.models import Activity, Agreement, LogEntry, Training
from tuntas.demo.cooperation import load_cooperation_demo


def test_demo_loads_once(directory):
    assert load_cooperation_demo() == {"agreements": 1, "activities": 11, "trainings": 8}
    assert load_cooperation_demo() == {"agreements": 0, "activities": 0, "trainings": 0}
    assert Agreement.objects.count() == 1


def test_demo_agreement_is_the_january_2026_one_with_its_document(directory):
    load_cooperation_demo()
    agreement = Agreement.objects.get()
    assert agreement.signed_on.isoformat() == "2026-01-27" and agreement.areas.count() == 4
    assert agreement.document.content_type == "application/pdf"
    assert agreement.pemkab == directory.pemkab and agreement.ombudsman == directory.ombudsman


def test_demo_activities_cover_every_state(directory):
    load_cooperation_demo()
    agreement = Agreement.objects.get()
    shown = {a.display_status for a in selectors.with_display_status(list(Activity.objects.all()))}
    assert shown == {"rencana", "berjalan", "selesai", "terlambat"}
    assert selectors.overdue_activities(agreement)
    assert LogEntry.objects.filter(kind=LogEntry.Kind.PROGRESS).exists()


def test_demo_trainings_feed_the_report(directory):
    load_cooperation_demo()
    agreement = Agreement.objects.get()
    assert Training.objects.filter(attendance_recorded_at__isnull=False).exists()
    rows = selectors.training_impact(agreement)
    assert {r.organisation for r in rows} >= {directory.pupr, directory.disdik}
