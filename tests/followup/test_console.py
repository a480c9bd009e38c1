"""The follow-up console pages: a unit's own list (never another unit's), answering with evidence, the
issuer's review, issuing a finding, the Ombudsman products list and its CSV, the per-unit rates."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.followup.conftest import TODAY, png
from tuntas.followup.models import Finding, Recommendation


def test_a_unit_lists_only_its_own(lhp, lahp, org, login):
    page = login(org.petugas_disdik).get(reverse("console:followup_list")).content.decode()
    assert "LAHP-0042/ORI-KS/2026" in page and "700/12/LHP-ITKAB/2026" not in page
    other = lhp.recommendations.first()
    assert (
        login(org.petugas_disdik).get(reverse("console:followup_detail", args=[other.pk])).status_code == 404
    )
    page = login(org.focal_pupr).get(reverse("console:followup_list")).content.decode()
    assert "700/12/LHP-ITKAB/2026" in page and "LAHP-0042" not in page


def test_answer_with_evidence_then_issuer_accepts(lhp, org, login):
    rec = lhp.recommendations.get(position=1)
    unit = login(org.focal_pupr)
    url = reverse("console:followup_respond", args=[rec.pk])
    bad = unit.post(url, {"version": rec.version, "claim": "done", "response": "SOP baru"})
    assert bad.status_code == 400 and "dokumen bukti" in bad.content.decode()
    ok = unit.post(
        url,
        {
            "version": rec.version,
            "claim": "done",
            "response": "SOP baru",
            "files": SimpleUploadedFile("sk.png", png(), content_type="image/png"),
        },
    )
    assert ok.status_code == 302
    rec.refresh_from_db()
    assert rec.awaiting_review and rec.evidence.count() == 1
    ev = rec.evidence.get()
    assert unit.get(reverse("console:followup_evidence", args=[ev.pk])).status_code == 200
    assert (
        login(org.petugas_disdik).get(reverse("console:followup_evidence", args=[ev.pk])).status_code == 404
    )
    # the unit cannot review its own answer
    assert (
        unit.post(
            reverse("console:followup_review", args=[rec.pk]), {"version": rec.version, "decision": "accept"}
        ).status_code
        == 400
    )
    rec.refresh_from_db()
    assert rec.status == "belum_ditindaklanjuti"
    auditor = login(org.auditor)
    assert (
        "Nilai jawaban unit"
        in auditor.get(reverse("console:followup_detail", args=[rec.pk])).content.decode()
    )
    done = auditor.post(
        reverse("console:followup_review", args=[rec.pk]), {"version": rec.version, "decision": "accept"}
    )
    assert done.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "sesuai"


def test_issuer_records_a_finding(org, login, frozen):
    c = login(org.asisten)
    assert c.get(reverse("console:followup_new")).status_code == 200
    r = c.post(
        reverse("console:followup_new"),
        {
            "issuer": org.ombudsman.pk,
            "kind": "rekomendasi_ombudsman",
            "number": "REK-1/2026",
            "title": "Rekomendasi pelayanan KTP",
            "issued_on": TODAY.isoformat(),
            "text_1": "Tetapkan standar pelayanan",
            "unit_1": org.pupr.pk,
            "days_1": "30",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    rec = Recommendation.objects.get(finding__number="REK-1/2026")
    assert rec.deadline_days == 30 and rec.unit == org.pupr
    assert login(org.petugas_pupr).get(reverse("console:followup_new")).status_code == 403
    assert Finding.objects.count() == 1


def test_products_list_and_csv_for_oversight_only(lhp, lahp, org, login):
    page = login(org.inspektur).get(reverse("console:followup_products"))
    assert page.status_code == 200 and "LAHP-0042" in page.content.decode()
    assert "700/12/LHP" not in page.content.decode()
    csv = login(org.inspektur).get(reverse("console:followup_products") + "?format=csv")
    assert csv["Content-Type"].startswith("text/csv") and b"LAHP-0042" in csv.content
    assert login(org.petugas_pupr).get(reverse("console:followup_products")).status_code == 403


@pytest.mark.parametrize("only", ["", "?only=ombudsman"])
def test_rates_page(lhp, lahp, org, login, only):
    page = login(org.inspektur).get(reverse("console:followup_rates") + only).content.decode()
    assert "Dinas Pendidikan" in page and "0,00%" in page
    assert ("Dinas PUPR" in page) is (only == "")
    own = login(org.petugas_disdik).get(reverse("console:followup_rates")).content.decode()
    assert "Dinas PUPR" not in own
