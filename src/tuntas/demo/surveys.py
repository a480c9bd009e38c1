"""Demo satisfaction surveys for Kabupaten Kotabaru: a survey running for a year for each published demo service
(see demo/standards.py), with a few hundred deterministic responses spread over the year so the four services
land in different grades (KTP-el A, Kartu Keluarga B, NIB C, surat domisili Desa Stagen D), and an
organisation-level survey for each unit that finished a demo complaint, so closed complaints show the
invitation on their tracking page.

Everything goes through the services on a simulated clock. ``load_surveys_demo()`` is idempotent (a service or
organisation that already has a survey is left alone) and runs after the standards demo.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from tuntas.complaints.models import Handling
from tuntas.core import clock
from tuntas.demo.standards import signatory
from tuntas.directory.models import Organisation
from tuntas.standards.models import ServiceStandard
from tuntas.surveys import services
from tuntas.surveys.models import Response, Survey

SEED = 1417  # PermenPANRB 14/2017
DAYS = 360
# service slug -> (responses, chances of answering 1, 2, 3, 4)
PROFILES = {
    "penerbitan-ktp-el": (110, (0.01, 0.03, 0.28, 0.68)),
    "penerbitan-kartu-keluarga": (95, (0.03, 0.10, 0.52, 0.35)),
    "nib-usaha-mikro-kecil": (70, (0.07, 0.22, 0.52, 0.19)),
    "surat-keterangan-domisili": (40, (0.18, 0.40, 0.32, 0.10)),
}
DEFAULT_PROFILE = (30, (0.05, 0.15, 0.50, 0.30))
# Elements people judge differently from the rest: free services score high on cost, waiting on time.
SHIFTS = {"U3": -0.35, "U4": +0.5, "U9": -0.15}
SUGGESTIONS = (
    "Ruang tunggu panas, mohon ditambah kipas angin.",
    "Petugas ramah dan cepat. Terima kasih.",
    "Antrean pagi terlalu panjang, sebaiknya ada nomor antrean daring.",
    "Informasi persyaratan di papan pengumuman perlu diperbarui.",
    "Pelayanan sudah baik, pertahankan.",
)
PROFILE_CODES = {
    "jenis_kelamin": ["L", "P"],
    "usia": ["u20", "20-29", "30-39", "40-49", "50-59", "60+"],
    "pendidikan": ["sd", "smp", "sma", "diploma", "s1", "s2"],
    "pekerjaan": ["pns", "swasta", "wirausaha", "pelajar", "lainnya"],
}


def _answer(rng: random.Random, weights: tuple[float, ...], shift: float) -> int:
    value = rng.choices((1, 2, 3, 4), weights=weights)[0]
    if shift and rng.random() < abs(shift):
        value += 1 if shift > 0 else -1
    return min(4, max(1, value))


def _profile(rng: random.Random) -> dict[str, str]:
    # About one respondent in six leaves a profile field empty, as on paper forms.
    return {k: ("" if rng.random() < 0.15 else rng.choice(v)) for k, v in PROFILE_CODES.items()}


def _responses(
    survey: Survey, rng: random.Random, count: int, weights: tuple[float, ...], now: dt.datetime
) -> int:
    elements = list(survey.questionnaire.questions.values_list("element__code", flat=True))
    moments = sorted(now - dt.timedelta(minutes=rng.randrange(10, DAYS * 24 * 60)) for _ in range(count))
    for at in moments:
        answers = {code: _answer(rng, weights, SHIFTS.get(code, 0.0)) for code in elements}
        channel = Response.Channel.QR if rng.random() < 0.6 else Response.Channel.PORTAL
        suggestion = rng.choice(SUGGESTIONS) if rng.random() < 0.12 else ""
        with clock.frozen(at):
            services.response_submit(
                survey_id=survey.pk,
                answers=answers,
                profile=_profile(rng),
                suggestion=suggestion,
                channel=channel,
            )
    return count


def load_surveys_demo(*, seed: int = SEED) -> dict[str, int]:
    """Create the demo surveys and responses; returns how many surveys and responses were created."""
    rng = random.Random(seed)
    now = clock.now()
    start = now - dt.timedelta(days=DAYS + 5)
    created = {"surveys": 0, "responses": 0}
    published = (
        ServiceStandard.objects.filter(status=ServiceStandard.Status.PUBLISHED)
        .select_related("service__organisation")
        .order_by("service__organisation__name", "service__sort", "service__name")
    )
    with transaction.atomic():
        for standard in published:
            service = standard.service
            if Survey.objects.filter(service=service).exists():
                continue
            org = service.organisation
            with clock.frozen(start):
                survey = services.survey_open(
                    actor=signatory(org),
                    organisation_id=org.pk,
                    service_id=service.pk,
                    title="Survei berkelanjutan",
                )
            count, weights = PROFILES.get(service.slug, DEFAULT_PROFILE)
            created["surveys"] += 1
            created["responses"] += _responses(survey, rng, count, weights, now)
        finishing = Organisation.objects.filter(
            pk__in=Handling.objects.filter(closed_at__isnull=False).values("organisation_id"), is_active=True
        ).exclude(pk__in=Survey.objects.filter(service__isnull=True).values("organisation_id"))
        for org in finishing.order_by("name"):
            with clock.frozen(start):
                services.survey_open(
                    actor=signatory(org), organisation_id=org.pk, title="Survei setelah pengaduan"
                )
            created["surveys"] += 1
    return created
