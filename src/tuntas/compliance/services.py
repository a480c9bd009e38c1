"""Writes to compliance rounds. The console views, the demo loader and tests call these; nothing else writes.

Flow of an assessment: draf -> diajukan (the organisation submits a complete self-assessment while the round
is open) -> dinilai (the reviewer has scored every indicator) -> final; the reviewer may return it
(dikembalikan) from diajukan or dinilai, and the organisation corrects and submits again, at any date. Who may
do what is access.py. Every change writes an AssessmentEvent in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from tuntas.compliance import access, scoring
from tuntas.compliance.models import Answer, Assessment, AssessmentEvent, Evidence, Round, Scheme
from tuntas.compliance.results import review_answers, self_result
from tuntas.core import clock
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.core.files import clean_uploads, store_clean_file
from tuntas.directory.models import Organisation, User

Status = Assessment.Status
Kind = AssessmentEvent.Kind
NOTE_MAX = 3_000
MAX_EVIDENCE_PER_INDICATOR = 10


def round_is_open(round_: Round, today: dt.date | None = None) -> bool:
    today = today or clock.today()
    return round_.opens_on <= today <= round_.closes_on


def _event(assessment: Assessment, kind: str, actor: User | None, message: str = "", **payload) -> None:  # noqa: ANN003
    AssessmentEvent.objects.create(
        assessment=assessment,
        kind=kind,
        actor=actor,
        message=message,
        payload=payload,
        created_at=clock.now(),
    )


def _locked(actor: User, assessment_id: int) -> Assessment:
    """The assessment, locked, once the actor is known to see it (NotFound otherwise)."""
    found = Assessment.objects.select_related("round").filter(pk=assessment_id).first()
    if found is None or not access.sees_assessment(actor, found):
        raise NotFound(_("Penilaian tidak ditemukan."))
    return (
        Assessment.objects.select_for_update()
        .select_related("round__scheme", "organisation")
        .get(pk=found.pk)
    )


def _indicator(assessment: Assessment, code: str) -> scoring.Indicator:
    indicator = assessment.round.scheme.parsed.indicator(code)
    if indicator is None:
        raise InvalidInput(_("Indikator tidak dikenal."), errors={"indicator": _("Indikator tidak dikenal.")})
    return indicator


def _clean(indicator: scoring.Indicator, value: str, note: str) -> tuple[str, str]:
    errors = {}
    cleaned = ""
    if str(value or "").strip():
        try:
            cleaned = scoring.clean_answer(indicator, value)
        except scoring.AnswerError:
            errors["value"] = (
                _("Isi dengan angka 0 sampai 100.")
                if indicator.answer == scoring.NUMBER
                else _("Pilih salah satu jawaban.")
            )
    note = (note or "").strip().replace("\r\n", "\n")
    if len(note) > NOTE_MAX:
        errors["note"] = _("Paling banyak %(n)s karakter.") % {"n": f"{NOTE_MAX:,}".replace(",", ".")}
    if errors:
        raise InvalidInput(_("Periksa jawaban indikator ini."), errors=errors)
    return cleaned, note


def _answer_row(assessment: Assessment, code: str) -> Answer:
    row, _created = Answer.objects.select_for_update().get_or_create(
        assessment=assessment, indicator=code, defaults={"updated_at": clock.now()}
    )
    return row


def _check_self(actor: User, assessment: Assessment) -> None:
    if not access.can_self_assess(actor, assessment):
        raise NotPermitted(_("Anda tidak berwenang mengisi penilaian mandiri organisasi ini."))
    if assessment.status == Status.DIKEMBALIKAN:
        return
    if assessment.status != Status.DRAF:
        raise TransitionNotAllowed(_("Penilaian ini sudah diajukan dan tidak dapat diubah lagi."))
    if not round_is_open(assessment.round):
        raise TransitionNotAllowed(_("Putaran penilaian ini tidak sedang dibuka."))


def _check_review(actor: User, assessment: Assessment) -> None:
    if not access.can_review(actor, assessment):
        raise NotPermitted(_("Anda tidak berwenang menilai penilaian ini."))
    if not assessment.is_reviewable:
        raise TransitionNotAllowed(_("Penilaian ini tidak sedang menunggu penilaian."))


def _touch(assessment: Assessment, fields: list[str]) -> None:
    assessment.updated_at = clock.now()
    assessment.save(update_fields=[*fields, "updated_at"])


# --- rounds ----------------------------------------------------------------------------------------------


def round_create(
    *,
    actor: User,
    scheme_id: int,
    name: str,
    year: int,
    reviewing_organisation_id: int,
    opens_on: dt.date,
    closes_on: dt.date,
    organisation_ids: Iterable[int],
    period: str = "",
) -> Round:
    """Open a round of one scheme version for some organisations (admin, pimpinan or koordinator of the
    reviewing organisation). Each participant gets an empty draft assessment."""
    name = " ".join((name or "").split())
    errors = {}
    scheme = Scheme.objects.filter(pk=scheme_id, is_active=True).first()
    if scheme is None:
        errors["scheme"] = _("Skema tidak dikenal.")
    if not 3 <= len(name) <= 200:
        errors["name"] = _("Nama putaran 3 sampai 200 karakter.")
    if not 2000 <= int(year or 0) <= 2100:
        errors["year"] = _("Tahun tidak sah.")
    if closes_on < opens_on:
        errors["closes_on"] = _("Tanggal ditutup harus sesudah tanggal dibuka.")
    ids = sorted(set(organisation_ids))
    orgs = list(Organisation.objects.filter(pk__in=ids, is_active=True))
    if not orgs or len(orgs) != len(ids):
        errors["organisations"] = _("Pilih organisasi peserta yang aktif.")
    if errors:
        raise InvalidInput(_("Periksa data putaran penilaian."), errors=errors)
    if not access.can_manage_rounds(actor, reviewing_organisation_id):
        raise NotPermitted(_("Anda tidak berwenang membuka putaran penilaian."))
    if reviewing_organisation_id in ids:
        raise InvalidInput(
            _("Periksa data putaran penilaian."),
            errors={"organisations": _("Organisasi penilai tidak dapat menilai dirinya sendiri.")},
        )
    now = clock.now()
    with transaction.atomic():
        round_ = Round.objects.create(
            scheme=scheme,
            name=name,
            year=year,
            period=(period or "").strip(),
            reviewing_organisation_id=reviewing_organisation_id,
            opens_on=opens_on,
            closes_on=closes_on,
            created_at=now,
            created_by=actor,
        )
        for org in orgs:
            assessment = Assessment.objects.create(round=round_, organisation=org, updated_at=now)
            _event(assessment, Kind.CREATED, actor)
    return round_


# --- the organisation's side -----------------------------------------------------------------------------


def answer_self(*, actor: User, assessment_id: int, indicator: str, value: str, note: str = "") -> Answer:
    """Save the organisation's own answer to one indicator (empty clears it) while it may edit."""
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_self(actor, assessment)
        ind = _indicator(assessment, indicator)
        if ind.filled_by == "reviewer":
            raise NotPermitted(_("Indikator ini diisi oleh penilai."))
        value, note = _clean(ind, value, note)
        row = _answer_row(assessment, ind.code)
        before = (row.self_value, row.self_note)
        if before != (value, note):
            row.self_value, row.self_note, row.updated_at = value, note, clock.now()
            row.save(update_fields=["self_value", "self_note", "updated_at"])
            _event(assessment, Kind.SELF_ANSWERED, actor, indicator=ind.code, before=before[0], after=value)
            _touch(assessment, [])
    return row


def evidence_add(
    *, actor: User, assessment_id: int, indicator: str, files: list[tuple[str, bytes]]
) -> list[Evidence]:
    """Attach proof to one indicator's answer. Files are checked and cleaned like complaint attachments
    (content decides the type; EXIF and PDF metadata removed)."""
    cleaned = clean_uploads(files)  # before any lock: decoding images is slow
    if not cleaned:
        raise InvalidInput(_("Pilih berkas bukti dukung."), errors={"files": _("Pilih berkas bukti dukung.")})
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_self(actor, assessment)
        ind = _indicator(assessment, indicator)
        row = _answer_row(assessment, ind.code)
        if row.evidence.count() + len(cleaned) > MAX_EVIDENCE_PER_INDICATOR:
            raise InvalidInput(
                _("Paling banyak %(n)s bukti per indikator.") % {"n": MAX_EVIDENCE_PER_INDICATOR},
                errors={"files": _("Terlalu banyak berkas.")},
            )
        saved = []
        for f in cleaned:
            ev = Evidence(answer=row, created_at=clock.now(), created_by=actor)
            saved.append(store_clean_file(ev, f))
        _event(
            assessment, Kind.EVIDENCE_ADDED, actor, indicator=ind.code, files=[e.original_name for e in saved]
        )
        _touch(assessment, [])
    return saved


def missing_self_answers(assessment: Assessment) -> list[str]:
    """Codes of the indicators the organisation must still answer before submitting."""
    answered = set(assessment.answers.exclude(self_value="").values_list("indicator", flat=True))
    return [
        i.code
        for i in assessment.round.scheme.parsed.indicators()
        if i.filled_by == "self" and i.code not in answered
    ]


def assessment_submit(*, actor: User, assessment_id: int) -> Assessment:
    """Submit a complete self-assessment for review; its self-score result is stored."""
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_self(actor, assessment)
        missing = missing_self_answers(assessment)
        if missing:
            raise InvalidInput(
                _("Jawab semua indikator sebelum mengajukan."),
                errors={code: _("Belum dijawab.") for code in missing},
            )
        result = self_result(assessment)
        before = assessment.status
        assessment.status = Status.DIAJUKAN
        assessment.self_total, assessment.self_band = result.total, result.band.code
        assessment.submitted_at, assessment.submitted_by = clock.now(), actor
        _touch(assessment, ["status", "self_total", "self_band", "submitted_at", "submitted_by"])
        _event(
            assessment, Kind.SUBMITTED, actor, before=before, after=assessment.status, total=str(result.total)
        )
    return assessment


# --- the reviewer's side ---------------------------------------------------------------------------------


def answer_review(*, actor: User, assessment_id: int, indicator: str, value: str, note: str = "") -> Answer:
    """Save the reviewer's score of one indicator, with a note for the organisation."""
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_review(actor, assessment)
        ind = _indicator(assessment, indicator)
        value, note = _clean(ind, value, note)
        row = _answer_row(assessment, ind.code)
        before = (row.review_value, row.review_note)
        if before != (value, note):
            row.review_value, row.review_note, row.updated_at = value, note, clock.now()
            row.save(update_fields=["review_value", "review_note", "updated_at"])
            _event(assessment, Kind.REVIEW_ANSWERED, actor, indicator=ind.code, before=before[0], after=value)
            _touch(assessment, [])
    return row


def assessment_return(*, actor: User, assessment_id: int, note: str) -> Assessment:
    """Send a submitted assessment back to the organisation with what to correct; it reopens for editing."""
    note = (note or "").strip()
    if not 5 <= len(note) <= NOTE_MAX:
        raise InvalidInput(
            _("Tulis apa yang harus diperbaiki."), errors={"note": _("Tulis apa yang harus diperbaiki.")}
        )
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_review(actor, assessment)
        before = assessment.status
        assessment.status = Status.DIKEMBALIKAN
        _touch(assessment, ["status"])
        _event(assessment, Kind.RETURNED, actor, note, before=before, after=assessment.status)
    return assessment


def missing_review_answers(assessment: Assessment) -> list[str]:
    answered = set(assessment.answers.exclude(review_value="").values_list("indicator", flat=True))
    return [i.code for i in assessment.round.scheme.parsed.indicators() if i.code not in answered]


def _store_review_result(assessment: Assessment) -> scoring.Result:
    result = scoring.evaluate(assessment.round.scheme.parsed, review_answers(assessment))
    assessment.review_total, assessment.review_band = result.total, result.band.code
    return result


def assessment_mark_reviewed(*, actor: User, assessment_id: int) -> Assessment:
    """Close the review once every indicator has a reviewer score; the result is computed from those scores."""
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_review(actor, assessment)
        if assessment.status != Status.DIAJUKAN:
            raise TransitionNotAllowed(_("Penilaian ini sudah dinilai."))
        missing = missing_review_answers(assessment)
        if missing:
            raise InvalidInput(
                _("Beri nilai semua indikator terlebih dahulu."),
                errors={code: _("Belum dinilai.") for code in missing},
            )
        result = _store_review_result(assessment)
        assessment.status = Status.DINILAI
        _touch(assessment, ["status", "review_total", "review_band"])
        _event(
            assessment,
            Kind.REVIEWED,
            actor,
            before=Status.DIAJUKAN,
            after=Status.DINILAI,
            total=str(result.total),
        )
    return assessment


def assessment_finalise(*, actor: User, assessment_id: int) -> Assessment:
    """Make a reviewed assessment final: its total and zone/opinion no longer change."""
    with transaction.atomic():
        assessment = _locked(actor, assessment_id)
        _check_review(actor, assessment)
        if assessment.status != Status.DINILAI:
            raise TransitionNotAllowed(_("Selesaikan penilaian sebelum memfinalkan."))
        result = _store_review_result(assessment)  # reviewer scores may have changed since
        assessment.status = Status.FINAL
        assessment.finalised_at = clock.now()
        _touch(assessment, ["status", "review_total", "review_band", "finalised_at"])
        _event(
            assessment,
            Kind.FINALISED,
            actor,
            before=Status.DINILAI,
            after=Status.FINAL,
            total=str(result.total),
        )
    return assessment
