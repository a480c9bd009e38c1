"""Writes to cooperation agreements, action plans and trainings. Views, the demo loader and tests call these.

Every service checks the actor (access.py), locks the row it changes, writes it and a ``LogEntry`` with the
before/after values in one transaction. An agreement, activity or training the actor cannot see is NotFound,
the same as one that does not exist; one they see but may not change is NotPermitted. Files go through
``tuntas.core.files`` (the content decides the type; metadata is stripped).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tuntas.cooperation import access
from tuntas.cooperation.catalogue import ensure_catalogues
from tuntas.cooperation.models import (
    Activity,
    Agreement,
    AgreementArea,
    FocusArea,
    LogEntry,
    Participant,
    Participation,
    Training,
    TrainingKind,
    Upload,
)
from tuntas.core import clock
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.core.files import CleanFile, clean_upload, clean_uploads, store_clean_file
from tuntas.directory.models import Organisation, OrganisationKind, User

Status = Activity.Status
Kind = LogEntry.Kind
TITLE_MAX, TEXT_MAX, NOTE_MAX = 200, 5_000, 3_000
MAX_PARTICIPANTS = 5_000


# --- helpers -------------------------------------------------------------------------------------------------


def _text(value: str | None) -> str:
    return " ".join((value or "").split())


def _log(
    agreement: Agreement,
    kind: str,
    actor: User | None,
    *,
    activity: Activity | None = None,
    training: Training | None = None,
    note: str = "",
    data: dict | None = None,
) -> LogEntry:
    return LogEntry.objects.create(
        agreement=agreement,
        activity=activity,
        training=training,
        kind=kind,
        actor=actor,
        note=note,
        data=data or {},
        created_at=clock.now(),
    )


def _store(
    clean: CleanFile,
    *,
    agreement: Agreement,
    purpose: str,
    actor: User | None,
    entry: LogEntry | None = None,
    activity: Activity | None = None,
    training: Training | None = None,
) -> Upload:
    upload = Upload(
        agreement=agreement,
        purpose=purpose,
        entry=entry,
        activity=activity,
        training=training,
        uploaded_by=actor,
        created_at=clock.now(),
    )
    return store_clean_file(upload, clean)


def _visible_locked(actor: User, agreement_id: int) -> Agreement:
    agreement = Agreement.objects.select_for_update().filter(pk=agreement_id).first()
    if agreement is None or not access.can_view(actor, agreement):
        raise NotFound(_("Nota kesepakatan tidak ditemukan."))
    return agreement


def _require_manage(actor: User, agreement: Agreement) -> None:
    if not access.can_manage(actor, agreement):
        raise NotPermitted(_("Hanya pengelola nota kesepakatan yang dapat melakukan ini."))


def _side_org(agreement: Agreement, organisation_id: int | None, field: str) -> Organisation:
    org = Organisation.objects.filter(pk=organisation_id or 0, is_active=True).first()
    if org is None or org.pk not in access.side_ids(agreement):
        raise InvalidInput(
            _("Periksa isian."),
            errors={field: _("Pilih organisasi pemerintah daerah atau Ombudsman pihak nota kesepakatan.")},
        )
    return org


def _check_dates(
    errors: dict[str, str], start: dt.date | None, end: dt.date | None, start_key: str, end_key: str
) -> None:
    if start is None:
        errors[start_key] = _("Wajib diisi.")
    if end is None:
        errors[end_key] = _("Wajib diisi.")
    if start and end and end < start:
        errors[end_key] = _("Tanggal selesai tidak boleh sebelum tanggal mulai.")


# --- agreements ----------------------------------------------------------------------------------------------


def _default_coordinator(pemkab: Organisation) -> Organisation | None:
    return (
        Organisation.objects.filter(parent=pemkab, kind__is_complaint_coordinator=True, is_active=True)
        .order_by("pk")
        .first()
    )


def agreement_create(
    *,
    actor: User,
    pemkab_id: int,
    ombudsman_id: int,
    title: str,
    signed_on: dt.date,
    valid_from: dt.date,
    valid_until: dt.date,
    number_pemkab: str = "",
    number_ombudsman: str = "",
    summary: str = "",
    area_codes: Sequence[str] | None = None,
    coordinator_id: int | None = None,
    is_public: bool = True,
) -> Agreement:
    """Record a nota kesepakatan. The actor manages it on one side (admin, pimpinan or koordinator of the
    Pemkab, its coordinator or the Ombudsman). Its areas are the given focus-area codes, every active one by
    default."""
    ensure_catalogues()
    pemkab = Organisation.objects.filter(
        pk=pemkab_id, kind__agreement_party=OrganisationKind.Party.PEMDA, is_active=True
    ).first()
    ombudsman = Organisation.objects.filter(
        pk=ombudsman_id, kind__agreement_party=OrganisationKind.Party.OMBUDSMAN, is_active=True
    ).first()
    title = _text(title)
    errors: dict[str, str] = {}
    if pemkab is None:
        errors["pemkab"] = _("Pilih pemerintah daerah.")
    if ombudsman is None:
        errors["ombudsman"] = _("Pilih Ombudsman Perwakilan.")
    if not 5 <= len(title) <= 300:
        errors["title"] = _("Judul 5 sampai 300 karakter.")
    _check_dates(errors, valid_from, valid_until, "valid_from", "valid_until")
    areas = FocusArea.objects.filter(is_active=True)
    if area_codes is not None:
        areas = areas.filter(code__in=list(area_codes))
        if areas.count() != len(set(area_codes)):
            errors["areas"] = _("Bidang tidak dikenal.")
    if errors:
        raise InvalidInput(_("Periksa data nota kesepakatan."), errors=errors)
    coordinator = (
        Organisation.objects.filter(pk=coordinator_id, parent=pemkab).first()
        if coordinator_id
        else _default_coordinator(pemkab)
    )
    now = clock.now()
    agreement = Agreement(
        pemkab=pemkab,
        ombudsman=ombudsman,
        coordinator=coordinator,
        title=title,
        number_pemkab=_text(number_pemkab)[:120],
        number_ombudsman=_text(number_ombudsman)[:120],
        signed_on=signed_on,
        valid_from=valid_from,
        valid_until=valid_until,
        summary=(summary or "").strip()[:TEXT_MAX],
        is_public=is_public,
        created_at=now,
        created_by=actor,
        updated_at=now,
    )
    _require_manage(actor, agreement)
    with transaction.atomic():
        agreement.save()
        for i, area in enumerate(areas.order_by("sort", "code")):
            AgreementArea.objects.create(agreement=agreement, area=area, sort=(i + 1) * 10)
        _log(agreement, Kind.AGREEMENT_CREATED, actor, data={"title": [None, title]})
    return agreement


AGREEMENT_FIELDS = (
    "title",
    "number_pemkab",
    "number_ombudsman",
    "signed_on",
    "valid_from",
    "valid_until",
    "summary",
    "is_public",
)


def agreement_update(
    *, actor: User, agreement_id: int, changes: Mapping[str, object], expected_revision: int | None = None
) -> Agreement:
    """Change the agreement's data (managers only); the log keeps every before/after value."""
    unknown = set(changes) - set(AGREEMENT_FIELDS)
    if unknown:
        raise InvalidInput(
            _("Periksa data nota kesepakatan."), errors={k: _("Tidak dapat diubah.") for k in unknown}
        )
    with transaction.atomic():
        agreement = _visible_locked(actor, agreement_id)
        _require_manage(actor, agreement)
        if expected_revision is not None and expected_revision != agreement.revision:
            raise InvalidInput(
                _("Nota kesepakatan ini sudah diubah orang lain. Muat ulang halaman lalu periksa lagi.")
            )
        diff = {}
        for name, value in changes.items():
            if isinstance(value, str) and name != "summary":
                value = _text(value)
            if getattr(agreement, name) != value:
                diff[name] = [str(getattr(agreement, name)), str(value)]
                setattr(agreement, name, value)
        errors: dict[str, str] = {}
        if not 5 <= len(agreement.title) <= 300:
            errors["title"] = _("Judul 5 sampai 300 karakter.")
        _check_dates(errors, agreement.valid_from, agreement.valid_until, "valid_from", "valid_until")
        if errors:
            raise InvalidInput(_("Periksa data nota kesepakatan."), errors=errors)
        if diff:
            agreement.updated_at = clock.now()
            agreement.revision = F("revision") + 1
            agreement.save()
            agreement.refresh_from_db(fields=["revision"])
            _log(agreement, Kind.AGREEMENT_UPDATED, actor, data=diff)
    return agreement


def agreement_document_attach(*, actor: User, agreement_id: int, name: str, data: bytes) -> Upload:
    """Upload the signed agreement (PDF only, cleaned of its metadata); a new upload replaces the shown one,
    the older stays in the log."""
    clean = clean_upload(name, data)
    if clean.content_type != "application/pdf":
        raise InvalidInput(
            _("Dokumen nota kesepakatan harus berupa PDF."), errors={"document": _("Unggah PDF.")}
        )
    with transaction.atomic():
        agreement = _visible_locked(actor, agreement_id)
        _require_manage(actor, agreement)
        entry = _log(agreement, Kind.AGREEMENT_DOCUMENT, actor, data={"name": [None, clean.name]})
        upload = _store(
            clean, agreement=agreement, purpose=Upload.Purpose.AGREEMENT, actor=actor, entry=entry
        )
        agreement.document = upload
        agreement.updated_at = clock.now()
        agreement.save(update_fields=["document", "updated_at"])
    return upload


def agreement_end(*, actor: User, agreement_id: int, ended_on: dt.date, note: str = "") -> Agreement:
    """End the agreement before its validity runs out (managers only)."""
    with transaction.atomic():
        agreement = _visible_locked(actor, agreement_id)
        _require_manage(actor, agreement)
        if agreement.status == Agreement.Status.BERAKHIR:
            return agreement
        agreement.status = Agreement.Status.BERAKHIR
        agreement.ended_on = ended_on
        agreement.updated_at = clock.now()
        agreement.save(update_fields=["status", "ended_on", "updated_at"])
        _log(agreement, Kind.AGREEMENT_ENDED, actor, note=(note or "").strip()[:NOTE_MAX])
    return agreement


# --- action plan ---------------------------------------------------------------------------------------------


def _activity_errors(title: str, description: str, due_on: dt.date | None) -> dict[str, str]:
    errors = {}
    if not 3 <= len(title) <= TITLE_MAX:
        errors["title"] = _("Nama kegiatan 3 sampai %(n)s karakter.") % {"n": TITLE_MAX}
    if len(description) > TEXT_MAX:
        errors["description"] = _("Paling banyak %(n)s karakter.") % {"n": TEXT_MAX}
    if due_on is None:
        errors["due_on"] = _("Wajib diisi.")
    return errors


def activity_create(
    *, actor: User, area_id: int, title: str, owner_id: int, due_on: dt.date, description: str = ""
) -> Activity:
    """Add an activity to an area's action plan (managers only); its owner is any organisation of either
    side."""
    title, description = _text(title), (description or "").strip()
    with transaction.atomic():
        area = AgreementArea.objects.filter(pk=area_id).select_related("agreement").first()
        if area is None:
            raise NotFound(_("Bidang tidak ditemukan."))
        agreement = _visible_locked(actor, area.agreement_id)
        _require_manage(actor, agreement)
        errors = _activity_errors(title, description, due_on)
        if errors:
            raise InvalidInput(_("Periksa isian kegiatan."), errors=errors)
        owner = _side_org(agreement, owner_id, "owner")
        now = clock.now()
        activity = Activity.objects.create(
            area=area,
            title=title,
            description=description,
            owner=owner,
            due_on=due_on,
            created_at=now,
            updated_at=now,
        )
        _log(
            agreement,
            Kind.ACTIVITY_CREATED,
            actor,
            activity=activity,
            data={"title": [None, title], "owner": [None, owner.name], "due_on": [None, due_on.isoformat()]},
        )
    return activity


def _locked_activity(actor: User, activity_id: int) -> tuple[Activity, Agreement]:
    agreement_id = (
        Activity.objects.filter(pk=activity_id).values_list("area__agreement_id", flat=True).first()
    )
    if agreement_id is None:
        raise NotFound(_("Kegiatan tidak ditemukan."))
    agreement = _visible_locked(actor, agreement_id)
    activity = Activity.objects.select_for_update().select_related("area__agreement").get(pk=activity_id)
    return activity, agreement


def activity_update(
    *,
    actor: User,
    activity_id: int,
    title: str,
    owner_id: int,
    due_on: dt.date,
    description: str = "",
    expected_revision: int | None = None,
) -> Activity:
    """Change an activity's title, description, owner or due date (managers only)."""
    title, description = _text(title), (description or "").strip()
    with transaction.atomic():
        activity, agreement = _locked_activity(actor, activity_id)
        _require_manage(actor, agreement)
        if expected_revision is not None and expected_revision != activity.revision:
            raise InvalidInput(
                _("Kegiatan ini sudah diubah orang lain. Muat ulang halaman lalu periksa lagi.")
            )
        errors = _activity_errors(title, description, due_on)
        if errors:
            raise InvalidInput(_("Periksa isian kegiatan."), errors=errors)
        owner = _side_org(agreement, owner_id, "owner")
        diff = {}
        for name, before, after in (
            ("title", activity.title, title),
            ("description", activity.description, description),
            ("owner", activity.owner.name, owner.name),
            ("due_on", activity.due_on.isoformat(), due_on.isoformat()),
        ):
            if before != after:
                diff[name] = [before, after]
        if diff:
            activity.title, activity.description, activity.owner, activity.due_on = (
                title,
                description,
                owner,
                due_on,
            )
            activity.updated_at = clock.now()
            activity.revision = F("revision") + 1
            activity.save()
            activity.refresh_from_db(fields=["revision"])
            _log(agreement, Kind.ACTIVITY_UPDATED, actor, activity=activity, data=diff)
    return activity


def activity_report(
    *,
    actor: User,
    activity_id: int,
    progress: int,
    status: str | None = None,
    note: str = "",
    files: Iterable[tuple[str, bytes]] = (),
) -> LogEntry:
    """Report progress on an activity (owner organisation's working members, or managers): a percentage, an
    optional status, a note and evidence files, appended to its log. "selesai" means 100%; progress above 0
    on a planned activity means it is running."""
    note = (note or "").strip()
    errors = {}
    if not isinstance(progress, int) or isinstance(progress, bool) or not 0 <= progress <= 100:
        errors["progress"] = _("Isi angka 0 sampai 100.")
    if status is not None and status not in Status.values:
        errors["status"] = _("Status tidak dikenal.")
    if len(note) > NOTE_MAX:
        errors["note"] = _("Paling banyak %(n)s karakter.") % {"n": NOTE_MAX}
    if errors:
        raise InvalidInput(_("Periksa laporan kemajuan."), errors=errors)
    cleaned = clean_uploads(list(files))
    with transaction.atomic():
        activity, agreement = _locked_activity(actor, activity_id)
        if not access.can_report_progress(actor, activity):
            raise NotPermitted(
                _("Hanya organisasi penanggung jawab yang dapat melaporkan kemajuan kegiatan ini.")
            )
        new_status = status or activity.status
        if new_status == Status.SELESAI:
            progress = 100
        elif new_status == Status.RENCANA and progress > 0:
            new_status = Status.BERJALAN
        elif progress == 100 and status is None:
            new_status = Status.SELESAI
        diff = {}
        if activity.progress != progress:
            diff["progress"] = [activity.progress, progress]
        if activity.status != new_status:
            diff["status"] = [activity.status, new_status]
        today = clock.today()
        activity.progress = progress
        activity.status = new_status
        activity.completed_on = (activity.completed_on or today) if new_status == Status.SELESAI else None
        activity.updated_at = clock.now()
        activity.save(update_fields=["progress", "status", "completed_on", "updated_at"])
        entry = _log(agreement, Kind.PROGRESS, actor, activity=activity, note=note, data=diff)
        for clean in cleaned:
            _store(
                clean,
                agreement=agreement,
                purpose=Upload.Purpose.EVIDENCE,
                actor=actor,
                entry=entry,
                activity=activity,
            )
    return entry


# --- trainings -----------------------------------------------------------------------------------------------


def training_create(
    *,
    actor: User,
    agreement_id: int,
    kind_code: str,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    organiser_id: int,
    place: str = "",
    description: str = "",
    activity_id: int | None = None,
) -> Training:
    """Record a training or outreach activity under the agreement (managers only), optionally as part of an
    action-plan activity of the same agreement."""
    title, place, description = _text(title), _text(place), (description or "").strip()
    ends_on = ends_on or starts_on
    with transaction.atomic():
        agreement = _visible_locked(actor, agreement_id)
        _require_manage(actor, agreement)
        errors: dict[str, str] = {}
        kind = TrainingKind.objects.filter(code=kind_code, is_active=True).first()
        if kind is None:
            errors["kind"] = _("Jenis kegiatan tidak dikenal.")
        if not 3 <= len(title) <= 250:
            errors["title"] = _("Tema 3 sampai 250 karakter.")
        if len(place) > 200:
            errors["place"] = _("Paling banyak %(n)s karakter.") % {"n": 200}
        _check_dates(errors, starts_on, ends_on, "starts_on", "ends_on")
        activity = None
        if activity_id:
            activity = Activity.objects.filter(pk=activity_id, area__agreement=agreement).first()
            if activity is None:
                errors["activity"] = _("Kegiatan rencana aksi tidak ditemukan pada nota kesepakatan ini.")
        if errors:
            raise InvalidInput(_("Periksa isian pelatihan."), errors=errors)
        organiser = _side_org(agreement, organiser_id, "organiser")
        now = clock.now()
        training = Training.objects.create(
            agreement=agreement,
            kind=kind,
            title=title,
            description=description,
            starts_on=starts_on,
            ends_on=ends_on,
            organiser=organiser,
            place=place,
            activity=activity,
            created_at=now,
            updated_at=now,
        )
        _log(agreement, Kind.TRAINING_CREATED, actor, training=training, data={"title": [None, title]})
    return training


def _locked_training(actor: User, training_id: int) -> tuple[Training, Agreement]:
    agreement_id = Training.objects.filter(pk=training_id).values_list("agreement_id", flat=True).first()
    if agreement_id is None:
        raise NotFound(_("Pelatihan tidak ditemukan."))
    agreement = _visible_locked(actor, agreement_id)
    training = Training.objects.select_for_update().select_related("agreement").get(pk=training_id)
    if not access.can_record_training(actor, training):
        raise NotPermitted(_("Hanya pengelola atau penyelenggara yang dapat mencatat pelatihan ini."))
    return training, agreement


def training_participants_set(
    *, actor: User, training_id: int, organisation_id: int, invited: int, user_ids: Iterable[int] = ()
) -> Participation:
    """Set one organisation's invited participants: a count and, optionally, named accounts (members of that
    organisation). Named participants no longer listed are removed; the count is at least their number."""
    user_ids = set(user_ids)
    with transaction.atomic():
        training, agreement = _locked_training(actor, training_id)
        org = _side_org(agreement, organisation_id, "organisation")
        members = set(
            User.objects.filter(
                pk__in=user_ids, memberships__organisation=org, memberships__is_active=True
            ).values_list("pk", flat=True)
        )
        errors = {}
        if user_ids - members:
            errors["users"] = _("Peserta bernama harus anggota organisasi itu.")
        if not isinstance(invited, int) or not 0 <= invited <= MAX_PARTICIPANTS:
            errors["invited"] = _("Isi angka 0 sampai %(n)s.") % {"n": MAX_PARTICIPANTS}
        elif invited < len(user_ids):
            errors["invited"] = _("Jumlah peserta tidak boleh kurang dari peserta bernama.")
        if errors:
            raise InvalidInput(_("Periksa data peserta."), errors=errors)
        participation, _created = Participation.objects.select_for_update().get_or_create(
            training=training, organisation=org
        )
        before = [participation.invited, sorted(participation.participants.values_list("user_id", flat=True))]
        participation.invited = invited
        participation.save(update_fields=["invited"])
        participation.participants.exclude(user_id__in=user_ids).delete()
        existing = set(participation.participants.values_list("user_id", flat=True))
        Participant.objects.bulk_create(
            Participant(participation=participation, user_id=uid) for uid in sorted(user_ids - existing)
        )
        _log(
            agreement,
            Kind.PARTICIPANTS,
            actor,
            training=training,
            data={
                "organisation": org.name,
                "invited": [before[0], invited],
                "users": [before[1], sorted(user_ids)],
            },
        )
    return participation


def training_attendance_record(
    *,
    actor: User,
    training_id: int,
    counts: Mapping[int, int | None],
    attended_participants: Iterable[int] = (),
) -> Training:
    """Record who came: per participating organisation (participation id) a count, and per named participant
    yes/no (the ids in ``attended_participants`` came, the other named ones did not). An organisation's count
    defaults to its named participants who came and is never below it. Only once the training has started."""
    came = set(attended_participants)
    with transaction.atomic():
        training, agreement = _locked_training(actor, training_id)
        if training.starts_on > clock.today():
            raise InvalidInput(_("Presensi dicatat setelah pelatihan dimulai."))
        participations = {p.pk: p for p in training.participations.select_for_update()}
        named = {p.pk: p for p in Participant.objects.filter(participation__training=training)}
        errors = {}
        if set(counts) - set(participations):
            errors["counts"] = _("Organisasi peserta tidak dikenal.")
        if came - set(named):
            errors["participants"] = _("Peserta tidak dikenal.")
        if errors:
            raise InvalidInput(_("Periksa presensi."), errors=errors)
        named_came: dict[int, int] = {}
        for participant in named.values():
            participant.attended = participant.pk in came
            if participant.attended:
                named_came[participant.participation_id] = named_came.get(participant.participation_id, 0) + 1
        Participant.objects.bulk_update(named.values(), ["attended"])
        diff = {}
        for pk, participation in participations.items():
            count = counts.get(pk)
            floor = named_came.get(pk, 0)
            if count is None:
                has_named = any(n.participation_id == pk for n in named.values())
                count = floor if has_named else participation.attended
            elif not 0 <= count <= MAX_PARTICIPANTS:
                raise InvalidInput(
                    _("Periksa presensi."),
                    errors={f"count_{pk}": _("Isi angka 0 sampai %(n)s.") % {"n": MAX_PARTICIPANTS}},
                )
            elif count < floor:
                raise InvalidInput(
                    _("Periksa presensi."),
                    errors={f"count_{pk}": _("Tidak boleh kurang dari peserta bernama yang hadir.")},
                )
            if participation.attended != count:
                diff[participation.organisation_id] = [participation.attended, count]
                participation.attended = count
        Participation.objects.bulk_update(participations.values(), ["attended"])
        training.attendance_recorded_at = clock.now()
        training.save(update_fields=["attendance_recorded_at"])
        _log(agreement, Kind.ATTENDANCE, actor, training=training, data={str(k): v for k, v in diff.items()})
    return training


def training_materials_add(
    *, actor: User, training_id: int, files: Sequence[tuple[str, bytes]]
) -> list[Upload]:
    """Upload training materials (PDF or images, cleaned)."""
    if not files:
        raise InvalidInput(_("Pilih berkas materi."), errors={"files": _("Pilih berkas materi.")})
    cleaned = clean_uploads(list(files))
    with transaction.atomic():
        training, agreement = _locked_training(actor, training_id)
        entry = _log(
            agreement, Kind.MATERIAL, actor, training=training, data={"files": [c.name for c in cleaned]}
        )
        return [
            _store(
                c,
                agreement=agreement,
                purpose=Upload.Purpose.MATERIAL,
                actor=actor,
                entry=entry,
                training=training,
            )
            for c in cleaned
        ]
