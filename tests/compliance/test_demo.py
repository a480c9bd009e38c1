"""The compliance demo loader on the small test directory."""

from __future__ import annotations

from tuntas.compliance.models import Assessment, Round
from tuntas.demo.compliance import ROUND_2024, ROUND_2025, load_compliance_demo


def test_demo_creates_final_results_in_different_zones_and_an_open_round(directory):
    assert load_compliance_demo() == {"rounds": 2, "assessments": 3}
    results = dict(
        Assessment.objects.filter(round__name=ROUND_2024).values_list("organisation__slug", "review_band")
    )
    assert results == {"dinas-pupr": "tinggi", "dinas-pendidikan": "terendah"}
    assert set(Assessment.objects.filter(round__name=ROUND_2024).values_list("status", flat=True)) == {
        "final"
    }
    opinion = Round.objects.get(name=ROUND_2025)
    assert opinion.scheme.code == "opini-2025"
    assert list(opinion.assessments.values_list("status", flat=True)) == ["draf"]


def test_demo_runs_only_once(directory):
    load_compliance_demo()
    assert load_compliance_demo() == {"rounds": 0, "assessments": 0}
    assert Round.objects.count() == 2
