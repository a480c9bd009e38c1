"""Writes of the Desa Anti-Maladministrasi programme. Views, the demo loader and tests call these.

Each step is one service: check the actor (access.py), lock what changes, move the stage of the assessment and
of the village's participation together, and write one append-only ``StageChange`` row (who, when, from -> to,
notes) in the same transaction. An object the actor cannot see is NotFound; one they see but may not act on is
NotPermitted; a step out of order is TransitionNotAllowed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tuntas.core import clock
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.core.files import clean_upload, store_clean_file
from tuntas.directory.models import Organisation, OrganisationKind, User
from tuntas.villages import access
from tuntas.villages.instrument import Instrument
from tuntas.villages.models import (
    ACTIVE_STAGES,
    Answer,
    Assessment,
    Evidence,
    InstrumentVersion,
    Participation,
    Programme,
    Round,
    Stage,
    StageChange,
)
from tuntas.villages.registry import active_instrument, instrument_of
from tuntas.villages.scoring import Score, score
from tuntas.villages.selectors import programme_villages

Action = StageChange.Action
NOTES_MAX = 5_000
DECREE_MAX = 200
MAX_EVIDENCE_PER_INDICATOR = 5


def _move(
    participation: Participation,
    to_stage: str,
    action: str,
    actor: User | None,
    *,
    assessment: Assessment | None = None,
    notes: str = "",
) -> StageChange:
    """The one place a stage is assigned: the participation's (and the assessment's) stage and its history row."""
    now = clock.now()
    change = StageChange.objects.create(
        participation=participation,
        assessment=assessment,
        action=action,
        from_stage=participation.stage,
        to_stage=to_stage,
        notes=notes,
        actor=actor if actor is not None and actor.pk else None,
        at=now,
    )
    participation.stage = to_stage
    participation.updated_at = now
    participation.save(
        update_fields=["stage", "updated_at", "committed_on", "designated_on", "decree_number"]
    )
    if assessment is not None:
        assessment.stage = to_stage
        assessment.updated_at = now
        assessment.save()
    return change


def _clean_notes(notes: str) -> str:
    notes = (notes or "").strip().replace("\r\n", "\n")
    if len(notes) > NOTES_MAX:
        raise InvalidInput(
            _("Catatan terlalu panjang."), errors={"notes": _("Paling banyak 5.000 karakter.")}
        )
    return notes


def _locked_participation(actor: User, participation_id: int) -> Participation:
    p = (
        Participation.objects.select_for_update()
        .select_related("programme", "village")
        .filter(pk=participation_id)
        .first()
    )
    if p is None or not access.sees_participation(actor, p):
        raise NotFound(_("Desa peserta tidak ditemukan."))
    return p


def _locked_assessment(actor: User, assessment_id: int) -> tuple[Assessment, Participation]:
    found = Assessment.objects.filter(pk=assessment_id).values_list("participation_id", flat=True).first()
    if found is None:
        raise NotFound(_("Penilaian tidak ditemukan."))
    participation = _locked_participation(actor, found)
    assessment = (
        Assessment.objects.select_for_update().select_related("round__instrument").get(pk=assessment_id)
    )
    return assessment, participation


def instrument_for(assessment: Assessment) -> Instrument:
    return instrument_of(assessment.round.instrument)


def assessment_score(assessment: Assessment) -> Score:
    answers = dict(assessment.answers.values_list("indicator", "value"))
    return score(instrument_for(assessment), answers)


# --- programme ----------------------------------------------------------------------------------------------


def programme_create(
    *,
    actor: User,
    pemkab_id: int,
    ombudsman_id: int,
    year: int,
    verifier_ids: list[int] | tuple[int, ...] = (),
    name: str = "",
    slug: str = "",
    mou_reference: str = "",
    mou_date: dt.date | None = None,
    include_kelurahan: bool = False,
    signatory_title: str = "",
) -> Programme:
    """Create a regency's programme and enrol its villages (desa, and kelurahan when asked) from the region
    data, all at "belum komitmen". The verifiers default to the regency's Inspektorat."""
    if not access.can_create_programme(actor, pemkab_id, ombudsman_id):
        raise NotPermitted(_("Anda tidak berwenang membuat program Desa Anti-Maladministrasi."))
    pemkab = Organisation.objects.filter(pk=pemkab_id, is_active=True).select_related("region").first()
    ombudsman = Organisation.objects.filter(pk=ombudsman_id, is_active=True).select_related("kind").first()
    errors = {}
    if pemkab is None or pemkab.region is None or pemkab.region.level != 2:
        errors["pemkab"] = _("Pilih Pemkab dengan wilayah kabupaten/kota.")
    if ombudsman is None or ombudsman.kind.agreement_party != OrganisationKind.Party.OMBUDSMAN:
        errors["ombudsman"] = _("Pilih Ombudsman RI Perwakilan.")
    if not 2000 <= int(year) <= 2100:
        errors["year"] = _("Tahun tidak sah.")
    if errors:
        raise InvalidInput(_("Periksa data program."), errors=errors)
    verifiers = list(Organisation.objects.filter(pk__in=verifier_ids, is_active=True))
    if not verifiers:
        verifiers = list(
            Organisation.objects.filter(
                parent=pemkab,
                kind__oversight_rank__gt=0,
                kind__is_external_oversight=False,
                is_active=True,
            )
        )
    name = " ".join((name or "").split()) or _("Desa Anti-Maladministrasi %(region)s") % {
        "region": pemkab.region.name
    }
    slug = slugify(slug or f"dam-{pemkab.region.name}-{year}")[:80]
    with transaction.atomic():
        if Programme.objects.filter(slug=slug).exists():
            raise Conflict(_("Program dengan alamat ini sudah ada."))
        programme = Programme.objects.create(
            slug=slug,
            name=name,
            pemkab=pemkab,
            ombudsman=ombudsman,
            year=year,
            mou_reference=" ".join((mou_reference or "").split())[:200],
            mou_date=mou_date,
            include_kelurahan=include_kelurahan,
            signatory_title=signatory_title or _("Kepala Perwakilan %(name)s") % {"name": ombudsman.name},
            created_at=clock.now(),
        )
        programme.verifiers.set(verifiers)
        _enrol(programme, actor)
    return programme


def _enrol(programme: Programme, actor: User | None) -> int:
    known = set(programme.participations.values_list("village_id", flat=True))
    now = clock.now()
    new = [
        Participation(programme=programme, village=v, stage=Stage.BELUM_KOMITMEN, updated_at=now)
        for v in programme_villages(programme)
        if v.pk not in known
    ]
    Participation.objects.bulk_create(new)
    created = list(programme.participations.filter(village_id__in=[p.village_id for p in new]))
    StageChange.objects.bulk_create(
        StageChange(
            participation=p,
            action=Action.ENROL,
            from_stage="",
            to_stage=Stage.BELUM_KOMITMEN,
            actor=actor if actor is not None and actor.pk else None,
            at=now,
        )
        for p in created
    )
    return len(created)


def programme_sync_villages(*, actor: User, programme_id: int) -> int:
    """Enrol villages added to the region data since the programme began; returns how many."""
    with transaction.atomic():
        programme = Programme.objects.select_for_update().filter(pk=programme_id).first()
        if programme is None or not access.sees_programme(actor, programme):
            raise NotFound(_("Program tidak ditemukan."))
        if not access.can_open_round(actor, programme) and not actor.is_superuser:
            raise NotPermitted(_("Anda tidak berwenang mengubah peserta program ini."))
        return _enrol(programme, actor)


def commitment_record(
    *,
    actor: User,
    participation_id: int,
    signed_on: dt.date,
    document: tuple[str, bytes] | None = None,
    notes: str = "",
) -> Participation:
    """Record that a village signed its commitment (the date, and optionally the signed document as a PDF or
    photo, cleaned like any upload)."""
    return commitments_record(
        actor=actor, participation_ids=[participation_id], signed_on=signed_on, document=document, notes=notes
    )[0]


def commitments_record(
    *,
    actor: User,
    participation_ids: list[int],
    signed_on: dt.date,
    document: tuple[str, bytes] | None = None,
    notes: str = "",
) -> list[Participation]:
    """Record the commitment of several villages signed on the same day (the Pemkab collects them at one
    ceremony), all or none; the same document (e.g. the joint commitment) is kept for each."""
    notes = _clean_notes(notes)
    if signed_on > clock.today():
        raise InvalidInput(
            _("Periksa data komitmen."), errors={"signed_on": _("Tanggal tidak boleh di masa depan.")}
        )
    clean = clean_upload(*document) if document else None
    done = []
    with transaction.atomic():
        for participation_id in participation_ids:
            p = _locked_participation(actor, participation_id)
            if not access.can_commit(actor, p):
                raise NotPermitted(_("Anda tidak berwenang mencatat komitmen desa ini."))
            if p.stage != Stage.BELUM_KOMITMEN:
                raise TransitionNotAllowed(
                    _("Komitmen %(village)s sudah tercatat.") % {"village": p.village.name}
                )
            p.committed_on = signed_on
            if clean is not None:
                p.commitment_sha256 = clean.sha256
                p.commitment_name = clean.name
                p.commitment_content_type = clean.content_type
                p.commitment_document.save(clean.name, ContentFile(clean.content), save=False)
                p.save(
                    update_fields=[
                        "commitment_sha256",
                        "commitment_name",
                        "commitment_content_type",
                        "commitment_document",
                    ]
                )
            _move(p, Stage.KOMITMEN, Action.COMMIT, actor, notes=notes)
            done.append(p)
    return done


# --- rounds -------------------------------------------------------------------------------------------------


def round_open(
    *,
    actor: User,
    programme_id: int,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    instrument_id: int | None = None,
) -> Round:
    """Open an assessment round with an instrument version (the active one by default)."""
    name = " ".join((name or "").split())
    errors = {}
    if not 3 <= len(name) <= 200:
        errors["name"] = _("Nama putaran 3 sampai 200 karakter.")
    if ends_on < starts_on:
        errors["ends_on"] = _("Tanggal selesai harus sesudah tanggal mulai.")
    if errors:
        raise InvalidInput(_("Periksa data putaran."), errors=errors)
    instrument = (
        InstrumentVersion.objects.filter(pk=instrument_id).first() if instrument_id else active_instrument()
    )
    if instrument is None:
        raise InvalidInput(_("Periksa data putaran."), errors={"instrument": _("Instrumen tidak ditemukan.")})
    with transaction.atomic():
        programme = Programme.objects.select_for_update().filter(pk=programme_id).first()
        if programme is None or not access.sees_programme(actor, programme):
            raise NotFound(_("Program tidak ditemukan."))
        if not access.can_open_round(actor, programme):
            raise NotPermitted(_("Anda tidak berwenang membuka putaran penilaian."))
        if programme.rounds.filter(is_open=True).exists():
            raise Conflict(_("Masih ada putaran penilaian yang dibuka. Tutup dulu putaran itu."))
        return Round.objects.create(
            programme=programme,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            instrument=instrument,
            created_at=clock.now(),
            created_by=actor if actor.pk else None,
        )


def round_close(*, actor: User, round_id: int) -> Round:
    """Close a round once no assessment in it awaits verification or designation; villages still filling in go
    back to "komitmen" (with a history row) and may take part in the next round."""
    with transaction.atomic():
        rnd = Round.objects.select_for_update().select_related("programme").filter(pk=round_id).first()
        if rnd is None or not access.sees_programme(actor, rnd.programme):
            raise NotFound(_("Putaran tidak ditemukan."))
        if not access.can_open_round(actor, rnd.programme):
            raise NotPermitted(_("Anda tidak berwenang menutup putaran penilaian."))
        if not rnd.is_open:
            raise TransitionNotAllowed(_("Putaran ini sudah ditutup."))
        waiting = (Stage.VERIFIKASI_PEMKAB, Stage.VERIFIKASI_OMBUDSMAN, Stage.LULUS)
        if rnd.assessments.filter(stage__in=waiting).exists():
            raise Conflict(_("Masih ada penilaian yang menunggu verifikasi atau penetapan."))
        for a in rnd.assessments.select_for_update().filter(stage__in=(Stage.PENGISIAN, Stage.DIKEMBALIKAN)):
            p = Participation.objects.select_for_update().get(pk=a.participation_id)
            _move(p, Stage.KOMITMEN, Action.ROUND_CLOSED, actor)
            a.stage = Stage.KOMITMEN
            a.updated_at = clock.now()
            a.save(update_fields=["stage", "updated_at"])
        rnd.is_open = False
        rnd.save(update_fields=["is_open"])
    return rnd


# --- the village's assessment -------------------------------------------------------------------------------


def assessment_start(*, actor: User, round_id: int, participation_id: int) -> Assessment:
    """Start a committed village's assessment in an open round (the village's staff, or a Pemkab verifier who
    accompanies it)."""
    with transaction.atomic():
        p = _locked_participation(actor, participation_id)
        if not access.can_start(actor, p):
            raise NotPermitted(_("Anda tidak berwenang memulai penilaian desa ini."))
        rnd = Round.objects.filter(pk=round_id, programme_id=p.programme_id).first()
        if rnd is None:
            raise NotFound(_("Putaran tidak ditemukan."))
        if not rnd.is_open:
            raise TransitionNotAllowed(_("Putaran ini sudah ditutup."))
        if p.stage != Stage.KOMITMEN:
            raise TransitionNotAllowed(
                _("Penilaian hanya dapat dimulai untuk desa yang sudah berkomitmen dan belum dinilai.")
            )
        if rnd.assessments.filter(participation=p).exists():
            raise Conflict(_("Desa ini sudah pernah dinilai dalam putaran ini."))
        now = clock.now()
        assessment = Assessment.objects.create(
            round=rnd, participation=p, stage=Stage.KOMITMEN, created_at=now, updated_at=now
        )
        _move(p, Stage.PENGISIAN, Action.START, actor, assessment=assessment)
    return assessment


def answers_save(
    *,
    actor: User,
    assessment_id: int,
    answers: Mapping[str, int | None],
    notes: Mapping[str, str] | None = None,
) -> Assessment:
    """Save the village's answers (indicator code -> level; None clears) and explanations while it is filling
    in or after a return."""
    notes = dict(notes or {})
    with transaction.atomic():
        assessment, p = _locked_assessment(actor, assessment_id)
        if not access.can_fill(actor, p):
            raise NotPermitted(_("Hanya perangkat desa ini yang dapat mengisi instrumennya."))
        if not assessment.is_editable:
            raise TransitionNotAllowed(_("Penilaian ini sedang diverifikasi atau sudah selesai."))
        instrument = instrument_for(assessment)
        codes = {i.code: i for i in instrument.indicators}
        errors = {}
        for code, value in answers.items():
            indicator = codes.get(code)
            if indicator is None:
                errors[code] = _("Indikator tidak dikenal.")
            elif value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= indicator.max_value
            ):
                errors[code] = _("Pilih salah satu jawaban.")
        for code, text in notes.items():
            if code not in codes:
                errors[code] = _("Indikator tidak dikenal.")
            elif len(text or "") > NOTES_MAX:
                errors[f"{code}_note"] = _("Paling banyak 5.000 karakter.")
        if errors:
            raise InvalidInput(_("Periksa jawaban instrumen."), errors=errors)
        now = clock.now()
        existing = {a.indicator: a for a in assessment.answers.select_for_update()}
        for code in set(answers) | set(notes):
            value = answers.get(code, existing[code].value if code in existing else None)
            note = (notes.get(code, existing[code].note if code in existing else "") or "").strip()
            row = existing.get(code)
            if value is None:
                if row is not None:
                    row.delete()
                continue
            if row is None:
                Answer.objects.create(
                    assessment=assessment,
                    indicator=code,
                    value=value,
                    note=note,
                    updated_at=now,
                    updated_by=actor,
                )
            elif (row.value, row.note) != (value, note):
                row.value, row.note, row.updated_at, row.updated_by = value, note, now, actor
                row.save()
        assessment.updated_at = now
        assessment.save(update_fields=["updated_at"])
    return assessment


def evidence_add(*, actor: User, assessment_id: int, indicator: str, name: str, data: bytes) -> Evidence:
    """Attach one file of evidence to an indicator (checked by content and stripped of metadata)."""
    return evidence_add_many(actor=actor, assessment_id=assessment_id, files=[(indicator, name, data)])[0]


def evidence_add_many(
    *, actor: User, assessment_id: int, files: list[tuple[str, str, bytes]]
) -> list[Evidence]:
    """Attach several files at once, as (indicator code, file name, content); all or none are stored."""
    cleaned = [(indicator, clean_upload(name, data)) for indicator, name, data in files]
    with transaction.atomic():
        assessment, p = _locked_assessment(actor, assessment_id)
        if not access.can_fill(actor, p):
            raise NotPermitted(_("Hanya perangkat desa ini yang dapat mengunggah bukti."))
        if not assessment.is_editable:
            raise TransitionNotAllowed(_("Penilaian ini sedang diverifikasi atau sudah selesai."))
        codes = {i.code for i in instrument_for(assessment).indicators}
        counts = Counter(assessment.evidence.values_list("indicator", flat=True))
        saved = []
        for indicator, clean in cleaned:
            if indicator not in codes:
                raise InvalidInput(
                    _("Indikator tidak dikenal."), errors={"indicator": _("Indikator tidak dikenal.")}
                )
            counts[indicator] += 1
            if counts[indicator] > MAX_EVIDENCE_PER_INDICATOR:
                raise Conflict(
                    _("Paling banyak %(n)s berkas bukti per indikator.") % {"n": MAX_EVIDENCE_PER_INDICATOR}
                )
            evidence = Evidence(
                assessment=assessment,
                indicator=indicator,
                uploaded_at=clock.now(),
                uploaded_by=actor if actor.pk else None,
            )
            saved.append(store_clean_file(evidence, clean))
    return saved


def missing_for_submission(assessment: Assessment) -> dict[str, str]:
    """What the village still lacks before submitting: an answer to every indicator, and a file for each
    positive answer whose indicator requires evidence. Keys are indicator codes."""
    instrument = instrument_for(assessment)
    answers = dict(assessment.answers.values_list("indicator", "value"))
    with_files = set(assessment.evidence.values_list("indicator", flat=True))
    missing = {}
    for i in instrument.indicators:
        if answers.get(i.code) is None:
            missing[i.code] = _("Belum dijawab.")
        elif i.evidence_required and answers[i.code] > 0 and i.code not in with_files:
            missing[i.code] = _("Unggah bukti: %(what)s") % {"what": i.evidence}
    return missing


def _store_score(assessment: Assessment) -> Score:
    result = assessment_score(assessment)
    assessment.score = Decimal(str(result.total_rounded))
    assessment.eligible = result.eligible
    return result


def assessment_submit(*, actor: User, assessment_id: int, notes: str = "") -> Assessment:
    """The village submits its complete assessment to the Pemkab's verification."""
    notes = _clean_notes(notes)
    with transaction.atomic():
        assessment, p = _locked_assessment(actor, assessment_id)
        if not access.can_fill(actor, p):
            raise NotPermitted(_("Hanya perangkat desa ini yang dapat mengajukan penilaiannya."))
        if not assessment.is_editable:
            raise TransitionNotAllowed(_("Penilaian ini sudah diajukan."))
        if not assessment.round.is_open:
            raise TransitionNotAllowed(_("Putaran ini sudah ditutup."))
        missing = missing_for_submission(assessment)
        if missing:
            raise InvalidInput(_("Lengkapi jawaban dan bukti sebelum mengajukan."), errors=missing)
        _store_score(assessment)
        assessment.submitted_at = clock.now()
        _move(p, Stage.VERIFIKASI_PEMKAB, Action.SUBMIT, actor, assessment=assessment, notes=notes)
    return assessment


_LEVELS = {
    1: (Stage.VERIFIKASI_PEMKAB, Stage.VERIFIKASI_OMBUDSMAN, Action.PASS_PEMKAB, Action.RETURN_PEMKAB),
    2: (Stage.VERIFIKASI_OMBUDSMAN, Stage.LULUS, Action.PASS_OMBUDSMAN, Action.RETURN_OMBUDSMAN),
}


def verification_decide(
    *, actor: User, assessment_id: int, level: int, passed: bool, notes: str = ""
) -> Assessment:
    """Level 1 (Pemkab) or level 2 (Ombudsman) passes the assessment on, or returns it to the village with
    notes (required). Each level acts only on an assessment at its own stage, so level 2 never acts before level
    1 has passed it; passing needs a score that meets the instrument's thresholds."""
    if level not in _LEVELS:
        raise InvalidInput(_("Tingkat verifikasi tidak dikenal."))
    notes = _clean_notes(notes)
    at_stage, next_stage, pass_action, return_action = _LEVELS[level]
    with transaction.atomic():
        assessment, p = _locked_assessment(actor, assessment_id)
        allowed = access.can_verify_pemkab if level == 1 else access.can_verify_ombudsman
        if not allowed(actor, p):
            raise NotPermitted(_("Anda tidak berwenang melakukan verifikasi tingkat ini."))
        if assessment.stage != at_stage:
            raise TransitionNotAllowed(_("Penilaian ini tidak sedang menunggu verifikasi tingkat ini."))
        if not passed:
            if not notes:
                raise InvalidInput(
                    _("Tulis catatan perbaikan untuk desa."),
                    errors={"notes": _("Wajib diisi bila dikembalikan.")},
                )
            assessment.return_notes = notes
            _move(p, Stage.DIKEMBALIKAN, return_action, actor, assessment=assessment, notes=notes)
            return assessment
        result = _store_score(assessment)
        if not result.eligible:
            raise Conflict(
                _("Skor belum memenuhi ambang batas instrumen. Kembalikan ke desa dengan catatan perbaikan.")
            )
        _move(p, next_stage, pass_action, actor, assessment=assessment, notes=notes)
    return assessment


def pemkab_verify(*, actor: User, assessment_id: int, passed: bool, notes: str = "") -> Assessment:
    return verification_decide(actor=actor, assessment_id=assessment_id, level=1, passed=passed, notes=notes)


def ombudsman_verify(*, actor: User, assessment_id: int, passed: bool, notes: str = "") -> Assessment:
    return verification_decide(actor=actor, assessment_id=assessment_id, level=2, passed=passed, notes=notes)


def designation_record(
    *, actor: User, assessment_id: int, designated_on: dt.date, decree_number: str, notes: str = ""
) -> Participation:
    """The Ombudsman Perwakilan's pimpinan designates a village whose assessment passed both verifications,
    with the date and the decree number printed on its certificate."""
    notes = _clean_notes(notes)
    decree_number = " ".join((decree_number or "").split())
    errors = {}
    if not decree_number:
        errors["decree_number"] = _("Nomor keputusan wajib diisi.")
    elif len(decree_number) > DECREE_MAX:
        errors["decree_number"] = _("Paling banyak 200 karakter.")
    if designated_on > clock.today():
        errors["designated_on"] = _("Tanggal tidak boleh di masa depan.")
    if errors:
        raise InvalidInput(_("Periksa data penetapan."), errors=errors)
    with transaction.atomic():
        assessment, p = _locked_assessment(actor, assessment_id)
        if not access.can_designate(actor, p):
            raise NotPermitted(_("Hanya pimpinan Perwakilan Ombudsman yang dapat menetapkan desa."))
        if assessment.stage != Stage.LULUS:
            raise TransitionNotAllowed(_("Desa ditetapkan setelah lulus verifikasi Pemkab dan Ombudsman."))
        p.designated_on = designated_on
        p.decree_number = decree_number
        _move(p, Stage.DITETAPKAN, Action.DESIGNATE, actor, assessment=assessment, notes=notes)
    return p


def active_assessment(participation: Participation) -> Assessment | None:
    return participation.assessments.filter(stage__in=ACTIVE_STAGES).select_related("round").first()
