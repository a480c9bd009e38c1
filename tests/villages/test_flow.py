"""The two-level flow: commitment, filling in with evidence, submission, verification by the Pemkab then the
Ombudsman (each able to return with notes), designation; who may do each step; one history row per step."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.villages.conftest import fill_best, png_bytes
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.villages import services
from tuntas.villages.models import Participation, Stage, StageChange
from tuntas.villages.selectors import village_status

Action = StageChange.Action


def stages(participation: Participation) -> list[tuple[str, str]]:
    return list(participation.history.order_by("at", "pk").values_list("from_stage", "to_stage"))


def test_programme_enrols_the_desa_of_the_regency_from_region_data_not_kelurahan(dam):
    villages = set(dam.programme.participations.values_list("village__slug", flat=True))
    assert villages == {"desa-sigam", "desa-stagen"}
    assert set(dam.programme.participations.values_list("stage", flat=True)) == {Stage.BELUM_KOMITMEN}


def test_programme_with_kelurahan_enrols_them_too(dam, directory):
    programme = services.programme_create(
        actor=dam.superuser,
        pemkab_id=directory.pemkab.pk,
        ombudsman_id=directory.ombudsman.pk,
        year=2024,
        include_kelurahan=True,
    )
    assert programme.participations.filter(village=dam.kelurahan).exists()
    assert list(programme.verifiers.all()) == [directory.inspektorat]  # the default level-1 verifier


def test_a_desa_operator_cannot_create_a_programme(dam, directory):
    with pytest.raises(NotPermitted):
        services.programme_create(
            actor=dam.operator, pemkab_id=directory.pemkab.pk, ombudsman_id=directory.ombudsman.pk, year=2024
        )


def test_commitment_records_date_document_and_history(dam):
    p = dam.participation(dam.sigam)
    services.commitment_record(
        actor=dam.auditor,
        participation_id=p.pk,
        signed_on=dt.date(2022, 10, 19),
        document=("komitmen.png", png_bytes()),
    )
    p.refresh_from_db()
    assert p.stage == Stage.KOMITMEN and p.committed_on == dt.date(2022, 10, 19)
    assert p.commitment_content_type == "image/png" and p.commitment_document.name
    change = p.history.get(action=Action.COMMIT)
    assert (change.from_stage, change.to_stage, change.actor) == (
        Stage.BELUM_KOMITMEN,
        Stage.KOMITMEN,
        dam.auditor,
    )


def test_a_desa_petugas_cannot_record_the_commitment_but_its_kades_can(dam):
    p = dam.participation(dam.sigam)
    with pytest.raises(NotPermitted):
        services.commitment_record(actor=dam.operator, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))
    services.commitment_record(actor=dam.kades, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))


def test_another_village_is_not_found_for_a_desa_operator(dam):
    p = dam.participation(dam.stagen)
    with pytest.raises(NotFound):
        services.commitment_record(actor=dam.kades, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))


def test_an_uncommitted_village_cannot_start(dam, round_):
    p = dam.participation(dam.sigam)
    with pytest.raises(TransitionNotAllowed):
        services.assessment_start(actor=dam.operator, round_id=round_.pk, participation_id=p.pk)


def test_only_one_round_open_at_a_time(dam, round_):
    with pytest.raises(Conflict):
        services.round_open(
            actor=dam.kepala,
            programme_id=dam.programme.pk,
            name="Lagi",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 2, 1),
        )


def test_submission_needs_every_answer_and_the_required_evidence(dam, round_):
    p = dam.participation(dam.sigam)
    services.commitment_record(actor=dam.auditor, participation_id=p.pk, signed_on=dt.date(2022, 10, 19))
    a = services.assessment_start(actor=dam.operator, round_id=round_.pk, participation_id=p.pk)
    with pytest.raises(InvalidInput) as exc:
        services.assessment_submit(actor=dam.operator, assessment_id=a.pk)
    assert "sp_ditetapkan" in exc.value.errors
    services.answers_save(actor=dam.operator, assessment_id=a.pk, answers={"sp_ditetapkan": 1})
    with pytest.raises(InvalidInput) as exc:
        services.assessment_submit(actor=dam.operator, assessment_id=a.pk)
    assert "Unggah bukti" in exc.value.errors["sp_ditetapkan"]


def test_answers_outside_the_levels_are_refused(filled, dam):
    with pytest.raises(InvalidInput) as exc:
        services.answers_save(
            actor=dam.operator, assessment_id=filled.pk, answers={"sp_ditetapkan": 2, "nope": 1}
        )
    assert set(exc.value.errors) == {"sp_ditetapkan", "nope"}


def test_evidence_is_checked_by_content(filled, dam):
    with pytest.raises(InvalidInput):
        services.evidence_add(
            actor=dam.operator,
            assessment_id=filled.pk,
            indicator="sp_ditetapkan",
            name="x.png",
            data=b"not an image",
        )


def test_the_full_flow_moves_through_every_stage_with_one_history_row_each(designated, dam):
    p = dam.participation(dam.sigam)
    assert p.stage == Stage.DITETAPKAN
    assert p.designated_on == dt.date(2026, 3, 4) and "12/DAM" in p.decree_number
    assert stages(p) == [
        ("", Stage.BELUM_KOMITMEN),
        (Stage.BELUM_KOMITMEN, Stage.KOMITMEN),
        (Stage.KOMITMEN, Stage.PENGISIAN),
        (Stage.PENGISIAN, Stage.VERIFIKASI_PEMKAB),
        (Stage.VERIFIKASI_PEMKAB, Stage.VERIFIKASI_OMBUDSMAN),
        (Stage.VERIFIKASI_OMBUDSMAN, Stage.LULUS),
        (Stage.LULUS, Stage.DITETAPKAN),
    ]
    actors = list(p.history.order_by("at", "pk").values_list("actor__username", flat=True))
    assert actors[-4:] == ["operator.sigam", "auditor", "asisten.dam", "kepala.perwakilan"]
    status = village_status(dam.sigam)
    assert (
        status.stage == Stage.DITETAPKAN
        and status.designated_on == dt.date(2026, 3, 4)
        and status.is_designated
    )
    assert status.label == "Ditetapkan"


def test_submitted_assessment_is_frozen_for_the_village(submitted, dam):
    assert submitted.score == 100 and submitted.eligible
    with pytest.raises(TransitionNotAllowed):
        services.answers_save(actor=dam.operator, assessment_id=submitted.pk, answers={"sp_ditetapkan": 0})


def test_a_desa_cannot_verify_itself(submitted, dam):
    for actor in (dam.operator, dam.kades):
        with pytest.raises(NotPermitted):
            services.pemkab_verify(actor=actor, assessment_id=submitted.pk, passed=True)


def test_a_village_member_who_is_also_a_verifier_cannot_verify_their_village(submitted, dam):
    from tests.factories import member

    member(dam.operator, dam.d.inspektorat, "auditor")
    with pytest.raises(NotPermitted):
        services.pemkab_verify(actor=dam.operator, assessment_id=submitted.pk, passed=True)


def test_only_auditor_or_koordinator_of_a_verifier_organisation_verify_at_level_1(submitted, dam):
    for actor in (dam.inspektur, dam.d.petugas_pupr, dam.superuser):
        with pytest.raises((NotPermitted, NotFound)):
            services.pemkab_verify(actor=actor, assessment_id=submitted.pk, passed=True)
    services.pemkab_verify(actor=dam.dpmd_verifier, assessment_id=submitted.pk, passed=True)


def test_level_2_cannot_act_before_level_1_passes(submitted, dam):
    with pytest.raises(TransitionNotAllowed):
        services.ombudsman_verify(actor=dam.asisten, assessment_id=submitted.pk, passed=True)


def test_level_1_cannot_act_at_level_2(submitted, dam):
    services.pemkab_verify(actor=dam.auditor, assessment_id=submitted.pk, passed=True)
    with pytest.raises(NotPermitted):
        services.ombudsman_verify(actor=dam.auditor, assessment_id=submitted.pk, passed=True)


def test_a_return_needs_notes_and_sends_the_village_back_to_filling(submitted, dam):
    with pytest.raises(InvalidInput):
        services.pemkab_verify(actor=dam.auditor, assessment_id=submitted.pk, passed=False, notes="  ")
    services.pemkab_verify(
        actor=dam.auditor, assessment_id=submitted.pk, passed=False, notes="Foto maklumat buram."
    )
    submitted.refresh_from_db()
    assert submitted.stage == Stage.DIKEMBALIKAN and submitted.return_notes == "Foto maklumat buram."
    change = StageChange.objects.filter(action=Action.RETURN_PEMKAB).get()
    assert change.notes == "Foto maklumat buram." and change.to_stage == Stage.DIKEMBALIKAN
    # The village edits and submits again.
    services.evidence_add(
        actor=dam.operator,
        assessment_id=submitted.pk,
        indicator="maklumat_ditetapkan",
        name="jelas.png",
        data=png_bytes(),
    )
    services.assessment_submit(actor=dam.operator, assessment_id=submitted.pk)
    submitted.refresh_from_db()
    assert submitted.stage == Stage.VERIFIKASI_PEMKAB


def test_the_ombudsman_can_return_after_the_pemkab_passed(submitted, dam):
    services.pemkab_verify(actor=dam.auditor, assessment_id=submitted.pk, passed=True)
    services.ombudsman_verify(
        actor=dam.asisten, assessment_id=submitted.pk, passed=False, notes="Register pengaduan kosong."
    )
    p = dam.participation(dam.sigam)
    assert p.stage == Stage.DIKEMBALIKAN
    assert p.history.filter(action=Action.RETURN_OMBUDSMAN, from_stage=Stage.VERIFIKASI_OMBUDSMAN).exists()


def test_passing_needs_the_thresholds(dam, filled):
    services.answers_save(actor=dam.operator, assessment_id=filled.pk, answers={"pungli_gratis": 0})
    services.assessment_submit(actor=dam.operator, assessment_id=filled.pk)
    with pytest.raises(Conflict):
        services.pemkab_verify(actor=dam.auditor, assessment_id=filled.pk, passed=True)


def test_only_the_ombudsman_pimpinan_designates_and_only_after_both_levels(submitted, dam):
    with pytest.raises(NotPermitted):
        services.designation_record(
            actor=dam.asisten,
            assessment_id=submitted.pk,
            designated_on=dt.date(2026, 3, 4),
            decree_number="1",
        )
    with pytest.raises(TransitionNotAllowed):
        services.designation_record(
            actor=dam.kepala, assessment_id=submitted.pk, designated_on=dt.date(2026, 3, 4), decree_number="1"
        )


def test_designation_needs_a_decree_number_and_a_past_date(passed_both, dam):
    with pytest.raises(InvalidInput) as exc:
        services.designation_record(
            actor=dam.kepala,
            assessment_id=passed_both.pk,
            designated_on=dt.date(2027, 1, 1),
            decree_number="",
        )
    assert set(exc.value.errors) == {"decree_number", "designated_on"}


def test_closing_a_round_sends_unsubmitted_villages_back_to_commitment(dam, filled, round_):
    services.round_close(actor=dam.auditor, round_id=round_.pk)
    p = dam.participation(dam.sigam)
    assert p.stage == Stage.KOMITMEN
    assert p.history.filter(action=Action.ROUND_CLOSED).exists()


def test_a_round_with_assessments_awaiting_verification_cannot_close(dam, submitted, round_):
    with pytest.raises(Conflict):
        services.round_close(actor=dam.auditor, round_id=round_.pk)


def test_village_status_is_none_outside_any_programme(dam, directory):
    assert village_status(directory.pupr) is None
    assert village_status(dam.stagen).stage == Stage.BELUM_KOMITMEN


def test_fill_best_helper_makes_a_submittable_assessment(dam, round_):
    p = dam.participation(dam.stagen)
    services.commitment_record(
        actor=dam.dpmd_verifier, participation_id=p.pk, signed_on=dt.date(2022, 10, 19)
    )
    a = services.assessment_start(actor=dam.dpmd_verifier, round_id=round_.pk, participation_id=p.pk)
    fill_best(dam.operator_stagen, a)
    assert services.missing_for_submission(a) == {}


def test_commitments_of_a_ceremony_are_recorded_all_or_none(dam):
    sigam, stagen = dam.participation(dam.sigam), dam.participation(dam.stagen)
    services.commitment_record(actor=dam.auditor, participation_id=sigam.pk, signed_on=dt.date(2022, 10, 19))
    with pytest.raises(TransitionNotAllowed):
        services.commitments_record(
            actor=dam.auditor, participation_ids=[stagen.pk, sigam.pk], signed_on=dt.date(2022, 10, 19)
        )
    assert dam.participation(dam.stagen).stage == Stage.BELUM_KOMITMEN
    services.commitments_record(
        actor=dam.auditor, participation_ids=[stagen.pk], signed_on=dt.date(2022, 10, 19)
    )
    assert dam.participation(dam.stagen).stage == Stage.KOMITMEN


def test_sync_enrols_a_desa_added_to_the_region_data_later(dam, directory):
    from tuntas.directory.models import Organisation, Region

    region = Region.objects.create(
        code="63.02.07.2014", name="Suka Maju", level=4, kind="desa", parent=directory.regions["63.02.07"]
    )
    Organisation.objects.create(
        name="Pemerintah Desa Suka Maju", slug="desa-suka-maju", kind_id="desa", region=region
    )
    assert services.programme_sync_villages(actor=dam.auditor, programme_id=dam.programme.pk) == 1
    assert services.programme_sync_villages(actor=dam.auditor, programme_id=dam.programme.pk) == 0
    with pytest.raises(NotFound):
        services.programme_sync_villages(actor=dam.operator, programme_id=dam.programme.pk)
