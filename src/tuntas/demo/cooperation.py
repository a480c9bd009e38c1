"""Demo cooperation for Kabupaten Kotabaru: the nota kesepakatan with the Ombudsman, its action plan and the
Bimtek, sosialisasi and FGD held under it.

What is real: Pemkab Kotabaru signed a Nota Kesepakatan with Ombudsman RI on 27 January 2026 in Jakarta (the
Sekda on the regent's behalf; the regent signed in Kotabaru on 28 January 2026), together with the province and
the other regencies of Kalimantan Selatan, with four focus areas: standards and quality of services,
maladministration prevention, oversight and complaint system, capacity building (press reports, January 2026).
What is illustrative: the agreement numbers (not published; marked DEMO), the validity of five years, the
action plan, the trainings and their participants, and the document (a one-page placeholder PDF). Ombudsman
RI Perwakilan Kalimantan Selatan stands for the Ombudsman side, as it does the follow-up in the province.

Activities and trainings are dated relative to today so that the before/after report finds complaints of the
demo story (the last ~150 days, demo/services.py DAYS_OF_HISTORY) on both sides of each first training.
Everything goes through the services on a simulated clock. ``load_cooperation_demo()`` is idempotent: when
Kotabaru already has an agreement with the Ombudsman, nothing is added.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tuntas.cooperation import services
from tuntas.cooperation.access import MANAGING_ROLES
from tuntas.cooperation.catalogue import ensure_catalogues
from tuntas.cooperation.models import Agreement
from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Membership, Organisation, Role, User

SIGNED_ON = dt.date(2026, 1, 27)
VALID_UNTIL = dt.date(2031, 1, 26)  # illustrative: five years
SYSTEM_USERNAME = "sistem.kerjasama"
PULAULAUT_UTARA = "63.02.06"

# (area code, title, owner slug, due in days from today, [(days from today, progress, status, note), ...])
ACTIVITIES = [
    (
        "standar-kualitas",
        "Penetapan standar pelayanan di sepuluh perangkat daerah",
        k.KOORDINATOR,
        60,
        [
            (-90, 20, None, "Inventarisasi layanan di sepuluh perangkat daerah selesai."),
            (-30, 45, None, "Enam perangkat daerah sudah menyusun draf standar."),
        ],
    ),
    (
        "standar-kualitas",
        "Publikasi standar pelayanan Disdukcapil di portal dan ruang layanan",
        "disdukcapil",
        -30,
        [
            (-70, 50, None, "Standar KTP-el dan Kartu Keluarga masuk konsultasi publik."),
            (-35, 100, "selesai", "Standar diterbitkan di portal; poster dipasang di ruang layanan."),
        ],
    ),
    (
        "standar-kualitas",
        "Survei kepuasan masyarakat semester II",
        "dpmptsp",
        -10,
        [(-40, 60, None, "Kuesioner dibagikan di loket; 312 responden terkumpul.")],
    ),
    (
        "pencegahan-maladministrasi",
        "Pendampingan Desa Anti-Maladministrasi Kecamatan Pulaulaut Utara",
        "dpmd",
        90,
        [(-60, 30, None, "Instrumen penilaian diisi oleh enam desa.")],
    ),
    ("pencegahan-maladministrasi", "Kajian cepat pelayanan air bersih", k.OMBUDSMAN, -20, []),
    (
        "pencegahan-maladministrasi",
        "Sosialisasi pencegahan maladministrasi bagi pemerintah desa",
        k.OMBUDSMAN,
        -90,
        [(-99, 100, "selesai", "Sosialisasi terlaksana di Kantor Kecamatan Pulaulaut Utara.")],
    ),
    (
        "pengawasan-pengaduan",
        "Unit pengelola pengaduan di setiap perangkat daerah",
        k.KOORDINATOR,
        30,
        [
            (-100, 30, None, "Surat edaran Sekda tentang unit pengaduan terbit."),
            (-20, 70, None, "Dua belas perangkat daerah sudah menetapkan petugas pengaduan."),
        ],
    ),
    (
        "pengawasan-pengaduan",
        "Tindak lanjut tindakan korektif hasil pemeriksaan Ombudsman",
        k.INSPEKTORAT,
        -5,
        [
            (-45, 50, None, "Tiga dari enam tindakan korektif dilaksanakan."),
            (-12, 80, None, "Lima tindakan korektif dilaksanakan; satu menunggu anggaran."),
        ],
    ),
    ("pengawasan-pengaduan", "Integrasi kanal pengaduan desa ke SP4N-LAPOR!", k.KOORDINATOR, 120, []),
    (
        "peningkatan-kapasitas",
        "Bimtek standar pelayanan bagi perangkat daerah",
        k.OMBUDSMAN,
        -110,
        [(-118, 100, "selesai", "Bimtek terlaksana dua hari; materi terlampir di halaman pelatihan.")],
    ),
    (
        "peningkatan-kapasitas",
        "Pelatihan pengelolaan website SKPD",
        k.KOORDINATOR,
        45,
        [(-18, 50, None, "Angkatan pertama selesai dilatih.")],
    ),
]

# (kind, title, organiser slug, start in days from today, days long, place, activity title or "",
#  [(organisation slug or "desa:<n>", invited, attended, [usernames])])
TRAININGS = [
    (
        "bimtek",
        "Bimtek penyusunan standar pelayanan publik",
        k.OMBUDSMAN,
        -120,
        2,
        "Aula Kantor Bupati Kotabaru",
        "Bimtek standar pelayanan bagi perangkat daerah",
        [
            ("disdukcapil", 4, 4, ["petugas.dukcapil", "kadis.dukcapil"]),
            ("dpmptsp", 3, 3, ["petugas.dpmptsp"]),
            ("dinas-pupr", 3, 2, ["petugas.pupr", "kadis.pupr"]),
            ("rsud-pangeran-jaya-sumitra", 3, 3, ["petugas.rsud"]),
        ],
    ),
    (
        "sosialisasi",
        "Sosialisasi pencegahan maladministrasi bagi pemerintah desa se-Kecamatan Pulaulaut Utara",
        k.OMBUDSMAN,
        -100,
        1,
        "Kantor Kecamatan Pulaulaut Utara",
        "Sosialisasi pencegahan maladministrasi bagi pemerintah desa",
        [
            ("desa:0", 3, 3, []),
            ("desa:1", 3, 2, []),
            ("desa:2", 3, 3, []),
            ("desa:3", 2, 2, []),
            ("desa:4", 2, 1, []),
            ("desa:5", 2, 2, []),
            ("kecamatan-pulaulaut-utara", 2, 2, ["petugas.kec.plu"]),
        ],
    ),
    (
        "fgd",
        "FGD pengelolaan pengaduan terintegrasi SP4N-LAPOR!",
        k.KOORDINATOR,
        -85,
        1,
        "Ruang Rapat Manuntung",
        "Unit pengelola pengaduan di setiap perangkat daerah",
        [
            (k.KOORDINATOR, 3, 3, ["koordinator"]),
            (k.INSPEKTORAT, 2, 2, ["auditor"]),
            ("dinas-kesehatan", 2, 2, []),
            ("dinas-pendidikan", 2, 1, ["petugas.disdik"]),
            ("dinas-sosial", 2, 2, []),
        ],
    ),
    (
        "bimtek",
        "Bimtek penanganan pengaduan di unit layanan",
        k.OMBUDSMAN,
        -75,
        1,
        "Aula Dinas PUPR",
        "",
        [
            ("dinas-pupr", 3, 3, []),
            ("pdam-kotabaru", 3, 3, ["petugas.pdam"]),
            ("disdukcapil", 2, 2, []),
            ("dinas-pendidikan", 2, 2, []),
        ],
    ),
    (
        "pendampingan",
        "Pendampingan pengisian instrumen Desa Anti-Maladministrasi",
        "dpmd",
        -60,
        2,
        "Kantor Kecamatan Pulaulaut Utara",
        "Pendampingan Desa Anti-Maladministrasi Kecamatan Pulaulaut Utara",
        [("desa:6", 2, 2, []), ("desa:7", 2, 2, []), ("desa:8", 2, 1, []), ("desa:0", 1, 1, [])],
    ),
    (
        "sosialisasi",
        "Sosialisasi maklumat pelayanan dan kanal pengaduan di kecamatan",
        k.OMBUDSMAN,
        -40,
        1,
        "Kantor Kecamatan Pulaulaut Sigam",
        "",
        [
            ("kecamatan-pulaulaut-sigam", 3, 3, ["petugas.kec.sigam"]),
            ("kecamatan-kelumpang-hilir", 3, 2, ["petugas.kec.kelumpanghilir"]),
        ],
    ),
    (
        "pelatihan",
        "Pelatihan pengelolaan website SKPD angkatan I",
        k.KOORDINATOR,
        -20,
        2,
        "Laboratorium komputer Diskominfo",
        "Pelatihan pengelolaan website SKPD",
        [
            ("dinas-perhubungan", 2, 2, []),
            ("dinas-lingkungan-hidup", 2, 2, []),
            ("bapenda", 2, 2, []),
            ("bkpsdm", 2, 1, []),
        ],
    ),
    (
        "bimtek",
        "Bimtek evaluasi kinerja pelaksana pelayanan",
        k.OMBUDSMAN,
        14,
        1,
        "Aula Kantor Bupati Kotabaru",
        "",
        [("dinas-kesehatan", 3, None, []), ("dinas-sosial", 3, None, [])],
    ),
]


def _placeholder_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, "NOTA KESEPAKATAN (CONTOH DEMO)", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Pemerintah Kabupaten Kotabaru dan Ombudsman Republik Indonesia tentang sinergi peningkatan kualitas "
        "penyelenggaraan pelayanan publik. Dokumen pengganti untuk demo Tuntas: bukan naskah resmi.",
    )
    return bytes(pdf.output())


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)), timezone.get_current_timezone())


def _actor(org: Organisation, preferred: str) -> User:
    """A demo account managing the agreement on that side, or a system account made a manager there."""
    user = User.objects.filter(username=preferred).first()
    if user and Membership.objects.filter(user=user, organisation=org, role__in=MANAGING_ROLES).exists():
        return user
    system, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"full_name": "Sistem (data demo kerja sama)"}
    )
    if created:
        system.set_unusable_password()
        system.save(update_fields=["password"])
    Membership.objects.get_or_create(user=system, organisation=org, role=Role.ADMIN)
    return system


def _desa() -> list[Organisation]:
    return list(
        Organisation.objects.filter(
            kind_id="desa", region__parent_id=PULAULAUT_UTARA, is_active=True
        ).order_by("region_id")
    )


@transaction.atomic
def load_cooperation_demo() -> dict[str, int]:
    """Load the demo agreement, action plan and trainings; returns how many of each were added."""
    ensure_catalogues()
    orgs = {
        o.slug: o
        for o in Organisation.objects.filter(is_active=True).exclude(kind_id__in=("desa", "kelurahan"))
    }
    pemkab, ombudsman = orgs.get(k.PEMKAB), orgs.get(k.OMBUDSMAN)
    added = {"agreements": 0, "activities": 0, "trainings": 0}
    if pemkab is None or ombudsman is None:
        return added
    if Agreement.objects.filter(pemkab=pemkab, ombudsman=ombudsman).exists():
        return added
    coordinator = orgs.get(k.KOORDINATOR) or pemkab
    pemkab_actor = _actor(coordinator, "koordinator")
    ombudsman_actor = _actor(ombudsman, "kepala.ombudsman")
    for i, desa in enumerate(_desa()):
        orgs[f"desa:{i}"] = desa
    today = clock.today()

    with clock.frozen(_at(SIGNED_ON + dt.timedelta(days=1))):
        agreement = services.agreement_create(
            actor=pemkab_actor,
            pemkab_id=pemkab.pk,
            ombudsman_id=ombudsman.pk,
            title="Nota Kesepakatan tentang Sinergi Peningkatan Kualitas Penyelenggaraan Pelayanan Publik",
            number_pemkab="DEMO-100.3.7/001/NK/2026",
            number_ombudsman="DEMO-NK/001/ORI/I/2026",
            signed_on=SIGNED_ON,
            valid_from=SIGNED_ON,
            valid_until=VALID_UNTIL,
            summary=(
                "Sinergi Pemerintah Kabupaten Kotabaru dan Ombudsman RI dalam pengembangan kebijakan, evaluasi, "
                "pemantauan dan peningkatan kualitas pelayanan publik, termasuk percepatan penyelesaian laporan "
                "masyarakat dan pencegahan maladministrasi."
            ),
        )
        services.agreement_document_attach(
            actor=ombudsman_actor,
            agreement_id=agreement.pk,
            name="nota-kesepakatan-demo.pdf",
            data=_placeholder_pdf(),
        )
    added["agreements"] = 1
    areas = {a.area.code: a for a in agreement.areas.select_related("area")}
    created_on = min(today - dt.timedelta(days=130), SIGNED_ON + dt.timedelta(days=60))
    by_title = {}
    for code, title, owner_slug, due_in, reports in ACTIVITIES:
        owner = orgs.get(owner_slug) or coordinator
        manager = ombudsman_actor if owner == ombudsman else pemkab_actor
        with clock.frozen(_at(max(created_on, SIGNED_ON))):
            activity = services.activity_create(
                actor=manager,
                area_id=areas[code].pk,
                title=title,
                owner_id=owner.pk,
                due_on=today + dt.timedelta(days=due_in),
            )
        by_title[title] = activity
        added["activities"] += 1
        for days, progress, status, note in reports:
            with clock.frozen(_at(today + dt.timedelta(days=days))):
                services.activity_report(
                    actor=manager, activity_id=activity.pk, progress=progress, status=status, note=note
                )
    for kind, title, organiser_slug, start_in, length, place, activity_title, people in TRAININGS:
        organiser = orgs.get(organiser_slug) or coordinator
        starts_on = today + dt.timedelta(days=start_in)
        ends_on = starts_on + dt.timedelta(days=length - 1)
        actor = ombudsman_actor if organiser == ombudsman else pemkab_actor
        with clock.frozen(_at(starts_on - dt.timedelta(days=14))):
            training = services.training_create(
                actor=actor,
                agreement_id=agreement.pk,
                kind_code=kind,
                title=title,
                starts_on=starts_on,
                ends_on=ends_on,
                organiser_id=organiser.pk,
                place=place,
                activity_id=by_title[activity_title].pk if activity_title in by_title else None,
            )
            counts: dict[int, int] = {}
            came: list[int] = []
            for slug, invited, attended, usernames in people:
                org = orgs.get(slug)
                if org is None:
                    continue
                if slug.startswith("desa:"):
                    usernames = [k.operator_username(org.short_name)]  # the village's demo operator
                users = list(
                    User.objects.filter(
                        username__in=usernames, memberships__organisation=org, memberships__is_active=True
                    ).distinct()
                )
                participation = services.training_participants_set(
                    actor=actor,
                    training_id=training.pk,
                    organisation_id=org.pk,
                    invited=max(invited, len(users)),
                    user_ids=[u.pk for u in users],
                )
                if attended is not None:
                    counts[participation.pk] = attended
                    came += list(participation.participants.values_list("pk", flat=True))[:attended]
        added["trainings"] += 1
        if starts_on <= today and counts:
            with clock.frozen(_at(ends_on)):
                services.training_attendance_record(
                    actor=actor, training_id=training.pk, counts=counts, attended_participants=came
                )
    return added
