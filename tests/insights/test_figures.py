"""Dashboard figures on the known data set, computed by hand, against SQL, and scoped by viewer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.factories import UserFactory
from tuntas.insights.figures import FigureFilters, dashboard
from tuntas.insights.scope import scope_for

MARCH = FigureFilters(since=dt.date(2026, 3, 1), until=dt.date(2026, 3, 31))
TODAY = dt.date(2026, 3, 10)


def _superuser():
    return get_user_model().objects.create_superuser("root", "root@contoh.id", "x")


def _by(rows):
    return {r.label: (r.received, r.closed, r.open) for r in rows}


def test_figures_computed_by_hand(known, directory):
    d = dashboard(scope_for(_superuser()), MARCH, today=TODAY)
    assert (d.total.received, d.total.closed, d.total.open) == (5, 2, 3)
    assert d.complaints_filed == 3
    assert _by(d.by_category) == {"Jalan dan jembatan": (4, 2, 2), "Air bersih": (1, 0, 1)}
    assert _by(d.by_organisation) == {directory.coordinator.name: (3, 2, 1), directory.pupr.name: (2, 0, 2)}
    assert _by(d.by_kecamatan) == {"Pulaulaut Utara": (4, 2, 2), "Kelumpang Selatan": (1, 0, 1)}
    assert _by(d.by_desa) == {"Sigam": (4, 2, 2)}
    assert {r.key: r.received for r in d.by_channel} == {"web": 4, "phone": 1}
    assert [(m.start, m.received) for m in d.months] == [(dt.date(2026, 3, 1), 5)]
    # Open on 10 March: the two PUPR handlings opened 7 days before (0-7), B 8 days before (8-30).
    assert [b.count for b in d.backlog] == [2, 1, 0, 0]
    verif = next(c for c in d.clocks if c.name == "verifikasi")
    assert (verif.stopped, verif.met, verif.met_percent, verif.median_days, verif.p90_days) == (
        2,
        2,
        100,
        1,
        1,
    )


def test_backlog_buckets_by_age(known):
    d = dashboard(scope_for(_superuser()), MARCH, today=dt.date(2026, 3, 12))
    # B opened 2 March (10 days ago), the PUPR handlings 3 March (9 days ago): all in 8-30 days.
    assert [(b.min_days, b.count) for b in d.backlog] == [(0, 0), (8, 3), (31, 0), (91, 0)]


def test_total_equals_a_count_written_in_sql(known):
    d = dashboard(scope_for(_superuser()), MARCH, today=TODAY)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), SUM(CASE WHEN is_open THEN 0 ELSE 1 END) FROM complaints_handling"
            " WHERE opened_at >= %s AND opened_at < %s",
            [dt.datetime(2026, 2, 28, 16, tzinfo=dt.UTC), dt.datetime(2026, 3, 31, 16, tzinfo=dt.UTC)],
        )
        received, closed = cursor.fetchone()
    assert (d.total.received, d.total.closed) == (received, closed)


@pytest.mark.parametrize(
    ("who", "received"),
    [
        ("petugas_pupr", 2),  # an OPD sees its own handlings
        ("petugas_disdik", 0),
        ("koordinator", 5),  # the coordinator sees the whole regency
        ("auditor", 5),  # the Inspektorat too
        ("asisten", 5),  # the Ombudsman Perwakilan: every regency of its province
    ],
)
def test_figures_are_scoped_to_what_the_viewer_may_see(known, directory, who, received):
    d = dashboard(scope_for(getattr(directory, who)), MARCH, today=TODAY)
    assert d.total.received == received


def test_a_pemkab_member_sees_its_units_and_an_outsider_nothing(known, directory):
    from tests.factories import member

    bupati = member(UserFactory(username="bupati"), directory.pemkab, "pimpinan")
    assert dashboard(scope_for(bupati), MARCH, today=TODAY).total.received == 5
    outsider = UserFactory(username="orang.luar")
    assert dashboard(scope_for(outsider), MARCH, today=TODAY).total.received == 0


def test_filters_narrow_the_figures(known, directory):
    scope = scope_for(_superuser())
    f = FigureFilters(since=MARCH.since, until=MARCH.until, category="air-bersih")
    assert dashboard(scope, f, today=TODAY).total.received == 1
    f = FigureFilters(since=MARCH.since, until=MARCH.until, region="63.02.06")
    assert dashboard(scope, f, today=TODAY).total.received == 4
    f = FigureFilters(since=MARCH.since, until=MARCH.until, organisation=directory.pupr.pk)
    assert dashboard(scope, f, today=TODAY).total.received == 2
    f = FigureFilters(since=dt.date(2026, 4, 1), until=dt.date(2026, 4, 30))
    assert dashboard(scope, f, today=TODAY).total.received == 0
