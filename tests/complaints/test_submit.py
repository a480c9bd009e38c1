"""Filing a complaint, and the main journey from submission to the reporter's rating."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.complaints.conftest import (
    NIK,
    NOW,
    PHONE,
    act,
    complaint_input,
    handling_at,
    jpeg_with_exif,
    reload,
    row_counts,
)
from tuntas.complaints import selectors, services
from tuntas.complaints.models import Complaint, Event, Handling, ReporterIdentity
from tuntas.complaints.services import ReporterInput
from tuntas.core import codes
from tuntas.core.errors import Conflict, InvalidInput
from tuntas.directory.models import Organisation, OrganisationKind


def test_journey_from_submission_to_rating(submit, dispose, directory):
    s = submit()
    complaint = s.complaint
    coordinator = handling_at(complaint, directory.coordinator)
    assert (coordinator.state, coordinator.workflow.slug) == ("menunggu_verifikasi", "lapor-admin")

    opd = dispose(complaint, instruksi="Mohon dicek lokasi dan ditangani.")
    assert (opd.state, opd.workflow.slug, opd.parent_id) == ("diterima", "opd", coordinator.pk)
    assert reload(coordinator).state == "didisposisikan"
    opd = act(directory.petugas_pupr, opd, "proses")
    opd = act(directory.petugas_pupr, opd, "jawab", jawaban="Jalan akan ditambal minggu ini.")
    services.reporter_reply(
        code=complaint.tracking_code, secret=s.secret, message="Belum ditambal sampai kini."
    )
    assert reload(opd).state == "diproses"  # not satisfied: back to work
    act(directory.petugas_pupr, opd, "jawab", jawaban="Penambalan selesai 6 Maret, foto terlampir.")
    services.reporter_reply(code=complaint.tracking_code, secret=s.secret, message="", accept=True)

    complaint = reload(complaint)
    assert complaint.status == Complaint.Status.CLOSED
    assert complaint.closure_reason == "selesai"
    assert (reload(opd).state, opd.closure_reason, opd.is_open) == ("selesai", "selesai", False)
    services.reporter_rate(code=complaint.tracking_code, secret=s.secret, rating=4, comment="Cepat.")
    assert reload(complaint).rating == 4

    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds[:2] == [Event.Kind.SUBMITTED, Event.Kind.HANDLING_OPENED]
    assert kinds[-2:] == [Event.Kind.CLOSED, Event.Kind.RATED]


def test_disposal_opens_handling_at_opd_and_both_sides_are_in_the_timeline(submit, dispose, directory):
    complaint = submit().complaint
    opd = dispose(complaint)
    coordinator = handling_at(complaint, directory.coordinator)
    disposed = Event.objects.get(handling=coordinator, kind=Event.Kind.TRANSITIONED)
    opened = Event.objects.get(handling=opd, kind=Event.Kind.HANDLING_OPENED)
    assert disposed.payload["data"]["target"]["id"] == directory.pupr.pk
    assert opened.payload["parent"] == coordinator.pk
    timeline = list(selectors.reporter_timeline(complaint))
    assert disposed in timeline and opened in timeline


def test_disposal_instruction_is_kept_on_the_new_handling(submit, dispose):
    opd = dispose(submit().complaint, instruksi="Segera tinjau lokasi.")
    assert opd.instruction == "Segera tinjau lokasi."


def test_anonymous_complaint_stores_no_identity_even_when_a_name_was_given(submit):
    reporter = ReporterInput(name="Budi Santoso", email="budi@example.id", phone=PHONE, nik=NIK)
    complaint = submit(privacy=Complaint.Privacy.ANONYMOUS, reporter=reporter).complaint
    assert not ReporterIdentity.objects.filter(complaint=complaint).exists()
    stored = [complaint.title, complaint.description] + [
        str(e.payload) + e.message for e in complaint.events.all()
    ]
    assert not any("Budi" in text or NIK in text for text in stored)


def test_anonymous_complaint_refuses_identity_documents(submit):
    with pytest.raises(InvalidInput) as exc:
        submit(privacy=Complaint.Privacy.ANONYMOUS, identity_files=(("ktp.jpg", jpeg_with_exif()),))
    assert "identity_files" in exc.value.errors


INVALID = [
    ("title", {"title": "Jln"}),
    ("title", {"title": "x" * 201}),
    ("description", {"description": "Jalan rusak."}),
    ("privacy", {"privacy": "terbuka"}),
    ("classification", {"classification": "keluhan"}),
    ("category", {"category": "tidak-ada"}),
    ("region", {"region_code": "99.99"}),
    ("reported_organisation", {"reported_organisation": "dinas-tidak-ada"}),
    ("intake_organisation", {"intake_organisation": "unit-tidak-ada"}),
    ("intake_organisation", {"intake_organisation": "dinas-pendidikan"}),  # does not take complaints
    ("latitude", {"latitude": "utara"}),
    ("latitude", {"latitude": "91", "longitude": "116"}),
    ("latitude", {"latitude": "NaN", "longitude": "116"}),
    ("latitude", {"latitude": "-3.2"}),  # without longitude
    ("longitude", {"latitude": "-3.2", "longitude": "181"}),
    ("occurred_on", {"occurred_on": NOW.date() + dt.timedelta(days=1)}),
    ("occurred_on", {"occurred_on": "kemarin"}),
    ("name", {"reporter": ReporterInput(name="")}),
    ("name", {"reporter": ReporterInput(name="S" * 201)}),
    ("email", {"reporter": ReporterInput(name="Siti", email="siti@")}),
    ("phone", {"reporter": ReporterInput(name="Siti", phone="0812-ABC")}),
    ("nik", {"reporter": ReporterInput(name="Siti", nik="63020112")}),
    ("files", {"files": (("foto.jpg", b"bukan gambar"),)}),
    ("files", {"files": tuple((f"f{i}.jpg", b"x") for i in range(6))}),
    ("identity_files", {"identity_files": (("ktp.jpg", b"bukan gambar"),)}),
]


@pytest.mark.parametrize(
    ("field", "overrides"), INVALID, ids=[f"{f}-{i}" for i, (f, _) in enumerate(INVALID)]
)
def test_invalid_input_names_the_field_and_writes_nothing(submit, field, overrides):
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        submit(**overrides)
    assert field in exc.value.errors
    assert row_counts() == before


def test_complaint_goes_to_the_coordinator_covering_its_region(submit, directory):
    kecamatan = Organisation.objects.create(
        name="Koordinator Pengaduan Kecamatan Kelumpang Selatan",
        slug="koordinator-kelumpang-selatan",
        kind=OrganisationKind.objects.get(slug="koordinator"),
        region=directory.regions["63.02.07"],
        accepts_complaints=True,
    )
    in_sigam = submit(region_code="63.02.06.2005").complaint
    in_kelumpang = submit(region_code="63.02.07").complaint
    assert in_sigam.intake_organisation == directory.coordinator
    assert in_kelumpang.intake_organisation == kecamatan
    assert Handling.objects.get(complaint=in_kelumpang).organisation == kecamatan


def test_region_no_coordinator_covers_is_invalid_when_there_are_several(submit, directory):
    Organisation.objects.create(
        name="Koordinator Pengaduan Kabupaten Lain",
        slug="koordinator-lain",
        kind=OrganisationKind.objects.get(slug="koordinator"),
        region=directory.regions["63.02.07"],
    )
    with pytest.raises(InvalidInput) as exc:
        submit(region_code="63")
    assert "region" in exc.value.errors


def test_complaint_filed_directly_at_an_opd_that_takes_complaints(submit, directory):
    complaint = submit(intake_organisation="dinas-pupr").complaint
    handling = Handling.objects.get(complaint=complaint)
    assert (handling.organisation, handling.workflow.slug, handling.state) == (
        directory.pupr,
        "opd",
        "diterima",
    )


def test_tracking_codes_are_unique_and_carry_the_pemkab_prefix(submit):
    tracking = [submit().complaint.tracking_code for _ in range(15)]
    assert len(set(tracking)) == len(tracking)
    alphabet = re.escape(codes.ALPHABET)
    assert all(re.fullmatch(rf"KTB-[{alphabet}]{{4}}-[{alphabet}]{{2}}", t) for t in tracking)


def test_tracking_code_collision_draws_a_new_code(directory, frozen):
    def scripted(chars: str):
        it = iter(chars)
        return lambda alphabet: next(it)

    # Each filing draws a 10-character secret and then 6 characters per tracking code attempt.
    first = services.complaint_submit(data=complaint_input(), choice=scripted("S" * 10 + "AAAAAA"))
    second = services.complaint_submit(
        data=complaint_input(), choice=scripted("T" * 10 + "AAAAAA" + "BBBBBB")
    )
    assert first.complaint.tracking_code == "KTB-AAAA-AA"
    assert second.complaint.tracking_code == "KTB-BBBB-BB"


def test_secret_is_stored_only_as_a_salted_hash(submit):
    s = submit()
    stored = Complaint.objects.values_list("secret_hash", flat=True).get(pk=s.complaint.pk)
    plain = codes.normalise(s.secret)
    assert plain not in stored and s.secret not in stored
    assert codes.secret_matches(s.secret, stored)
    assert stored != codes.hash_secret(s.secret)  # salted: hashing again gives another value
    assert not any(plain in str(e.payload) for e in s.complaint.events.all())


def test_complaint_found_by_code_and_secret_in_any_spelling(submit):
    s = submit()
    found = services.complaint_by_secret(s.complaint.tracking_code.lower().replace("-", ""), s.secret.lower())
    assert found == s.complaint


def test_submission_queues_a_receipt_without_the_secret(submit):
    from tuntas.notify.models import OutboxMessage

    s = submit()
    message = OutboxMessage.objects.get(complaint=s.complaint)
    assert message.recipient == "siti.aminah@example.id"
    assert s.complaint.tracking_code in message.subject
    assert codes.normalise(s.secret) not in codes.normalise(message.body)


def test_rating_is_refused_while_the_complaint_is_open(submit):
    s = submit()
    with pytest.raises(Conflict):
        services.reporter_rate(code=s.complaint.tracking_code, secret=s.secret, rating=5)
    assert reload(s.complaint).rating is None


def test_unknown_channel_is_invalid_and_writes_nothing(directory, frozen):
    before = row_counts()
    with pytest.raises(InvalidInput) as exc:
        services.complaint_submit(data=complaint_input(), channel="merpati")
    assert "channel" in exc.value.errors
    assert row_counts() == before


def test_email_text_is_not_html_escaped(submit):
    from tuntas.notify.models import OutboxMessage

    s = submit(title='Jalan "Poros" & jembatan <Sigam>')
    body = OutboxMessage.objects.get(complaint=s.complaint).body
    assert 'Jalan "Poros" & jembatan <Sigam>' in body
