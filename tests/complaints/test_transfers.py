"""Moves between organisations: disposisi, kembalikan, teruskan, limpah ke bawah, eskalasi by a unit and
ambil alih by the Inspektorat. Each is one service call in one transaction; both handlings are in the
timeline, a TRANSFERRED event links them, and the receiving organisation gets an email through the outbox.
The reporter's escalation is in test_escalation.py."""

from __future__ import annotations

import pytest

from tests.complaints.conftest import act, handling_at, png_bytes, reload, row_counts
from tests.factories import UserFactory, member
from tuntas.complaints import services, transfers
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.directory.models import Organisation, OrganisationKind, Region
from tuntas.notify.models import OutboxMessage

REASON = "Bukan urusan PUPR: jalan desa dipelihara Dinas Perkim."


def transferred(handling: Handling) -> Event:
    return Event.objects.get(handling=handling, kind=Event.Kind.TRANSFERRED)


def open_at(complaint: Complaint, organisation) -> Handling:  # noqa: ANN001
    return Handling.objects.get(complaint=complaint, organisation=organisation, is_open=True)


@pytest.fixture
def at_inspektorat(submit, dispose, directory):
    """A complaint the coordinator disposed to the Inspektorat, reviewed and waiting for the Inspektur."""

    def _at(**overrides: object) -> Handling:
        complaint = submit(**overrides).complaint
        h = dispose(complaint, to=directory.inspektorat)
        return act(
            directory.auditor,
            h,
            "ajukan_telaahan",
            telaahan="Tidak berkadar pengawasan; cukup ditangani unit kerja.",
            saran="limpah",
        )

    return _at


# --- 1. disposisi -------------------------------------------------------------------------------------------


def test_disposisi_opens_the_receivers_handling_under_the_coordinators(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint, instruksi="Segera tinjau lokasi.")
    coordinator = handling_at(complaint, directory.coordinator)
    assert (opd.state, opd.parent_id, opd.instruction) == (
        "diterima",
        coordinator.pk,
        "Segera tinjau lokasi.",
    )
    event = transferred(opd)
    assert event.visibility == Event.Visibility.INTERNAL
    assert event.actor == directory.koordinator
    assert event.payload["move"] == transfers.DISPOSISI
    assert event.payload["from_handling"] == coordinator.pk
    assert event.payload["to_organisation"] == {"id": directory.pupr.pk, "name": directory.pupr.name}


def test_both_sides_of_a_move_are_in_the_timeline(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    coordinator = handling_at(complaint, directory.coordinator)
    sent = Event.objects.get(handling=coordinator, kind=Event.Kind.TRANSITIONED)
    received = Event.objects.get(handling=opd, kind=Event.Kind.HANDLING_OPENED)
    assert sent.payload["to"] == "didisposisikan"
    assert received.payload["parent"] == coordinator.pk
    assert sent.id < received.id < transferred(opd).id


def test_receiving_organisation_with_an_email_is_told_through_the_outbox(submit, dispose, directory):
    Organisation.objects.filter(pk=directory.pupr.pk).update(email="pengaduan@pupr.kotabarukab.go.id")
    complaint = submit().complaint
    opd = dispose(complaint)
    message = OutboxMessage.objects.get(template="handling_received")
    assert message.recipient == "pengaduan@pupr.kotabarukab.go.id"
    assert message.event == transferred(opd)
    assert message.status == OutboxMessage.Status.PENDING
    assert complaint.tracking_code in message.subject and directory.coordinator.name in message.body
    # The email says where to look, not what the reporter wrote or who they are.
    assert "Siti" not in message.body and complaint.description not in message.body


def test_receiving_organisation_without_an_email_gets_no_staff_email(submit, dispose):
    dispose(submit().complaint)
    assert not OutboxMessage.objects.filter(template="handling_received").exists()


def test_a_move_that_fails_halfway_writes_nothing(submit, directory, monkeypatch):
    complaint = submit().complaint
    coordinator = handling_at(complaint, directory.coordinator)
    before = row_counts()

    def broken(**kwargs: object) -> None:
        raise RuntimeError("outbox down")

    monkeypatch.setattr(transfers, "transfer_recorded", broken)
    with pytest.raises(RuntimeError):
        act(directory.koordinator, coordinator, "verifikasi", target=directory.pupr.pk)
    assert row_counts() == before
    assert reload(coordinator).state == "menunggu_verifikasi"


# --- 2. kembalikan ("bukan wewenang kami") -----------------------------------------------------------------


def test_opd_returns_the_complaint_to_the_coordinator_with_its_reason(submit, dispose, directory):
    complaint = submit().complaint
    opd = act(directory.petugas_pupr, dispose(complaint), "kembalikan", alasan=REASON)
    assert (opd.state, opd.is_open, opd.closure_reason) == ("dikembalikan", False, "dikembalikan")
    back = open_at(complaint, directory.coordinator)
    assert back.state == "menunggu_verifikasi"  # lapor-admin's first state: it can dispose again
    assert (back.parent_id, back.instruction) == (opd.pk, REASON)
    assert transferred(back).payload["move"] == transfers.KEMBALIKAN
    assert transferred(back).message == REASON
    assert reload(complaint).is_open


def test_returned_complaint_is_disposed_again_by_the_coordinator(submit, dispose, directory):
    complaint = submit().complaint
    act(directory.petugas_pupr, dispose(complaint), "kembalikan", alasan=REASON)
    back = open_at(complaint, directory.coordinator)
    act(directory.koordinator, back, "verifikasi", target=directory.disdik.pk)
    disdik = open_at(complaint, directory.disdik)
    assert disdik.parent_id == back.pk
    assert list(complaint.handlings.filter(is_open=True)) == [disdik]


def test_return_needs_a_reason_and_writes_nothing_without_it(submit, dispose, directory):
    opd = dispose(submit().complaint)
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        act(directory.petugas_pupr, opd, "kembalikan", alasan="  ")
    assert "alasan" in exc.value.errors
    assert row_counts() == before


def test_return_goes_to_the_inspektorat_that_delegated_it(at_inspektorat, directory):
    inspektorat = at_inspektorat()
    act(directory.inspektur, inspektorat, "limpah", target=directory.pupr.pk, instruksi="Tindak lanjuti.")
    complaint = inspektorat.complaint
    act(directory.kadis_pupr, open_at(complaint, directory.pupr), "kembalikan", alasan=REASON)
    back = open_at(complaint, directory.inspektorat)
    assert (back.state, back.instruction) == ("telaah", REASON)


def test_complaint_filed_directly_at_the_opd_returns_to_the_coordinator(submit, directory):
    complaint = submit(intake_organisation="dinas-pupr").complaint
    opd = handling_at(complaint, directory.pupr)
    assert opd.parent_id is None
    act(directory.petugas_pupr, opd, "kembalikan", alasan=REASON)
    assert open_at(complaint, directory.coordinator).parent_id == opd.pk


def test_return_to_a_sender_still_handling_it_is_a_conflict(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    services.handling_open(
        complaint=complaint, organisation=directory.coordinator, actor=services.Actor(kind="sistem")
    )
    with pytest.raises(Conflict):
        act(directory.petugas_pupr, opd, "kembalikan", alasan=REASON)
    assert reload(opd).is_open


def test_desa_returns_what_is_not_the_villages_business(submit, dispose, directory):
    kades = member(UserFactory(username="kades.sigam"), directory.desa, "pimpinan")
    complaint = submit().complaint
    desa = act(kades, dispose(complaint, to=directory.desa), "kembalikan", alasan="Jalan kabupaten.")
    assert desa.state == "dikembalikan"
    assert open_at(complaint, directory.coordinator).instruction == "Jalan kabupaten."


# --- 3. teruskan --------------------------------------------------------------------------------------------


def test_forwarding_sets_the_parent_and_passes_the_reason_on(submit, dispose, directory):
    complaint = submit().complaint
    opd = act(
        directory.petugas_pupr, dispose(complaint), "teruskan", target=directory.disdik.pk, alasan=REASON
    )
    disdik = open_at(complaint, directory.disdik)
    assert (opd.state, opd.closure_reason) == ("diteruskan", "diteruskan")
    assert (disdik.parent_id, disdik.instruction) == (opd.pk, REASON)
    assert transferred(disdik).payload["move"] == transfers.TERUSKAN


def test_forwarding_to_a_unit_already_handling_it_is_invalid(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    services.handling_open(
        complaint=complaint, organisation=directory.disdik, actor=services.Actor(kind="sistem")
    )
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        act(directory.petugas_pupr, opd, "teruskan", target=directory.disdik.pk, alasan=REASON)
    assert "target" in exc.value.errors
    assert row_counts() == before


# --- 4. limpah ke atas (ambil alih) -------------------------------------------------------------------------


def test_inspektur_takes_a_complaint_over_from_the_opd(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    taken = services.handling_take_over(
        actor=directory.inspektur, handling_id=opd.pk, reason="Dugaan pungli."
    )
    opd = reload(opd)
    assert (opd.state, opd.is_open, opd.closure_reason) == ("dilimpahkan", False, "dilimpahkan")
    assert (taken.organisation, taken.state, taken.parent_id) == (directory.inspektorat, "telaah", opd.pk)
    assert taken.instruction == "Dugaan pungli."
    closing = Event.objects.filter(handling=opd, kind=Event.Kind.TRANSITIONED).last()
    assert closing.payload["transition"] == transfers.AMBIL_ALIH
    assert closing.actor == directory.inspektur
    assert (
        closing.visibility == Event.Visibility.PUBLIC and closing.message == ""
    )  # the reason stays internal
    assert transferred(taken).payload["move"] == transfers.AMBIL_ALIH
    assert not opd.clocks.filter(status="running").exists()
    assert reload(complaint).is_open


def test_take_over_tells_the_reporter_where_the_complaint_is_now(submit, dispose, directory):
    opd = dispose(submit().complaint)
    services.handling_take_over(actor=directory.inspektur, handling_id=opd.pk, reason="Dugaan pungli.")
    message = OutboxMessage.objects.filter(recipient="siti.aminah@example.id").last()
    assert "Sedang ditelaah Inspektorat" in message.body
    assert "pungli" not in message.body


def test_auditor_may_not_take_over(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(NotPermitted):
        services.handling_take_over(actor=directory.auditor, handling_id=opd.pk, reason="Dugaan pungli.")
    assert reload(opd).is_open


@pytest.mark.parametrize("who", ["petugas_disdik", "koordinator", "asisten"])
def test_someone_outside_the_inspektorat_cannot_even_find_the_handling(submit, dispose, directory, who):
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        services.handling_take_over(actor=getattr(directory, who), handling_id=opd.pk, reason="Ambil.")


def test_an_inspektorat_of_another_regency_cannot_take_over(submit, dispose, directory):
    Region.objects.create(code="63.03", name="Kabupaten Banjar", level=2, kind="kabupaten", parent_id="63")
    banjar = Organisation.objects.create(
        name="Inspektorat Kabupaten Banjar",
        slug="inspektorat-banjar",
        kind=OrganisationKind.objects.get(slug="inspektorat"),
        region_id="63.03",
    )
    inspektur_banjar = member(UserFactory(username="inspektur.banjar"), banjar, "pimpinan")
    opd = dispose(submit().complaint)
    with pytest.raises(NotFound):
        services.handling_take_over(actor=inspektur_banjar, handling_id=opd.pk, reason="Ambil.")


def test_take_over_needs_a_reason(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(InvalidInput) as exc:
        services.handling_take_over(actor=directory.inspektur, handling_id=opd.pk, reason=" ")
    assert "reason" in exc.value.errors


def test_taking_over_a_closed_handling_is_a_conflict(submit, dispose, directory):
    opd = act(
        directory.petugas_pupr,
        dispose(submit().complaint),
        "teruskan",
        target=directory.disdik.pk,
        alasan="-",
    )
    with pytest.raises(Conflict):
        services.handling_take_over(actor=directory.inspektur, handling_id=opd.pk, reason="Ambil.")


def test_an_oversight_handling_is_not_taken_over(at_inspektorat, directory):
    inspektorat = at_inspektorat()
    with pytest.raises(Conflict):
        services.handling_take_over(actor=directory.inspektur, handling_id=inspektorat.pk, reason="Ambil.")


# --- 5. limpah ke bawah -------------------------------------------------------------------------------------


def test_inspektorat_delegates_down_to_the_opd_with_instructions(at_inspektorat, directory):
    inspektorat = at_inspektorat()
    inspektorat = act(
        directory.inspektur,
        inspektorat,
        "limpah",
        target=directory.pupr.pk,
        instruksi="Perbaiki dalam 7 hari.",
    )
    assert (inspektorat.state, inspektorat.closure_reason) == ("dilimpahkan", "dilimpahkan")
    opd = open_at(inspektorat.complaint, directory.pupr)
    assert (opd.state, opd.parent_id, opd.instruction) == (
        "diterima",
        inspektorat.pk,
        "Perbaiki dalam 7 hari.",
    )
    assert transferred(opd).payload["move"] == transfers.LIMPAH


def test_only_the_inspektur_delegates(at_inspektorat, directory):
    with pytest.raises(TransitionNotAllowed):
        act(directory.auditor, at_inspektorat(), "limpah", target=directory.pupr.pk)


# --- 6. eskalasi by a unit ----------------------------------------------------------------------------------


def test_head_of_the_opd_escalates_to_the_inspektorat(submit, dispose, directory):
    complaint = submit().complaint
    opd = act(
        directory.kadis_pupr,
        dispose(complaint),
        "eskalasi",
        target=directory.inspektorat.pk,
        alasan="Ada dugaan pungutan liar oleh petugas lapangan.",
    )
    assert (opd.state, opd.closure_reason) == ("dilimpahkan", "dieskalasi")
    up = open_at(complaint, directory.inspektorat)
    assert (up.state, up.parent_id) == ("telaah", opd.pk)
    assert transferred(up).payload["move"] == transfers.ESKALASI


def test_a_petugas_cannot_escalate(submit, dispose, directory):
    with pytest.raises(TransitionNotAllowed):
        act(directory.petugas_pupr, dispose(submit().complaint), "eskalasi", target=directory.inspektorat.pk)


def test_escalation_goes_only_to_an_inspektorat(submit, dispose, directory):
    opd = dispose(submit().complaint)
    with pytest.raises(InvalidInput) as exc:
        act(directory.kadis_pupr, opd, "eskalasi", target=directory.disdik.pk, alasan="Salah.")
    assert "target" in exc.value.errors


def test_desa_escalates_to_the_inspektorat(submit, dispose, directory):
    kades = member(UserFactory(username="kades.sigam"), directory.desa, "pimpinan")
    complaint = submit().complaint
    desa = act(
        kades,
        dispose(complaint, to=directory.desa),
        "eskalasi",
        target=directory.inspektorat.pk,
        alasan="Dana desa.",
    )
    assert desa.state == "dilimpahkan"
    assert open_at(complaint, directory.inspektorat).parent_id == desa.pk


# --- identity across organisations --------------------------------------------------------------------------


@pytest.fixture
def confidential(submit):
    """A confidential complaint about Dinas PUPR with a photo and an ID card (identifying) attached."""

    def _confidential(**overrides: object) -> Complaint:
        values = {
            "reported_organisation": "dinas-pupr",
            "files": (("lubang.png", png_bytes()),),
            "identity_files": (("ktp.png", png_bytes()),),
        }
        values.update(overrides)
        return submit(**values).complaint

    return _confidential


def sees(user, complaint: Complaint) -> tuple[bool, set[str]]:  # noqa: ANN001
    """Whether ``user`` may see the reporter's identity, and the attachments they are shown."""
    from tuntas.complaints import access, selectors

    return access.can_see_identity(user, complaint), {
        a.original_name for a in selectors.staff_attachments(user, complaint)
    }


EVIDENCE, ALL_FILES = {"lubang.png"}, {"lubang.png", "ktp.png"}


def move_disposisi(c: Complaint, d) -> None:  # noqa: ANN001
    act(d.koordinator, handling_at(c, d.coordinator), "verifikasi", target=d.pupr.pk)


def move_teruskan(c: Complaint, d) -> None:  # noqa: ANN001
    move_disposisi(c, d)
    act(d.petugas_pupr, open_at(c, d.pupr), "teruskan", target=d.disdik.pk, alasan="Urusan sekolah.")


def move_kembalikan(c: Complaint, d) -> None:  # noqa: ANN001
    move_disposisi(c, d)
    act(d.petugas_pupr, open_at(c, d.pupr), "kembalikan", alasan=REASON)


def move_eskalasi(c: Complaint, d) -> None:  # noqa: ANN001
    move_disposisi(c, d)
    act(d.kadis_pupr, open_at(c, d.pupr), "eskalasi", target=d.inspektorat.pk, alasan="Pungli.")


def move_ambil_alih(c: Complaint, d) -> None:  # noqa: ANN001
    move_disposisi(c, d)
    services.handling_take_over(actor=d.inspektur, handling_id=open_at(c, d.pupr).pk, reason="Pungli.")


def move_limpah(c: Complaint, d) -> None:  # noqa: ANN001
    act(d.koordinator, handling_at(c, d.coordinator), "verifikasi", target=d.inspektorat.pk)
    h = act(d.auditor, open_at(c, d.inspektorat), "ajukan_telaahan", telaahan="Cukup unit.", saran="limpah")
    act(d.inspektur, h, "limpah", target=d.pupr.pk)


# (move, the receiving user, whether they see the identity and the ID card)
MOVES = [
    (move_disposisi, "kadis_pupr", False),  # PUPR is the terlapor
    (move_teruskan, "petugas_disdik", False),  # a work unit never sees a confidential identity
    (move_kembalikan, "koordinator", True),
    (move_eskalasi, "inspektur", True),
    (move_ambil_alih, "inspektur", True),
    (move_limpah, "kadis_pupr", False),
]


@pytest.mark.parametrize(("move", "receiver", "visible"), MOVES, ids=lambda v: getattr(v, "__name__", v))
def test_identity_after_each_move_follows_the_receivers_kind_and_terlapor(
    confidential, directory, move, receiver, visible
):
    complaint = confidential()
    move(complaint, directory)
    assert sees(getattr(directory, receiver), complaint) == (visible, ALL_FILES if visible else EVIDENCE)


@pytest.mark.parametrize(("move", "receiver", "visible"), MOVES, ids=lambda v: getattr(v, "__name__", v))
def test_the_terlapor_never_sees_the_identity_whatever_the_move(
    confidential, directory, move, receiver, visible
):
    complaint = confidential()
    move(complaint, directory)
    identity, files = sees(directory.kadis_pupr, complaint)
    assert not identity and "ktp.png" not in files


def test_a_complaint_about_the_inspektorat_cannot_be_escalated_to_it(confidential, directory):
    # Conflict of interest: the Inspektorat would be in charge of a complaint about itself, and blind to
    # who made it. The unit is told to send it to the body above; nothing moves.
    complaint = confidential(reported_organisation="inspektorat-kotabaru")
    move_disposisi(complaint, directory)
    pupr = open_at(complaint, directory.pupr)
    with pytest.raises(InvalidInput) as refused:
        act(directory.kadis_pupr, pupr, "eskalasi", target=directory.inspektorat.pk, alasan="Pungli.")
    assert "pihak yang diadukan" in refused.value.errors["target"]
    assert not complaint.handlings.filter(organisation=directory.inspektorat).exists()
    assert open_at(complaint, directory.pupr).version == pupr.version


def test_the_inspektur_cannot_take_over_a_complaint_about_the_inspektorat(confidential, directory):
    complaint = confidential(reported_organisation="inspektorat-kotabaru")
    move_disposisi(complaint, directory)
    with pytest.raises(Conflict, match="pihak yang diadukan"):
        services.handling_take_over(
            actor=directory.inspektur, handling_id=open_at(complaint, directory.pupr).pk, reason="Pungli."
        )


def test_complaint_about_the_whole_pemkab_hides_the_identity_from_every_pemkab_unit(confidential, directory):
    complaint = confidential(reported_organisation="pemkab-kotabaru")
    move_ambil_alih(complaint, directory)
    for user in (directory.koordinator, directory.kadis_pupr, directory.inspektur):
        assert sees(user, complaint) == (False, EVIDENCE)


# --- what the sender is shown before sending ----------------------------------------------------------------


def preview(user, complaint: Complaint, organisation) -> dict:  # noqa: ANN001
    from tuntas.complaints import selectors

    return selectors.receiver_preview(user, complaint, organisation)


@pytest.mark.parametrize(("move", "receiver", "visible"), MOVES, ids=lambda v: getattr(v, "__name__", v))
def test_preview_says_exactly_what_the_receiver_then_sees(confidential, directory, move, receiver, visible):
    """The coordinator (who may see everything) previews each receiver; after the move, the receiver sees
    what the preview said."""
    complaint = confidential()
    user = getattr(directory, receiver)
    org = user.memberships.get().organisation
    shown = preview(directory.koordinator, complaint, org)
    move(complaint, directory)
    identity, files = sees(user, complaint)
    assert shown["identity_visible"] == identity == visible
    assert {a["name"] for a in shown["attachments"]} == files
    assert shown["attachments_hidden"] == (0 if visible else 1)


def test_preview_for_the_terlapor_warns_and_hides_identity_documents(confidential, directory):
    shown = preview(directory.koordinator, confidential(), directory.pupr)
    assert shown["is_terlapor"] and shown["identity_reason"] == "terlapor"
    assert (shown["identity_visible"], shown["identity_fields"], shown["identity_roles"]) == (False, [], [])
    assert [a["name"] for a in shown["attachments"]] == ["lubang.png"]


def test_preview_names_the_identity_fields_and_roles_never_their_values(confidential, directory):
    shown = preview(directory.koordinator, confidential(), directory.inspektorat)
    assert shown["identity_visible"] and shown["identity_reason"] == "oversight"
    assert shown["identity_fields"] == ["nama", "email", "telepon", "NIK", "alamat"]
    assert "Auditor" in shown["identity_roles"] and "Pemantau" not in shown["identity_roles"]
    assert "Siti Aminah" not in str(shown) and "6302011204880003" not in str(shown)
    assert {f["name"]: f["value"] for f in shown["fields"]}["title"] == "Jalan desa berlubang dan tergenang"


def test_preview_does_not_name_identity_documents_the_sender_cannot_open(confidential, dispose, directory):
    complaint = confidential()
    dispose(complaint)
    shown = preview(directory.kadis_pupr, complaint, directory.inspektorat)
    assert shown["identity_visible"]
    assert [a["name"] for a in shown["attachments"]] == ["lubang.png"]
    assert shown["attachments_identifying_not_shown_to_you"] == 1


def test_preview_of_an_anonymous_complaint(submit, directory):
    complaint = submit(privacy=Complaint.Privacy.ANONYMOUS).complaint
    shown = preview(directory.koordinator, complaint, directory.inspektorat)
    assert (shown["identity_visible"], shown["identity_reason"]) == (False, "anonymous")


def test_preview_counts_the_internal_notes_that_travel_with_the_timeline(submit, directory):
    complaint = submit().complaint
    services.comment_add(
        actor=directory.koordinator, handling_id=handling_at(complaint, directory.coordinator).pk, text="Cek."
    )
    assert preview(directory.koordinator, complaint, directory.pupr)["internal_notes"] == 1


def test_preview_of_a_complaint_the_user_cannot_see_is_not_found(submit, directory):
    with pytest.raises(NotFound):
        preview(directory.petugas_disdik, submit().complaint, directory.pupr)


# --- at the same moment (PostgreSQL) ------------------------------------------------------------------------

# Two real connections racing on the complaint's row lock (see test_concurrency.race).
at_once = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.postgres
@at_once
def test_take_over_and_forward_at_once_one_wins(submit, dispose, directory):
    from tests.complaints.test_concurrency import outcome, race

    complaint = submit().complaint
    opd = dispose(complaint)
    results = race(
        complaint,
        lambda: services.handling_take_over(actor=directory.inspektur, handling_id=opd.pk, reason="Pungli."),
        lambda: act(directory.kadis_pupr, opd, "teruskan", target=directory.disdik.pk, alasan="Sekolah."),
    )
    assert outcome(results) == ["Conflict", "ok"]
    assert complaint.handlings.filter(is_open=True).count() == 1
    assert Event.objects.filter(handling=opd, kind=Event.Kind.TRANSITIONED).count() == 1


@pytest.mark.postgres
@at_once
def test_two_escalation_requests_at_once_open_one_handling(answered, directory):
    from tests.complaints.test_concurrency import outcome, race

    s, _ = answered()

    def ask() -> Handling:
        return services.reporter_escalate(
            code=s.complaint.tracking_code, secret=s.secret, reason="Belum beres."
        )

    assert outcome(race(s.complaint, ask, ask)) == ["Conflict", "ok"]
    assert Handling.objects.filter(complaint=s.complaint, organisation=directory.inspektorat).count() == 1
