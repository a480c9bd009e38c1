"""The Kotabaru DAM demo on the real Kotabaru directory (region data of 63.02): 198 desa committed in 2022,
10 designated in November 2023 and 8 in May 2025 (every desa of Pulaulaut Utara among them), and a current
round with villages at each stage. One test, since the load replays a few thousand service calls."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from tuntas.demo.services import directory_load
from tuntas.demo.villages import load_villages_demo
from tuntas.directory.models import Organisation
from tuntas.directory.regions import load_regions
from tuntas.villages.models import Programme, Stage, StageChange
from tuntas.villages.selectors import village_status


def test_demo_replays_the_kotabaru_history_once(db, client):
    load_regions(["63.02"])
    directory_load()
    counts = load_villages_demo()
    assert counts["committed"] == 198 and counts["designated"] == 18

    programme = Programme.objects.get(slug="dam-kotabaru")
    participations = programme.participations.select_related("village__region")
    assert participations.count() == 198  # desa only: the 4 kelurahan are not in the programme
    assert not participations.filter(village__kind_id="kelurahan").exists()
    commits = StageChange.objects.filter(participation__programme=programme, action=StageChange.Action.COMMIT)
    assert commits.count() == 198 and {c.at.date() for c in commits} == {dt.date(2022, 10, 19)}

    by_day = Counter(participations.filter(stage=Stage.DITETAPKAN).values_list("designated_on", flat=True))
    assert by_day == {dt.date(2023, 11, 27): 10, dt.date(2025, 5, 19): 8}
    plu = participations.filter(village__region__parent_id="63.02.06")
    assert plu.count() == 9 and set(plu.values_list("stage", flat=True)) == {Stage.DITETAPKAN}
    semayap = Organisation.objects.get(region_id="63.02.06.2014")
    assert village_status(semayap).designated_on == dt.date(2023, 11, 27)

    current = programme.rounds.get(is_open=True)
    stages = Counter(current.assessments.values_list("stage", flat=True))
    assert stages == {
        Stage.PENGISIAN: 3,
        Stage.VERIFIKASI_PEMKAB: 2,
        Stage.DIKEMBALIKAN: 2,
        Stage.VERIFIKASI_OMBUDSMAN: 2,
    }
    assert programme.rounds.filter(is_open=False).count() == 2

    assert load_villages_demo()["programmes"] == 0  # idempotent
    assert programme.participations.filter(stage=Stage.DITETAPKAN).count() == 18
