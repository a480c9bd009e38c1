"""Agreements, action plans and trainings through the services: permissions, rules and the log."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.cooperation.conftest import TODAY, pdf_bytes, png_bytes
from tests.factories import UserFactory, member
from tuntas.cooperation import services
from tuntas.cooperation.models import Activity, LogEntry, Upload
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted


def test_agreement_gets_every_seeded_focus_area(agreement):
    codes = list(agreement.areas.values_list("area__code", flat=True))
    assert codes == [
        "standar-kualitas",
        "pencegahan-maladministrasi",
        "pengawasan-pengaduan",
        "peningkatan-kapasitas",
    ]


def test_agreement_coordinator_defaults_to_the_pemkab_complaint_coordinator(directory, agreement):
    assert agreement.coordinator == directory.coordinator


def test_agreement_creation_is_logged(agreement):
    assert agreement.log.get().kind == LogEntry.Kind.AGREEMENT_CREATED


def test_a_petugas_of_an_opd_may_not_record_an_agreement(directory, frozen):
    with pytest.raises(NotPermitted):
        services.agreement_create(
            actor=directory.petugas_pupr,
            pemkab_id=directory.pemkab.pk,
            ombudsman_id=directory.ombudsman.pk,
            title="Nota kesepakatan",
            signed_on=TODAY,
            valid_from=TODAY,
            valid_until=TODAY,
        )


def test_validity_may_not_end_before_it_starts(directory, frozen):
    with pytest.raises(InvalidInput) as exc:
        services.agreement_create(
            actor=directory.koordinator,
            pemkab_id=directory.pemkab.pk,
            ombudsman_id=directory.ombudsman.pk,
            title="Nota kesepakatan",
            signed_on=TODAY,
            valid_from=TODAY,
            valid_until=TODAY - dt.timedelta(days=1),
        )
    assert "valid_until" in exc.value.errors


def test_agreement_document_is_a_cleaned_pdf(directory, agreement):
    upload = services.agreement_document_attach(
        actor=directory.asisten, agreement_id=agreement.pk, name="nk.pdf", data=pdf_bytes()
    )
    agreement.refresh_from_db()
    assert agreement.document == upload and upload.content_type == "application/pdf"
    assert b"Pejabat Rahasia" not in upload.file.read()


def test_agreement_document_refuses_an_image(directory, agreement):
    with pytest.raises(InvalidInput):
        services.agreement_document_attach(
            actor=directory.asisten, agreement_id=agreement.pk, name="nk.png", data=png_bytes()
        )


def test_agreement_document_refuses_a_fake_pdf(directory, agreement):
    with pytest.raises(InvalidInput):
        services.agreement_document_attach(
            actor=directory.asisten, agreement_id=agreement.pk, name="nk.pdf", data=b"%PDF-1.4 rusak"
        )


def test_update_keeps_before_and_after_in_the_log(directory, agreement):
    services.agreement_update(
        actor=directory.asisten, agreement_id=agreement.pk, changes={"number_ombudsman": "NK/02/ORI/2026"}
    )
    entry = agreement.log.order_by("-pk").first()
    assert entry.data == {"number_ombudsman": ["NK/01/ORI/I/2026", "NK/02/ORI/2026"]}


def test_outsider_sees_no_agreement_to_update(agreement, outsider):
    with pytest.raises(NotFound):
        services.agreement_update(actor=outsider, agreement_id=agreement.pk, changes={"title": "Judul lain"})


def test_viewer_sees_but_may_not_change_the_agreement(directory, agreement):
    with pytest.raises(NotPermitted):
        services.agreement_update(
            actor=directory.viewer, agreement_id=agreement.pk, changes={"title": "Judul lain"}
        )


def test_activity_owner_must_belong_to_either_side(directory, area, outsider):
    other_org = outsider.memberships.first().organisation
    with pytest.raises(InvalidInput) as exc:
        services.activity_create(
            actor=directory.koordinator,
            area_id=area.pk,
            title="Kegiatan",
            owner_id=other_org.pk,
            due_on=TODAY,
        )
    assert "owner" in exc.value.errors


def test_ombudsman_may_own_an_activity(directory, area):
    activity = services.activity_create(
        actor=directory.asisten,
        area_id=area.pk,
        title="Kajian cepat",
        owner_id=directory.ombudsman.pk,
        due_on=TODAY,
    )
    assert activity.owner == directory.ombudsman


def test_owner_member_reports_progress_with_evidence(directory, activity):
    entry = services.activity_report(
        actor=directory.petugas_pupr,
        activity_id=activity.pk,
        progress=40,
        note="Draf standar selesai dibahas.",
        files=[("foto.png", png_bytes())],
    )
    activity.refresh_from_db()
    assert (activity.progress, activity.status) == (40, Activity.Status.BERJALAN)
    assert entry.data == {"progress": [0, 40], "status": ["rencana", "berjalan"]}
    assert entry.uploads.get().purpose == Upload.Purpose.EVIDENCE


def test_member_of_another_opd_may_not_report_progress(directory, activity):
    with pytest.raises(NotPermitted):
        services.activity_report(actor=directory.petugas_disdik, activity_id=activity.pk, progress=10)


def test_viewer_may_not_report_progress(directory, activity):
    with pytest.raises(NotPermitted):
        services.activity_report(actor=directory.viewer, activity_id=activity.pk, progress=10)


def test_finished_means_one_hundred_percent(directory, activity, frozen):
    services.activity_report(
        actor=directory.petugas_pupr, activity_id=activity.pk, progress=70, status="selesai"
    )
    activity.refresh_from_db()
    assert (activity.progress, activity.status, activity.completed_on) == (100, "selesai", TODAY)


def test_progress_out_of_range_is_refused(directory, activity):
    with pytest.raises(InvalidInput):
        services.activity_report(actor=directory.petugas_pupr, activity_id=activity.pk, progress=101)


def test_evidence_must_be_an_image_or_pdf(directory, activity):
    with pytest.raises(InvalidInput):
        services.activity_report(
            actor=directory.petugas_pupr,
            activity_id=activity.pk,
            progress=10,
            files=[("x.exe", b"MZ\x90\x00")],
        )
    assert not Upload.objects.exists()


def test_progress_log_is_append_only(directory, activity):
    entry = services.activity_report(actor=directory.petugas_pupr, activity_id=activity.pk, progress=10)
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        LogEntry.objects.filter(pk=entry.pk).update(note="diubah")


def test_training_organiser_must_belong_to_either_side(directory, agreement, outsider):
    other_org = outsider.memberships.first().organisation
    with pytest.raises(InvalidInput):
        services.training_create(
            actor=directory.koordinator,
            agreement_id=agreement.pk,
            kind_code="bimtek",
            title="Bimtek",
            starts_on=TODAY,
            organiser_id=other_org.pk,
        )


def test_named_participants_must_be_members_of_their_organisation(directory, training):
    with pytest.raises(InvalidInput):
        services.training_participants_set(
            actor=directory.asisten,
            training_id=training.pk,
            organisation_id=directory.pupr.pk,
            invited=3,
            user_ids=[directory.petugas_disdik.pk],
        )


def test_attendance_counts_named_participants_who_came(directory, training):
    participation = services.training_participants_set(
        actor=directory.asisten,
        training_id=training.pk,
        organisation_id=directory.pupr.pk,
        invited=2,
        user_ids=[directory.petugas_pupr.pk, directory.kadis_pupr.pk],
    )
    came = participation.participants.get(user=directory.petugas_pupr)
    services.training_attendance_record(
        actor=directory.asisten, training_id=training.pk, counts={}, attended_participants=[came.pk]
    )
    participation.refresh_from_db()
    assert participation.attended == 1
    assert dict(participation.participants.values_list("user__username", "attended")) == {
        "petugas.pupr": True,
        "kadis.pupr": False,
    }


def test_attendance_count_may_not_be_below_named_attendees(directory, training):
    participation = services.training_participants_set(
        actor=directory.asisten,
        training_id=training.pk,
        organisation_id=directory.pupr.pk,
        invited=2,
        user_ids=[directory.petugas_pupr.pk],
    )
    came = participation.participants.get()
    with pytest.raises(InvalidInput):
        services.training_attendance_record(
            actor=directory.asisten,
            training_id=training.pk,
            counts={participation.pk: 0},
            attended_participants=[came.pk],
        )


def test_attendance_waits_for_the_training_to_start(directory, agreement, frozen):
    future = services.training_create(
        actor=directory.asisten,
        agreement_id=agreement.pk,
        kind_code="sosialisasi",
        title="Sosialisasi",
        starts_on=TODAY + dt.timedelta(days=3),
        organiser_id=directory.ombudsman.pk,
    )
    with pytest.raises(InvalidInput):
        services.training_attendance_record(actor=directory.asisten, training_id=future.pk, counts={})


def test_organiser_member_records_attendance(directory, agreement, frozen):
    training = services.training_create(
        actor=directory.koordinator,
        agreement_id=agreement.pk,
        kind_code="sosialisasi",
        title="Sosialisasi di Desa Sigam",
        starts_on=TODAY,
        organiser_id=directory.desa.pk,
    )
    operator = member(UserFactory(username="operator.sigam"), directory.desa, "petugas")
    participation = services.training_participants_set(
        actor=operator, training_id=training.pk, organisation_id=directory.desa.pk, invited=20
    )
    services.training_attendance_record(
        actor=operator, training_id=training.pk, counts={participation.pk: 17}
    )
    participation.refresh_from_db()
    assert participation.attended == 17


def test_others_may_not_record_a_training(directory, training):
    with pytest.raises(NotPermitted):
        services.training_attendance_record(
            actor=directory.petugas_disdik, training_id=training.pk, counts={}
        )


def test_materials_are_cleaned_and_logged(directory, training):
    uploads = services.training_materials_add(
        actor=directory.asisten, training_id=training.pk, files=[("materi.pdf", pdf_bytes())]
    )
    assert uploads[0].purpose == Upload.Purpose.MATERIAL and uploads[0].entry.kind == LogEntry.Kind.MATERIAL
