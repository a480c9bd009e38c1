"""The assessment flow through the services: draf -> diajukan -> (dikembalikan ->) dinilai -> final, and who
may do what (access.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.compliance.conftest import TODAY, answer_all, png_bytes, review_all, worst_value
from tests.factories import UserFactory, member
from tuntas.compliance import services
from tuntas.compliance.models import Answer, Assessment, AssessmentEvent, Evidence
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted, TransitionNotAllowed

Status = Assessment.Status
Kind = AssessmentEvent.Kind


def test_round_creates_a_draft_per_participant(round_, directory):
    assert sorted(round_.assessments.values_list("organisation__slug", "status")) == [
        ("dinas-pendidikan", "draf"),
        ("dinas-pupr", "draf"),
    ]


def test_only_managers_of_the_reviewing_organisation_open_rounds(make_round, directory):
    with pytest.raises(NotPermitted):
        make_round(actor=directory.petugas_pupr)


def test_the_reviewing_organisation_cannot_be_a_participant(make_round, directory):
    with pytest.raises(InvalidInput):
        make_round(orgs=[directory.inspektorat, directory.pupr])


def test_self_answer_is_saved_with_an_event(pupr_assessment, directory):
    services.answer_self(
        actor=directory.petugas_pupr, assessment_id=pupr_assessment.pk, indicator="pr-maklumat", value="ya"
    )
    assert Answer.objects.get(assessment=pupr_assessment, indicator="pr-maklumat").self_value == "ya"
    event = pupr_assessment.events.get(kind=Kind.SELF_ANSWERED)
    assert event.payload == {"indicator": "pr-maklumat", "before": "", "after": "ya"}


def test_an_invalid_answer_is_refused(pupr_assessment, directory):
    with pytest.raises(InvalidInput) as exc:
        services.answer_self(
            actor=directory.petugas_pupr,
            assessment_id=pupr_assessment.pk,
            indicator="out-persepsi",
            value="120",
        )
    assert "value" in exc.value.errors


def test_another_unit_cannot_see_the_assessment(pupr_assessment, directory):
    with pytest.raises(NotFound):
        services.answer_self(
            actor=directory.petugas_disdik,
            assessment_id=pupr_assessment.pk,
            indicator="pr-maklumat",
            value="ya",
        )


def test_submit_needs_every_self_answer(pupr_assessment, directory):
    with pytest.raises(InvalidInput) as exc:
        services.assessment_submit(actor=directory.petugas_pupr, assessment_id=pupr_assessment.pk)
    assert "pr-maklumat" in exc.value.errors


def test_submit_stores_the_self_result(submitted):
    assert submitted.status == Status.DIAJUKAN
    assert submitted.self_total == Decimal("100.00") and submitted.self_band == "tertinggi"


def test_submitted_assessment_is_no_longer_editable_by_the_unit(submitted, directory):
    with pytest.raises(TransitionNotAllowed):
        services.answer_self(
            actor=directory.petugas_pupr, assessment_id=submitted.pk, indicator="pr-maklumat", value="tidak"
        )


def test_self_assessment_is_closed_outside_the_round_dates(pupr_assessment, directory, frozen):
    frozen(dt.timedelta(days=40))
    with pytest.raises(TransitionNotAllowed):
        services.answer_self(
            actor=directory.petugas_pupr,
            assessment_id=pupr_assessment.pk,
            indicator="pr-maklumat",
            value="ya",
        )


def test_reviewer_scores_and_finalises(submitted, directory):
    review_all(submitted, directory.auditor, pick=worst_value)
    services.assessment_mark_reviewed(actor=directory.auditor, assessment_id=submitted.pk)
    final = services.assessment_finalise(actor=directory.auditor, assessment_id=submitted.pk)
    assert final.status == Status.FINAL
    assert final.review_total == Decimal("0.00") and final.review_band == "terendah"
    assert final.self_total == Decimal("100.00")
    assert list(final.events.values_list("kind", flat=True))[-2:] == [Kind.REVIEWED, Kind.FINALISED]


def test_mark_reviewed_needs_every_reviewer_score(submitted, directory):
    with pytest.raises(InvalidInput):
        services.assessment_mark_reviewed(actor=directory.auditor, assessment_id=submitted.pk)


def test_finalise_needs_a_completed_review(submitted, directory):
    with pytest.raises(TransitionNotAllowed):
        services.assessment_finalise(actor=directory.auditor, assessment_id=submitted.pk)


def test_reviewer_cannot_edit_self_scores(submitted, directory):
    services.assessment_return(
        actor=directory.auditor, assessment_id=submitted.pk, note="Lengkapi bukti maklumat."
    )
    with pytest.raises(NotPermitted):
        services.answer_self(
            actor=directory.auditor, assessment_id=submitted.pk, indicator="pr-maklumat", value="tidak"
        )


def test_self_assessor_cannot_review_their_own(submitted, directory):
    # A member of Dinas PUPR who is also an auditor of the Inspektorat still may not review PUPR.
    both = member(UserFactory(username="auditor.pupr"), directory.inspektorat, "auditor")
    member(both, directory.pupr, "petugas")
    with pytest.raises(NotPermitted):
        services.answer_review(actor=both, assessment_id=submitted.pk, indicator="pr-maklumat", value="ya")


def test_the_submitter_cannot_review_it(pupr_assessment, directory):
    # Someone who submitted (as a superuser acting for the unit) is never its reviewer.
    boss = member(UserFactory(username="super.auditor", is_superuser=True), directory.inspektorat, "auditor")
    answer_all(pupr_assessment, boss)
    services.assessment_submit(actor=boss, assessment_id=pupr_assessment.pk)
    with pytest.raises(NotPermitted):
        services.answer_review(
            actor=boss, assessment_id=pupr_assessment.pk, indicator="pr-maklumat", value="ya"
        )


def test_a_petugas_of_the_reviewing_organisation_cannot_review(submitted, directory):
    with pytest.raises(NotPermitted):
        services.answer_review(
            actor=directory.inspektur, assessment_id=submitted.pk, indicator="pr-maklumat", value="ya"
        )


def test_reviewer_cannot_score_a_draft(pupr_assessment, directory):
    with pytest.raises(TransitionNotAllowed):
        services.answer_review(
            actor=directory.auditor, assessment_id=pupr_assessment.pk, indicator="pr-maklumat", value="ya"
        )


def test_returned_assessment_reopens_for_the_unit(submitted, directory, frozen):
    services.assessment_return(
        actor=directory.auditor, assessment_id=submitted.pk, note="Foto maklumat buram."
    )
    frozen(dt.timedelta(days=40))  # after the round closed: a returned assessment may still be corrected
    services.answer_self(
        actor=directory.petugas_pupr, assessment_id=submitted.pk, indicator="pr-maklumat", value="tidak"
    )
    again = services.assessment_submit(actor=directory.petugas_pupr, assessment_id=submitted.pk)
    assert again.status == Status.DIAJUKAN and again.self_total < Decimal("100")
    assert again.events.filter(kind=Kind.RETURNED).get().message == "Foto maklumat buram."


def test_return_needs_a_note(submitted, directory):
    with pytest.raises(InvalidInput):
        services.assessment_return(actor=directory.auditor, assessment_id=submitted.pk, note="")


def test_final_assessment_cannot_be_returned(submitted, directory):
    review_all(submitted, directory.auditor)
    services.assessment_mark_reviewed(actor=directory.auditor, assessment_id=submitted.pk)
    services.assessment_finalise(actor=directory.auditor, assessment_id=submitted.pk)
    with pytest.raises(TransitionNotAllowed):
        services.assessment_return(
            actor=directory.auditor, assessment_id=submitted.pk, note="Terlambat sekali."
        )


def test_history_is_append_only(submitted):
    event = submitted.events.first()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()


def test_opinion_round_reviewer_fills_public_trust(make_round, directory):
    member(directory.asisten, directory.ombudsman, "koordinator")
    round_ = make_round("opini-2025", reviewing=directory.ombudsman, actor=directory.asisten)
    a = round_.assessments.get(organisation=directory.pupr)
    with pytest.raises(NotPermitted):
        services.answer_self(
            actor=directory.petugas_pupr, assessment_id=a.pk, indicator="kp-indeks", value="80"
        )
    answer_all(a, directory.petugas_pupr)
    services.assessment_submit(actor=directory.petugas_pupr, assessment_id=a.pk)
    review_all(a, directory.asisten)
    services.answer_review(actor=directory.asisten, assessment_id=a.pk, indicator="kp-indeks", value="50")
    services.assessment_mark_reviewed(actor=directory.asisten, assessment_id=a.pk)
    final = services.assessment_finalise(actor=directory.asisten, assessment_id=a.pk)
    assert final.review_total == Decimal("85.00") and final.review_band == "tinggi"  # 0.7*100 + 0.3*50


# --- evidence --------------------------------------------------------------------------------------------


def test_evidence_is_cleaned_of_metadata(pupr_assessment, directory):
    saved = services.evidence_add(
        actor=directory.petugas_pupr,
        assessment_id=pupr_assessment.pk,
        indicator="pr-maklumat",
        files=[("maklumat.jpg", png_bytes(exif=True))],
    )
    data = saved[0].file.read()
    assert saved[0].content_type == "image/jpeg" and b"Kamera Rahasia" not in data
    assert pupr_assessment.events.filter(kind=Kind.EVIDENCE_ADDED).exists()


def test_evidence_that_is_not_an_image_or_pdf_is_refused(pupr_assessment, directory):
    with pytest.raises(InvalidInput):
        services.evidence_add(
            actor=directory.petugas_pupr,
            assessment_id=pupr_assessment.pk,
            indicator="pr-maklumat",
            files=[("skrip.exe", b"MZ\x90\x00 not an image")],
        )
    assert not Evidence.objects.exists()


def test_reviewer_cannot_upload_evidence(submitted, directory):
    with pytest.raises(NotPermitted):
        services.evidence_add(
            actor=directory.auditor,
            assessment_id=submitted.pk,
            indicator="pr-maklumat",
            files=[("foto.png", png_bytes())],
        )


def test_round_dates_must_be_in_order(make_round):
    with pytest.raises(InvalidInput):
        make_round(opens_on=TODAY, closes_on=TODAY - dt.timedelta(days=1))
