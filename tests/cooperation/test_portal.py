"""The portal's public summary: agreement, areas, trainings held per kind and year; no personal names."""

from __future__ import annotations

from tuntas.cooperation import services


def test_portal_summarises_the_agreement_without_names(client, directory, agreement, training):
    participation = services.training_participants_set(
        actor=directory.asisten,
        training_id=training.pk,
        organisation_id=directory.pupr.pk,
        invited=2,
        user_ids=[directory.petugas_pupr.pk],
    )
    services.training_attendance_record(
        actor=directory.asisten,
        training_id=training.pk,
        counts={participation.pk: 2},
        attended_participants=[participation.participants.get().pk],
    )
    html = client.get("/kerja-sama/").content.decode()
    assert (
        agreement.title in html
        and "Bimbingan teknis (Bimtek)" in html
        and "Pencegahan maladministrasi" in html
    )
    assert directory.petugas_pupr.full_name not in html and "petugas.pupr" not in html
    assert "style=" not in html


def test_private_agreement_is_not_on_the_portal(client, directory, agreement):
    services.agreement_update(
        actor=directory.asisten, agreement_id=agreement.pk, changes={"is_public": False}
    )
    assert agreement.title not in client.get("/kerja-sama/").content.decode()
