"""Public results on the portal: final assessments only."""

from __future__ import annotations

from tests.compliance.test_console import finalised


def test_portal_shows_final_results_only(client, directory, round_, pupr_assessment):
    assert "Dinas PUPR" not in client.get("/hasil-kepatuhan/").content.decode()
    finalised(pupr_assessment, directory)
    html = client.get("/hasil-kepatuhan/").content.decode()
    assert "Dinas PUPR" in html and "cz-band--merah" in html and "Dinas Pendidikan" not in html


def test_portal_hides_rounds_whose_results_are_not_public(client, directory, round_, pupr_assessment):
    finalised(pupr_assessment, directory)
    round_.results_public = False
    round_.save(update_fields=["results_public"])
    assert "Dinas PUPR" not in client.get("/hasil-kepatuhan/").content.decode()
