"""Demo requests from Ombudsman RI Perwakilan Kalimantan Selatan to the Pemkab Kotabaru focal point, in
several stages: just sent, forwarded to a unit and overdue, answered by the unit and replied (waiting for the
Ombudsman to accept), and accepted.

Runs after the Kotabaru demo (``load_demo``) or on a smaller directory with the same slugs: it needs the
organisations ``ombudsman-kalsel``, ``pemkab-kotabaru``, ``dinas-pupr`` and ``dinas-pendidikan`` and the
accounts ``asisten.ombudsman``, ``petugas.pupr`` and ``petugas.disdik``. The focal point account
``focal.pemkab`` (a member of the Pemkab with the focal_point role) is created when missing. Each scenario
files its own complaint with the Ombudsman and runs every step through the services on a simulated clock.
Idempotent: a scenario whose request already exists is skipped.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from pypdf import PdfWriter

from tuntas.clarifications import services
from tuntas.clarifications.kinds import ensure_request_kinds
from tuntas.clarifications.models import InfoRequest
from tuntas.complaints.models import Category, Complaint
from tuntas.complaints.services_intake import ComplaintInput, ReporterInput, complaint_submit
from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Membership, Organisation, Role, User

FOCAL_USERNAME = "focal.pemkab"


@dataclass(frozen=True)
class Scenario:
    subject: str
    title: str
    description: str
    category: str
    unit: str  # organisation slug of the responsible unit (and the terlapor)
    unit_user: str
    days_ago: int  # calendar days since the request was sent
    days: int  # its deadline in working days
    stage: str  # sent | routed | answered | accepted
    question: str
    kind: str = "klarifikasi"


SCENARIOS = (
    Scenario(
        "Klarifikasi penundaan perbaikan jalan Sigam",
        "Perbaikan jalan poros Sigam tertunda berbulan-bulan",
        "Jalan poros Desa Sigam rusak berat sejak awal tahun; perbaikan yang dijanjikan tidak kunjung dimulai.",
        "jalan-jembatan",
        "dinas-pupr",
        "petugas.pupr",
        2,
        14,
        "sent",
        "Mohon penjelasan jadwal perbaikan jalan poros Sigam, alasan penundaan, dan salinan dokumen kontraknya.",
    ),
    Scenario(
        "Dokumen pungutan biaya ijazah SD",
        "Orang tua diminta biaya untuk mengambil ijazah",
        "Sekolah dasar di Kecamatan Pulau Laut Utara meminta uang Rp150.000 untuk pengambilan ijazah.",
        "pendidikan",
        "dinas-pendidikan",
        "petugas.disdik",
        30,
        14,
        "routed",
        "Mohon dokumen dasar hukum pungutan pengambilan ijazah dan langkah yang telah diambil Dinas Pendidikan.",
        "dokumen",
    ),
    Scenario(
        "Klarifikasi genangan di Jalan Raya Stagen",
        "Saluran air tersumbat, jalan tergenang",
        "Saluran di sisi Jalan Raya Stagen tersumbat sehingga jalan tergenang setiap hujan.",
        "jalan-jembatan",
        "dinas-pupr",
        "petugas.pupr",
        16,
        14,
        "answered",
        "Mohon klarifikasi tindak lanjut atas saluran yang tersumbat dan jadwal normalisasinya.",
    ),
    Scenario(
        "Tindakan korektif layanan surat pindah sekolah",
        "Surat pindah sekolah tidak dilayani",
        "Permohonan surat pindah sekolah tidak dilayani selama tiga minggu tanpa penjelasan.",
        "pendidikan",
        "dinas-pendidikan",
        "petugas.disdik",
        40,
        10,
        "accepted",
        "Mohon laporan pelaksanaan tindakan korektif: penerbitan surat pindah dan perbaikan SOP layanan.",
        "tindakan_korektif",
    ),
)


def demo_pdf(text: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def ensure_focal_point(pemkab: Organisation) -> User:
    """The Pemkab's focal point for the Ombudsman (the Kotabaru demo has one; a smaller directory may not)."""
    user, created = User.objects.get_or_create(
        username=FOCAL_USERNAME,
        defaults={
            "full_name": "Taufik Hidayat",
            "email": f"{FOCAL_USERNAME}@demo.tuntas.id",
            "password": make_password(k.DEMO_PASSWORD),
        },
    )
    Membership.objects.get_or_create(user=user, organisation=pemkab, role=Role.FOCAL_POINT)
    return user


def _complaint(s: Scenario, ombudsman: Organisation) -> Complaint:
    category = s.category if Category.objects.filter(slug=s.category).exists() else None
    data = ComplaintInput(
        title=s.title,
        description=s.description,
        privacy=Complaint.Privacy.CONFIDENTIAL,
        category=category,
        intake_organisation=ombudsman.slug,
        reported_organisation=s.unit,
        reporter=ReporterInput(name="Warga Pelapor (demo)", phone="081200000000"),
    )
    return complaint_submit(data=data, channel=Complaint.Channel.LETTER).complaint


def _run(s: Scenario, orgs: dict[str, Organisation], users: dict[str, User], now: dt.datetime) -> None:
    sent_at = now - dt.timedelta(days=s.days_ago)
    with clock.frozen(sent_at) as advance:
        complaint = _complaint(s, orgs["ombudsman"])
        request = services.request_send(
            actor=users["asisten"],
            complaint_id=complaint.pk,
            receiver_id=orgs["pemkab"].pk,
            kind=s.kind,
            subject=s.subject,
            question=s.question,
            days=s.days,
        )
        if s.stage == "sent":
            return
        advance(dt.timedelta(days=1))
        (row,) = services.request_route(
            actor=users["focal"],
            request_id=request.pk,
            organisation_ids=[orgs[s.unit].pk],
            instruction="Mohon disiapkan jawaban dan dokumen pendukung.",
        )
        if s.stage == "routed":
            return
        advance(dt.timedelta(days=5))
        services.routing_answer(
            actor=users[s.unit_user],
            routing_id=row.pk,
            answer="Jawaban unit beserta dokumen pendukung terlampir.",
            files=(("dokumen-pendukung.pdf", demo_pdf(s.subject)),),
        )
        advance(dt.timedelta(days=2))
        services.request_reply(
            actor=users["focal"],
            request_id=request.pk,
            reply="Terlampir jawaban dan dokumen dari unit terkait.",
            document_ids=list(request.documents.filter(stage="unit").values_list("pk", flat=True)),
        )
        if s.stage == "answered":
            return
        advance(dt.timedelta(days=3))
        services.request_accept(actor=users["asisten"], request_id=request.pk, note="Jawaban diterima.")


def load_clarifications_demo() -> dict[str, int]:
    """Load the demo requests; returns {"requests": n created, "focal_point_created": 0|1}."""
    ensure_request_kinds()
    slugs = {
        "ombudsman": k.OMBUDSMAN,
        "pemkab": k.PEMKAB,
        "dinas-pupr": "dinas-pupr",
        "dinas-pendidikan": "dinas-pendidikan",
    }
    orgs = {
        key: Organisation.objects.filter(slug=slug, is_active=True).first() for key, slug in slugs.items()
    }
    if None in orgs.values():
        return {"requests": 0, "focal_point_created": 0}
    had_focal = User.objects.filter(username=FOCAL_USERNAME).exists()
    users = {
        "asisten": User.objects.filter(username="asisten.ombudsman").first(),
        "petugas.pupr": User.objects.filter(username="petugas.pupr").first(),
        "petugas.disdik": User.objects.filter(username="petugas.disdik").first(),
        "focal": ensure_focal_point(orgs["pemkab"]),
    }
    if None in users.values():
        return {"requests": 0, "focal_point_created": int(not had_focal)}
    now = clock.now()
    created = 0
    for s in SCENARIOS:
        if InfoRequest.objects.filter(subject=s.subject, sender_organisation=orgs["ombudsman"]).exists():
            continue
        _run(s, orgs, users, now)
        created += 1
    return {"requests": created, "focal_point_created": int(not had_focal)}
