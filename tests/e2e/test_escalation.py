"""Escalation in a real browser: a citizen files a confidential complaint about Dinas PUPR; the coordinator
previews what PUPR will see and disposes it; PUPR answers; the citizen, not satisfied, asks the Inspektorat
to look at it; the Inspektorat reviews, clarifies and closes it. PUPR never sees who the reporter is."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_journey import open_complaint, staff_login, take_action
from tuntas.complaints.models import Complaint, Event, Handling

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Siti Rahmawati Pelapor"
PHONE = "081251234567"


def file_confidential_complaint(citizen: Page, base: str) -> tuple[str, str]:
    citizen.goto(f"{base}/lapor/")
    citizen.get_by_label("Judul").fill("Pungutan biaya pemasangan gorong-gorong di Sigam")
    citizen.get_by_label("Apa yang terjadi", exact=False).fill(
        "Petugas lapangan meminta Rp500.000 agar gorong-gorong di depan rumah warga dipasang."
    )
    citizen.get_by_label("Kategori").select_option(label="Jalan dan jembatan")
    citizen.locator("[data-kecamatan]").select_option(label="Pulaulaut Utara")
    citizen.locator("[data-desa-slot] select").select_option(label="Desa Sigam")
    citizen.locator("select[name=reported_organisation]").select_option(label="Dinas PUPR")
    expect(citizen.get_by_label("Rahasia", exact=False)).to_be_checked()
    citizen.get_by_label("Nama", exact=True).fill(NAME)
    citizen.get_by_label("Nomor telepon", exact=False).fill(PHONE)
    citizen.get_by_role("button", name="Kirim pengaduan").click()
    codes = citizen.locator("dd.code")
    expect(codes.first).to_be_visible()
    return codes.nth(0).inner_text().strip(), codes.nth(1).inner_text().strip()


def test_confidential_complaint_escalated_by_the_reporter_to_the_inspektorat(
    live_server, directory, new_page
):
    base = live_server.url
    citizen = new_page(390, 844)
    code, secret = file_confidential_complaint(citizen, base)

    # 1. The coordinator previews what Dinas PUPR (the terlapor) would see, then disposes it from there.
    coordinator = new_page(1280, 900)
    staff_login(coordinator, base, "koordinator")
    complaint = Complaint.objects.get(tracking_code=code)
    intake = Handling.objects.get(complaint=complaint, organisation=directory.coordinator)
    coordinator.goto(f"{base}/console/penanganan/{intake.pk}/pratinjau/verifikasi/")
    coordinator.get_by_role("combobox", name=re.compile("^Unit tujuan")).select_option(label="Dinas PUPR")
    coordinator.get_by_role("button", name="Pratinjau").click()
    expect(coordinator.get_by_text("unit ini adalah pihak yang diadukan", exact=False)).to_be_visible()
    coordinator.get_by_label("Instruksi untuk unit tujuan").fill("Mohon ditindaklanjuti.")
    coordinator.get_by_role("button", name="Verifikasi dan disposisikan").click()
    expect(coordinator.locator(".flash").first).to_contain_text("berhasil")

    # 2. Dinas PUPR answers; it never sees who the reporter is.
    opd = new_page(1280, 900)
    staff_login(opd, base, "petugas.pupr")
    open_complaint(opd, base, code)
    assert NAME not in opd.content() and PHONE not in opd.content()
    take_action(opd, "Kirim jawaban", fill={"Jawaban": "Tidak ada pungutan; pemasangan sesuai jadwal."})
    expect(opd.locator(".flash").first).to_be_visible()

    # 3. The citizen reads the answer and asks the Inspektorat to look at it.
    citizen.goto(f"{base}/lacak/")
    citizen.get_by_label("Kode lacak").fill(code)
    citizen.get_by_label("Kode rahasia").fill(secret)
    citizen.get_by_role("button", name=re.compile("Lihat|Lacak|Ikuti")).first.click()
    expect(citizen.get_by_text("Tidak ada pungutan; pemasangan sesuai jadwal.")).to_be_visible()
    escalation = citizen.locator("#eskalasi")
    expect(escalation.get_by_role("heading", name="Ajukan ke Inspektorat")).to_be_visible()
    escalation.get_by_label("Mengapa Anda meminta pemeriksaan?").fill(
        "Tetangga saya juga dimintai uang oleh petugas yang sama."
    )
    escalation.get_by_role("button", name="Ajukan ke Inspektorat").click()
    expect(
        citizen.get_by_text("sudah diajukan ke Inspektorat Kabupaten Kotabaru", exact=False)
    ).to_be_visible()
    expect(citizen.get_by_text("Sedang ditelaah Inspektorat").first).to_be_visible()

    # PUPR's page now shows its handling closed and still no identity.
    opd.goto(f"{base}/console/pengaduan/{complaint.pk}/")  # no longer in its inbox: it is closed
    expect(opd.get_by_text("Dilimpahkan ke Inspektorat").first).to_be_visible()
    assert NAME not in opd.content() and PHONE not in opd.content()

    # 4. The Inspektorat reviews it, the Inspektur orders clarification, the auditor settles and closes it.
    auditor = new_page(1280, 900)
    staff_login(auditor, base, "auditor")
    open_complaint(auditor, base, code)
    auditor.get_by_role("button", name=re.compile("Tampilkan identitas")).click()
    expect(auditor.get_by_text(NAME)).to_be_visible()  # the Inspektorat is not the terlapor
    take_action(
        auditor,
        "Ajukan telaahan",
        fill={"Hasil telaahan staf": "Dugaan pungutan liar, perlu klarifikasi."},
        select={"Saran tindak lanjut": "Konfirmasi dan klarifikasi"},
    )
    inspektur = new_page(1280, 900)
    staff_login(inspektur, base, "inspektur")
    open_complaint(inspektur, base, code)
    take_action(inspektur, "Konfirmasi dan klarifikasi")
    expect(inspektur.locator(".flash").first).to_be_visible()
    open_complaint(auditor, base, code)
    take_action(
        auditor,
        "Selesai pada klarifikasi",
        fill={
            "Hasil konfirmasi dan klarifikasi": "Petugas mengakui dan mengembalikan uang warga.",
            "Jawaban untuk pelapor": "Uang Anda dikembalikan; petugas diberi sanksi.",
        },
    )
    expect(auditor.locator(".flash").first).to_be_visible()

    citizen.reload()
    expect(citizen.get_by_text("Uang Anda dikembalikan; petugas diberi sanksi.")).to_be_visible()

    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CLOSED
    assert [(h.organisation_id, h.state) for h in complaint.handlings.order_by("id")] == [
        (directory.coordinator.pk, "didisposisikan"),
        (directory.pupr.pk, "dilimpahkan"),
        (directory.inspektorat.pk, "selesai"),
    ]
    # Only the auditor looked at the identity; nobody at Dinas PUPR did.
    viewers = set(
        complaint.events.filter(kind=Event.Kind.IDENTITY_VIEWED).values_list("actor__username", flat=True)
    )
    assert viewers == {"auditor"}
