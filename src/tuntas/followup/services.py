"""Writes of the follow-up records, each in the shape of ``complaints.services_handling.handling_transition``:
check on the row as read (outside the transaction), then lock it, re-check its version, write, add one
append-only ``FollowupEvent`` and queue the messages in the outbox, all in one transaction. A move decided on
one version of a recommendation is never applied to another: a stale ``expected_version`` is a Conflict and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from tuntas.core import clock as time
from tuntas.core.calendars import calendar_for
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted
from tuntas.core.files import CleanFile, clean_uploads, store_clean_file
from tuntas.core.site import absolute_url
from tuntas.directory.models import Organisation, Role, User
from tuntas.followup import access, tracking
from tuntas.followup.models import Evidence, Finding, FollowupEvent, Instalment, Recommendation
from tuntas.notify.services import notify_staff

MAX_EVIDENCE = 5


@dataclass(frozen=True)
class RecommendationInput:
    text: str
    unit: Organisation
    deadline_days: int | None = None
    tgr_amount: Decimal | None = None


def default_days() -> int:
    return int(getattr(settings, "TUNTAS_FOLLOWUP_DAYS", 60))


def due_date_for(issued_on: dt.date, days: int, unit: Organisation) -> dt.date:
    """``days`` working days after the issue date (the issue day never counts), in the unit's calendar."""
    return calendar_for(unit.region_id).working_days_add(issued_on, days)


def _stale() -> Conflict:
    return Conflict(_("Rekomendasi ini baru saja diubah orang lain. Muat ulang halaman lalu coba lagi."))


def _context(rec: Recommendation) -> dict:
    f = rec.finding
    return {
        "finding": {"number": f.number, "title": f.title, "kind": str(f.get_kind_display())},
        "unit": rec.unit.name,
        "recommendation": {
            "position": rec.position,
            "due_date": rec.due_date,
            "deadline_days": rec.deadline_days,
            "status": str(rec.get_status_display()),
            "url": absolute_url(reverse("console:followup_detail", args=[rec.pk])),
        },
    }


def _event(rec: Recommendation, kind: str, actor: User | None, message: str = "", **payload: object) -> None:
    FollowupEvent.objects.create(
        recommendation=rec, kind=kind, actor=actor, message=message, payload=payload, created_at=time.now()
    )


def _get(recommendation_id: int, *, lock: bool) -> Recommendation:
    qs = Recommendation.objects.select_related("finding", "finding__issuer", "unit")
    try:
        return (qs.select_for_update(of=("self",)) if lock else qs).get(pk=recommendation_id)
    except Recommendation.DoesNotExist as exc:
        raise NotFound(_("Rekomendasi tidak ditemukan.")) from exc


def _save_moved(rec: Recommendation, seen_version: int, **fields: object) -> None:
    updated = Recommendation.objects.filter(pk=rec.pk, version=seen_version).update(
        version=F("version") + 1, **fields
    )
    if updated != 1:
        raise _stale()
    rec.refresh_from_db()


# --- issue ---------------------------------------------------------------------------------------------------


def finding_issue(
    *,
    actor: User,
    issuer: Organisation,
    kind: str,
    number: str,
    title: str,
    issued_on: dt.date,
    recommendations: Sequence[RecommendationInput],
    complaint=None,  # noqa: ANN001
    handling=None,  # noqa: ANN001
) -> Finding:
    """Record a finding with its recommendations; each unit's staff are told in the same transaction."""
    if not access.may_issue(actor, issuer):
        raise NotPermitted(_("Anda tidak dapat menerbitkan temuan atas nama unit ini."))
    errors: dict[str, str] = {}
    if kind not in Finding.Kind.values:
        errors["kind"] = _("Jenis tidak dikenal.")
    if not number.strip():
        errors["number"] = _("Wajib diisi.")
    if not title.strip():
        errors["title"] = _("Wajib diisi.")
    if not recommendations:
        errors["recommendations"] = _("Sedikitnya satu rekomendasi.")
    for k, r in enumerate(recommendations):
        if not r.text.strip():
            errors[f"recommendations[{k}].text"] = _("Wajib diisi.")
        if r.deadline_days is not None and not 1 <= r.deadline_days <= 365:
            errors[f"recommendations[{k}].deadline_days"] = _("Antara 1 dan 365 hari kerja.")
        if r.tgr_amount is not None and r.tgr_amount <= 0:
            errors[f"recommendations[{k}].tgr_amount"] = _("Harus lebih dari nol.")
        if not r.unit.is_active:
            errors[f"recommendations[{k}].unit"] = _("Unit tidak aktif.")
    if errors:
        raise InvalidInput(_("Periksa isian yang wajib."), errors=errors)
    with transaction.atomic():
        finding = Finding.objects.create(
            kind=kind,
            number=number.strip(),
            title=title.strip(),
            issuer=issuer,
            issued_on=issued_on,
            complaint=complaint,
            handling=handling,
            created_by=actor,
            created_at=time.now(),
        )
        for position, r in enumerate(recommendations, start=1):
            days = r.deadline_days or default_days()
            rec = Recommendation.objects.create(
                finding=finding,
                position=position,
                text=r.text.strip(),
                unit=r.unit,
                deadline_days=days,
                due_date=due_date_for(issued_on, days, r.unit),
                tgr_amount=r.tgr_amount,
            )
            _event(rec, FollowupEvent.Kind.ISSUED, actor, due_date=rec.due_date.isoformat())
            notify_staff(
                organisation=r.unit,
                key="followup_issued",
                context=_context(rec),
                roles=[Role.FOCAL_POINT, Role.PIMPINAN],
            )
    return finding


# --- the unit answers ------------------------------------------------------------------------------------------


def _instalments(raw: Iterable[tuple[dt.date, object]]) -> list[tuple[dt.date, Decimal]]:
    out = []
    for paid_on, amount in raw:
        try:
            value = Decimal(str(amount).strip())
        except (InvalidOperation, TypeError) as exc:
            raise InvalidInput(
                _("Jumlah angsuran bukan angka."), errors={"instalment": _("Bukan angka.")}
            ) from exc
        if not value.is_finite() or value <= 0:
            raise InvalidInput(
                _("Jumlah angsuran harus lebih dari nol."), errors={"instalment": _("Harus lebih dari nol.")}
            )
        out.append((paid_on, value))
    return out


def recommendation_respond(
    *,
    actor: User,
    recommendation_id: int,
    claim: str,
    response: str,
    reason: str = "",
    files: Sequence[tuple[str, bytes]] = (),
    instalments: Iterable[tuple[dt.date, object]] = (),
    expected_version: int | None = None,
) -> Recommendation:
    """The responsible unit answers: carried out (with evidence) or cannot be (with a reason)."""
    seen = _get(recommendation_id, lock=False)
    if not access.may_answer(actor, seen.unit_id):
        raise NotFound(_("Rekomendasi tidak ditemukan."))
    if expected_version is not None and expected_version != seen.version:
        raise _stale()
    try:
        tracking.after_respond(seen.status, seen.awaiting_review)
    except tracking.MoveNotAllowed as exc:
        if seen.is_final:
            raise Conflict(_("Rekomendasi ini sudah selesai.")) from exc
        raise Conflict(_("Jawaban sebelumnya masih menunggu penilaian penerbit.")) from exc
    errors: dict[str, str] = {}
    if claim not in tracking.CLAIMS:
        errors["claim"] = _("Pilih salah satu.")
    if not response.strip():
        errors["response"] = _("Uraikan tindak lanjutnya.")
    if claim == tracking.CANNOT and not reason.strip():
        errors["reason"] = _("Alasan wajib diisi bila tidak dapat ditindaklanjuti.")
    if claim == tracking.DONE and not files and not seen.evidence.exists():
        errors["files"] = _("Lampirkan sedikitnya satu dokumen bukti.")
    if len(files) > MAX_EVIDENCE:
        errors["files"] = _("Paling banyak %(n)d berkas.") % {"n": MAX_EVIDENCE}
    if errors:
        raise InvalidInput(_("Periksa isian yang wajib."), errors=errors)
    paid = _instalments(instalments)
    if paid and seen.tgr_amount is None:
        raise InvalidInput(_("Rekomendasi ini tidak memuat TGR."), errors={"instalment": _("Tidak ada TGR.")})
    cleaned: list[CleanFile] = clean_uploads(list(files))  # raises InvalidInput before anything is written
    with transaction.atomic():
        rec = _get(recommendation_id, lock=True)
        if rec.version != seen.version:
            raise _stale()
        now = time.now()
        for clean in cleaned:
            store_clean_file(Evidence(recommendation=rec, uploaded_by=actor, created_at=now), clean)
        for paid_on, amount in paid:
            Instalment.objects.create(recommendation=rec, paid_on=paid_on, amount=amount, created_at=now)
        _save_moved(
            rec,
            seen.version,
            awaiting_review=True,
            claim=claim,
            response=response.strip(),
            reason=reason.strip() if claim == tracking.CANNOT else "",
        )
        _event(
            rec,
            FollowupEvent.Kind.RESPONDED,
            actor,
            response.strip(),
            claim=claim,
            files=len(cleaned),
            instalments=[[d.isoformat(), str(a)] for d, a in paid],
        )
        notify_staff(
            organisation=rec.finding.issuer,
            key="followup_responded",
            context=_context(rec),
            roles=sorted(access.ISSUER_ROLES),
        )
    return rec


# --- the issuer reviews ----------------------------------------------------------------------------------------


def recommendation_review(
    *,
    actor: User,
    recommendation_id: int,
    accept: bool,
    note: str = "",
    expected_version: int | None = None,
) -> Recommendation:
    """The issuer accepts the answer (sesuai, or tidak dapat ditindaklanjuti) or returns it (belum sesuai)."""
    seen = _get(recommendation_id, lock=False)
    if not access.may_issue(actor, seen.finding.issuer):
        if access.may_answer(actor, seen.unit_id):
            raise NotPermitted(_("Hanya penerbit yang dapat menilai tindak lanjut."))
        raise NotFound(_("Rekomendasi tidak ditemukan."))
    if expected_version is not None and expected_version != seen.version:
        raise _stale()
    if not accept and not note.strip():
        raise InvalidInput(_("Tulis apa yang masih kurang."), errors={"note": _("Wajib diisi.")})

    def decide(rec: Recommendation) -> str:
        try:
            status, _waiting = tracking.after_review(
                rec.status,
                rec.awaiting_review,
                accept=accept,
                claim=rec.claim or tracking.DONE,
                tgr_amount=rec.tgr_amount,
                tgr_paid=rec.tgr_paid(),
            )
        except tracking.MoveNotAllowed as exc:
            if rec.is_final:
                raise Conflict(_("Rekomendasi ini sudah selesai.")) from exc
            if not rec.awaiting_review:
                raise Conflict(_("Belum ada jawaban unit untuk dinilai.")) from exc
            raise Conflict(
                _("TGR belum lunas: sisa Rp %(rest)s.") % {"rest": f"{rec.tgr_outstanding():,.2f}"}
            ) from exc
        return status

    decide(seen)
    with transaction.atomic():
        rec = _get(recommendation_id, lock=True)
        if rec.version != seen.version:
            raise _stale()
        status = decide(rec)
        final = tracking.is_final(status)
        _save_moved(
            rec,
            seen.version,
            status=status,
            awaiting_review=False,
            review_note=note.strip(),
            closed_at=time.now() if final else None,
        )
        _event(
            rec,
            FollowupEvent.Kind.ACCEPTED if accept else FollowupEvent.Kind.RETURNED,
            actor,
            note.strip(),
            status=status,
        )
        notify_staff(
            organisation=rec.unit,
            key="followup_reviewed",
            context={**_context(rec), "note": note.strip()},
            roles=[Role.FOCAL_POINT, Role.PIMPINAN],
        )
    return rec


# --- the overdue pass ------------------------------------------------------------------------------------------


def overdue_pass(today: dt.date | None = None, limit: int = 500) -> int:
    """Alert the unit's pimpinan once for each open recommendation past its deadline; returns how many.

    Each recommendation is locked and re-checked before it is marked, so overlapping passes alert once."""
    today = today or time.today()
    ids = list(
        Recommendation.objects.filter(due_date__lt=today, overdue_alerted_on__isnull=True)
        .exclude(status__in=tracking.FINAL)
        .order_by("due_date", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    alerted = 0
    for pk in ids:
        with transaction.atomic():
            rec = _get(pk, lock=True)
            if rec.overdue_alerted_on is not None or rec.is_final or rec.due_date >= today:
                continue
            _save_moved(rec, rec.version, overdue_alerted_on=today)
            _event(rec, FollowupEvent.Kind.OVERDUE, None, due_date=rec.due_date.isoformat())
            notify_staff(
                organisation=rec.unit, key="followup_overdue", context=_context(rec), roles=[Role.PIMPINAN]
            )
            alerted += 1
    return alerted
