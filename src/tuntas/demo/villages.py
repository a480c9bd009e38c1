"""Demo of the Desa Anti-Maladministrasi programme in Kabupaten Kotabaru, replayed through the services on a
simulated clock.

Real (public news: ANTARA Kalsel 29 Nov 2023; ombudsman.go.id 20 May and 3 Jun 2025; apahabar.com Oct 2022):
- the programme of Pemkab Kotabaru with Ombudsman RI Perwakilan Kalimantan Selatan, commitment signed by all
  198 desa at the sosialisasi of Wednesday 19 October 2022 (kelurahan are not in it);
- the 10 villages designated on 27 November 2023 (among 40 nominees, in eight kecamatan: two each in
  Kelumpang Selatan and Sungai Durian, so not one per kecamatan): Semayap, Tirawan,
  Berangas, Suka Maju, Bumi Asih, Serongga, Manunggul Lama, Rantau Jaya, Kanibungan, Tebing Tinggi;
- the 8 designated on 19 May 2025, completing every desa of Kecamatan Pulaulaut Utara: Stagen, Dirgahayu,
  Gunung Sari, Gunung Ulin, Megasari, Sebelimbingan, Sungai Taib, Rampa;
- the signatory title, Kepala Perwakilan Ombudsman RI Provinsi Kalimantan Selatan (the person holding it is
  not named: the demo account has an invented name).
Illustrative (not public): the MoU and decree numbers, the other 30 nominees of 2023, every answer and score
(the real instrument is not public), the verification dates within each year, the return notes, and the
whole current round with its villages at various stages.

``load_villages_demo()`` is idempotent (a programme that exists is left alone) and runs after the Kotabaru
demo directory (``tuntas.demo.services.directory_load``), whose organisations and accounts it uses; accounts it
needs and does not find are created (with the demo password only when settings.DEMO is on).
"""

from __future__ import annotations

import datetime as dt
import functools
import io

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from PIL import Image, ImageDraw

from tuntas.core import clock
from tuntas.demo import kotabaru as k
from tuntas.directory.models import Membership, Organisation, User
from tuntas.villages import services
from tuntas.villages.models import Participation, Programme, Stage
from tuntas.villages.registry import ensure_instrument
from tuntas.villages.scoring import best_answers

PROGRAMME_SLUG = "dam-kotabaru"
COMMITMENT_DAY = dt.date(2022, 10, 19)
DESIGNATED_2023 = dt.date(2023, 11, 27)
DESIGNATED_2025 = dt.date(2025, 5, 19)
SYSTEM_USERNAME = "sistem.dam"
DPMD_VERIFIER = "verifikator.dpmd"

# Region codes (Kepmendagri 2025) of the designated villages, from the names in the news.
REAL_2023 = (
    "63.02.06.2014",  # Semayap, Pulaulaut Utara
    "63.02.22.2005",  # Tirawan, Pulaulaut Sigam
    "63.02.04.2007",  # Berangas, Pulau Laut Timur
    "63.02.07.2014",  # Suka Maju, Kelumpang Selatan
    "63.02.07.2017",  # Bumi Asih, Kelumpang Selatan
    "63.02.17.2001",  # Serongga, Kelumpang Hilir
    "63.02.15.2004",  # Manunggul Lama, Sungai Durian
    "63.02.15.2009",  # Rantau Jaya, Sungai Durian
    "63.02.05.2002",  # Kanibungan, Pulau Sebuku
    "63.02.09.2016",  # Tebing Tinggi, Kelumpang Tengah
)
REAL_2025 = (
    "63.02.06.2011",  # Stagen
    "63.02.06.2015",  # Dirgahayu
    "63.02.06.2025",  # Gunung Sari
    "63.02.06.2022",  # Gunung Ulin
    "63.02.06.2009",  # Megasari
    "63.02.06.2010",  # Sebelimbingan
    "63.02.06.2013",  # Sungai Taib
    "63.02.06.2012",  # Rampa (Pulaulaut Utara; another Rampa lies in Pulau Sebuku)
)
# The current round (illustrative): (kecamatan code, stage reached); the first desa of that kecamatan not yet
# in the current round is taken.
CURRENT = (
    ("63.02.03", Stage.PENGISIAN),
    ("63.02.08", Stage.PENGISIAN),
    ("63.02.14", Stage.PENGISIAN),
    ("63.02.02", Stage.VERIFIKASI_PEMKAB),
    ("63.02.12", Stage.VERIFIKASI_PEMKAB),
    ("63.02.10", Stage.DIKEMBALIKAN),
    ("63.02.18", Stage.DIKEMBALIKAN),
    ("63.02.16", Stage.VERIFIKASI_OMBUDSMAN),
    ("63.02.21", Stage.VERIFIKASI_OMBUDSMAN),
)
RETURN_NOTES = {
    1: "Foto maklumat pelayanan belum menunjukkan tanda tangan kepala desa. Unggah ulang foto yang jelas.",
    2: "Register pengaduan hanya memuat satu bulan. Lengkapi register enam bulan terakhir beserta tindak lanjutnya.",
}


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@functools.lru_cache(maxsize=64)
def _evidence_image(label: str) -> bytes:
    """A small placeholder image standing for a photo of the evidence."""
    img = Image.new("RGB", (320, 200), (236, 242, 247))
    draw = ImageDraw.Draw(img)
    draw.rectangle((8, 8, 311, 191), outline=(11, 92, 142), width=3)
    draw.text((20, 90), f"Bukti (contoh): {label}"[:48], fill=(27, 31, 35))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@functools.lru_cache(maxsize=2)
def _password(demo: bool) -> str:
    # Hashed once: PBKDF2 for each of a dozen accounts would cost seconds.
    return make_password(k.DEMO_PASSWORD if demo else None)


def _account(username: str, full_name: str, org: Organisation, role: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create(username=username, full_name=full_name, password=_password(settings.DEMO))
    Membership.objects.get_or_create(user=user, organisation=org, role=role)
    return user


def _system() -> User:
    """Stands in for village operators the demo has no account for: inactive, no password, superuser (which
    lets it fill in as a village admin, never verify: verification comes only from memberships)."""
    user, _ = User.objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "full_name": "Sistem (data contoh Desa Anti-Maladministrasi)",
            "password": make_password(None),
            "is_active": False,
            "is_superuser": True,
        },
    )
    return user


class _Cast:
    def __init__(self) -> None:
        orgs = {
            o.slug: o
            for o in Organisation.objects.filter(slug__in=[k.PEMKAB, k.OMBUDSMAN, k.INSPEKTORAT, "dpmd"])
        }
        missing = {k.PEMKAB, k.OMBUDSMAN, k.INSPEKTORAT, "dpmd"} - set(orgs)
        if missing:
            raise LookupError(f"load the Kotabaru demo directory first (missing: {sorted(missing)})")
        self.pemkab, self.ombudsman = orgs[k.PEMKAB], orgs[k.OMBUDSMAN]
        self.inspektorat, self.dpmd = orgs[k.INSPEKTORAT], orgs["dpmd"]
        self.auditor = _account("auditor", "Arif Rahman", self.inspektorat, "auditor")
        self.dpmd_verifier = _account(DPMD_VERIFIER, "Siti Aisyah", self.dpmd, "koordinator")
        self.asisten = _account("asisten.ombudsman", "Dimas Prasetyo", self.ombudsman, "petugas")
        self.kepala = _account("kepala.ombudsman", "Yudha Pranata", self.ombudsman, "pimpinan")
        self.system = _system()

    def operator(self, village: Organisation) -> User:
        member = (
            Membership.objects.filter(organisation=village, role="petugas", is_active=True)
            .select_related("user")
            .order_by("pk")
            .first()
        )
        return member.user if member else self.system


def _walk(
    cast: _Cast,
    p: Participation,
    round_id: int,
    *,
    start: dt.date,
    until: str,
    designate_on: dt.date | None = None,
    decree: str = "",
    returned: int = 0,
) -> None:
    """Take one village from "komitmen" to ``until`` (or to designation), a step every few weeks from ``start``;
    ``returned`` = the level (1 or 2) that sends it back once before it passes, or leaves it returned when
    ``until`` is DIKEMBALIKAN."""
    operator = cast.operator(p.village)
    with clock.frozen(_at(start)) as advance:
        a = services.assessment_start(actor=operator, round_id=round_id, participation_id=p.pk)
        if until == Stage.PENGISIAN:
            _fill(operator, a, partial=True)
            return
        _fill(operator, a)
        advance(dt.timedelta(days=21))
        services.assessment_submit(actor=operator, assessment_id=a.pk)
        if until == Stage.VERIFIKASI_PEMKAB:
            return
        for level, verifier in ((1, cast.auditor), (2, cast.asisten)):
            advance(dt.timedelta(days=14))
            if returned == level:
                services.verification_decide(
                    actor=verifier, assessment_id=a.pk, level=level, passed=False, notes=RETURN_NOTES[level]
                )
                if until == Stage.DIKEMBALIKAN:
                    return
                advance(dt.timedelta(days=10))
                services.assessment_submit(actor=operator, assessment_id=a.pk, notes="Sudah diperbaiki.")
                if level == 2:
                    advance(dt.timedelta(days=7))
                    services.verification_decide(actor=cast.auditor, assessment_id=a.pk, level=1, passed=True)
                    advance(dt.timedelta(days=7))
            services.verification_decide(actor=verifier, assessment_id=a.pk, level=level, passed=True)
            if until == Stage.VERIFIKASI_OMBUDSMAN and level == 1:
                return
    if designate_on is not None:
        with clock.frozen(_at(designate_on, 14)):
            services.designation_record(
                actor=cast.kepala, assessment_id=a.pk, designated_on=designate_on, decree_number=decree
            )


def _fill(operator: User, assessment, *, partial: bool = False) -> None:  # noqa: ANN001
    instrument = services.instrument_for(assessment)
    answers = best_answers(instrument)
    if partial:  # half-way through the instrument
        answers = dict(list(answers.items())[: len(answers) // 2])
    services.answers_save(actor=operator, assessment_id=assessment.pk, answers=answers)
    files = [
        (i.code, f"{i.code}.png", _evidence_image(i.code))
        for i in instrument.indicators
        if i.evidence_required and i.code in answers
    ]
    services.evidence_add_many(actor=operator, assessment_id=assessment.pk, files=files)


def _decree(n: int, day: dt.date) -> str:
    return f"(contoh) Keputusan Kepala Perwakilan Ombudsman RI Kalsel Nomor {n:03d}/DAM/{day:%m}/{day.year}"


def load_villages_demo() -> dict[str, int]:
    """Load the Kotabaru DAM history; returns counts of what was created (all 0 when already loaded)."""
    ensure_instrument()
    if Programme.objects.filter(slug=PROGRAMME_SLUG).exists():
        return {"programmes": 0, "committed": 0, "designated": 0, "assessments": 0}
    with transaction.atomic():
        return _load()


def _load() -> dict[str, int]:
    cast = _Cast()
    with clock.frozen(_at(COMMITMENT_DAY, 9)):
        programme = services.programme_create(
            actor=cast.kepala,
            pemkab_id=cast.pemkab.pk,
            ombudsman_id=cast.ombudsman.pk,
            year=2022,
            slug=PROGRAMME_SLUG,
            name="Desa Anti-Maladministrasi Kabupaten Kotabaru",
            verifier_ids=[cast.inspektorat.pk, cast.dpmd.pk],
            mou_reference="(contoh) Nota Kesepahaman Pemkab Kotabaru dan Ombudsman RI Perwakilan Kalimantan Selatan",
            mou_date=COMMITMENT_DAY,
            signatory_title="Kepala Perwakilan Ombudsman Republik Indonesia Provinsi Kalimantan Selatan",
        )
    participations = {p.village.region_id: p for p in programme.participations.select_related("village")}
    with clock.frozen(_at(COMMITMENT_DAY, 11)):
        services.commitments_record(
            actor=cast.auditor,
            participation_ids=[p.pk for p in participations.values()],
            signed_on=COMMITMENT_DAY,
        )

    def fresh(code: str) -> Participation:
        p = participations[code]
        p.refresh_from_db()
        return p

    # 2023: 40 nominees, 10 designated on 27 November 2023; the other nominees stop half-way.
    with clock.frozen(_at(dt.date(2023, 2, 6))):
        r2023 = services.round_open(
            actor=cast.auditor,
            programme_id=programme.pk,
            name="Penilaian DAM 2023",
            starts_on=dt.date(2023, 2, 6),
            ends_on=dt.date(2023, 11, 30),
        )
    for n, code in enumerate(REAL_2023, start=1):
        _walk(
            cast,
            fresh(code),
            r2023.pk,
            start=dt.date(2023, 5, 8) + dt.timedelta(days=n),
            until=Stage.LULUS,
            designate_on=DESIGNATED_2023,
            decree=_decree(n, DESIGNATED_2023),
            returned=1 if n % 4 == 0 else 0,
        )
    others = [c for c in sorted(participations) if c not in REAL_2023 and c not in REAL_2025]
    for code in others[::6][:30]:
        _walk(cast, fresh(code), r2023.pk, start=dt.date(2023, 6, 5), until=Stage.PENGISIAN)
    with clock.frozen(_at(dt.date(2023, 12, 1))):
        services.round_close(actor=cast.auditor, round_id=r2023.pk)

    # 2024-2025: the remaining eight desa of Pulaulaut Utara, designated on 19 May 2025.
    with clock.frozen(_at(dt.date(2024, 6, 3))):
        r2025 = services.round_open(
            actor=cast.auditor,
            programme_id=programme.pk,
            name="Penilaian DAM 2024-2025",
            starts_on=dt.date(2024, 6, 3),
            ends_on=dt.date(2025, 5, 31),
        )
    for n, code in enumerate(REAL_2025, start=1):
        _walk(
            cast,
            fresh(code),
            r2025.pk,
            start=dt.date(2024, 9, 2) + dt.timedelta(days=n),
            until=Stage.LULUS,
            designate_on=DESIGNATED_2025,
            decree=_decree(n, DESIGNATED_2025),
            returned=2 if n == 3 else 0,
        )
    with clock.frozen(_at(dt.date(2025, 6, 2))):
        services.round_close(actor=cast.auditor, round_id=r2025.pk)

    # The current round: villages at every stage of the flow, each with a demo operator account.
    today = clock.today()
    start = min(dt.date(today.year, 2, 2), today - dt.timedelta(days=120))
    with clock.frozen(_at(start)):
        current = services.round_open(
            actor=cast.auditor,
            programme_id=programme.pk,
            name=f"Penilaian DAM {today.year}",
            starts_on=start,
            ends_on=max(dt.date(today.year, 12, 15), today + dt.timedelta(days=30)),
        )
    for n, (kecamatan, until) in enumerate(CURRENT):
        code = next(
            c
            for c in sorted(participations)
            if c.startswith(kecamatan + ".") and fresh(c).stage == Stage.KOMITMEN
        )
        p = fresh(code)
        _account(
            k.operator_username(p.village.short_name or p.village.name),
            f"Operator {p.village.short_name}",
            p.village,
            "petugas",
        )
        returned = 1 if (until == Stage.DIKEMBALIKAN and n % 2) else 2 if until == Stage.DIKEMBALIKAN else 0
        _walk(
            cast, p, current.pk, start=today - dt.timedelta(days=100 - 3 * n), until=until, returned=returned
        )
    designated = programme.participations.filter(stage=Stage.DITETAPKAN).count()
    return {
        "programmes": 1,
        "committed": programme.participations.exclude(stage=Stage.BELUM_KOMITMEN).count(),
        "designated": designated,
        "assessments": sum(r.assessments.count() for r in programme.rounds.all()),
    }
