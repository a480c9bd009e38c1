"""A small known data set for the figures: three complaints in March 2026, two disposed to PUPR.

At the coordinator (Mon 2 March 2026, 09:00 WITA): A (jalan, Desa Sigam, web, confidential), B (air bersih,
Kecamatan Kelumpang Selatan, phone, public), C (jalan, Desa Sigam, web, anonymous). On Tue 3 March the
coordinator disposes A and C to Dinas PUPR: two coordinator handlings close, their "verifikasi" clocks stop
after one working day, two PUPR handlings open.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tuntas.complaints import services
from tuntas.complaints.models import Complaint
from tuntas.core import clock

WITA = ZoneInfo("Asia/Makassar")
START = dt.datetime(2026, 3, 2, 9, tzinfo=WITA)
SENTINEL_NAME = "Zubaidah Sentinelwati"
SENTINEL_EMAIL = "sentinel.pelapor@contoh.id"
SENTINEL_PHONE = "081299990000"
SENTINEL_NIK = "6302069999999999"
SENTINEL_TEXT = "Rahasia-Uraian-Sentinel"


def _input(**overrides: object) -> services.ComplaintInput:
    data = {
        "title": "Jalan desa berlubang besar",
        "description": f"Jalan utama Desa Sigam berlubang besar dan membahayakan. {SENTINEL_TEXT}",
        "privacy": Complaint.Privacy.CONFIDENTIAL,
        "category": "jalan",
        "region_code": "63.02.06.2005",
        "reporter": services.ReporterInput(
            name=SENTINEL_NAME, email=SENTINEL_EMAIL, phone=SENTINEL_PHONE, nik=SENTINEL_NIK
        ),
    }
    data.update(overrides)
    return services.ComplaintInput(**data)


@pytest.fixture
def known(directory):
    with clock.frozen(START) as advance:
        a = services.complaint_submit(data=_input()).complaint
        b = services.complaint_submit(
            data=_input(
                title="Air PDAM keruh",
                category="air-bersih",
                region_code="63.02.07",
                privacy=Complaint.Privacy.PUBLIC,
            ),
            channel=Complaint.Channel.PHONE,
        ).complaint
        c = services.complaint_submit(data=_input(privacy=Complaint.Privacy.ANONYMOUS)).complaint
        advance(dt.timedelta(days=1))
        for complaint in (a, c):
            handling = complaint.handlings.get(organisation=directory.coordinator)
            services.handling_transition(
                actor=services.Actor(user=directory.koordinator),
                handling_id=handling.pk,
                transition="verifikasi",
                data={"target": directory.pupr.pk},
            )
    return {"a": a, "b": b, "c": c}
