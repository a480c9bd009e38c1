"""Writes to the service standards registry. The console and portal views, the demo loader and tests call these.

Who may do what: admin, pimpinan and petugas of the service's organisation draft (new versions, texts, opening a
consultation, moderating comments); only pimpinan and admin publish. Anyone may comment on a standard while its
public consultation is open (the portal view rate-limits it). A draft the actor cannot see (another
organisation's) is NotFound, the same as one that does not exist. A published version is never edited: a new
draft copies its texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.dateformat import format as date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tuntas.core import clock
from tuntas.core.errors import Conflict, InvalidInput, NotFound, NotPermitted, TransitionNotAllowed
from tuntas.directory.access import roles_in
from tuntas.directory.models import Organisation, User
from tuntas.standards.access import DRAFTING_ROLES, PUBLISHING_ROLES, sees
from tuntas.standards.catalogue import JANGKA_WAKTU, STRUCTURED, ensure_components
from tuntas.standards.models import (
    Component,
    ConsultationComment,
    Service,
    ServiceStandard,
    StandardComponent,
)

TEXT_MAX = 10_000
COMMENT_MIN, COMMENT_MAX = 5, 3_000
CONSULTATION_MAX_DAYS = 90
MAX_DAYS = 3_650
MAX_COST = 1_000_000_000_000
Status = ServiceStandard.Status


class _Keep:
    """Marker for "leave this value as it is" (``None`` means "clear it")."""


KEEP = _Keep()


def _locked_service(actor: User, service_id: int) -> Service:
    service = Service.objects.select_for_update().filter(pk=service_id).first()
    if service is None or not sees(actor, service.organisation_id):
        raise NotFound(_("Layanan tidak ditemukan."))
    return service


def _locked_standard(actor: User, standard_id: int) -> ServiceStandard:
    """The version, locked, once the actor is known to see its organisation."""
    org_id = (
        ServiceStandard.objects.filter(pk=standard_id)
        .values_list("service__organisation_id", flat=True)
        .first()
    )
    if org_id is None or not sees(actor, org_id):
        raise NotFound(_("Standar pelayanan tidak ditemukan."))
    return ServiceStandard.objects.select_for_update().select_related("service").get(pk=standard_id)


def _require(actor: User, organisation_id: int, roles: frozenset[str], message: str) -> None:
    if not roles_in(actor, organisation_id) & roles:
        raise NotPermitted(message)


def _touch(standard: ServiceStandard, actor: User, fields: list[str]) -> None:
    standard.updated_at = clock.now()
    standard.updated_by = actor
    standard.revision = F("revision") + 1
    standard.save(update_fields=[*fields, "updated_at", "updated_by", "revision"])
    standard.refresh_from_db(fields=["revision"])


# --- services --------------------------------------------------------------------------------------------


def service_create(
    *,
    actor: User,
    organisation_id: int,
    name: str,
    slug: str = "",
    description: str = "",
    sort: int = 100,
) -> Service:
    """Register a service of an organisation (drafting roles there). The slug, unique in the organisation, is
    made from the name when not given; it is the service's address on the portal."""
    org = Organisation.objects.filter(pk=organisation_id, is_active=True).first()
    if org is None or not sees(actor, org.pk):
        raise NotFound(_("Organisasi tidak ditemukan."))
    _require(actor, org.pk, DRAFTING_ROLES, _("Anda tidak berwenang menambah layanan organisasi ini."))
    name = " ".join((name or "").split())
    errors = {}
    if not 3 <= len(name) <= 200:
        errors["name"] = _("Nama layanan 3 sampai 200 karakter.")
    slug = slugify(slug or name)[:80].strip("-")
    if not slug:
        errors.setdefault("slug", _("Alamat layanan tidak boleh kosong."))
    elif Service.objects.filter(organisation=org, slug=slug).exists():
        errors["slug"] = _("Organisasi ini sudah punya layanan dengan alamat yang sama.")
    if errors:
        raise InvalidInput(_("Periksa data layanan."), errors=errors)
    try:
        with transaction.atomic():
            return Service.objects.create(
                organisation=org, name=name, slug=slug, description=(description or "").strip(), sort=sort
            )
    except IntegrityError as exc:  # the same slug saved a moment ago by someone else
        raise InvalidInput(
            _("Periksa data layanan."),
            errors={"slug": _("Organisasi ini sudah punya layanan dengan alamat yang sama.")},
        ) from exc


def standard_draft_new(*, actor: User, service_id: int) -> ServiceStandard:
    """Start the next version of a service's standard as a draft, copying the texts and values of the version
    in force (or the latest one). One draft (or consultation) at a time per service."""
    ensure_components()
    with transaction.atomic():
        service = _locked_service(actor, service_id)
        _require(
            actor, service.organisation_id, DRAFTING_ROLES, _("Anda tidak berwenang menyusun standar ini.")
        )
        versions = ServiceStandard.objects.filter(service=service)
        if versions.filter(status__in=ServiceStandard.EDITABLE).exists():
            raise Conflict(_("Layanan ini sudah punya draf yang sedang disusun."))
        base = versions.filter(status=Status.PUBLISHED).first() or versions.order_by("-version").first()
        now = clock.now()
        draft = ServiceStandard.objects.create(
            service=service,
            version=(versions.aggregate(n=Max("version"))["n"] or 0) + 1,
            status=Status.DRAFT,
            based_on=base,
            time_limit_days=base.time_limit_days if base else None,
            cost_rupiah=base.cost_rupiah if base else None,
            created_at=now,
            created_by=actor,
            updated_at=now,
            updated_by=actor,
        )
        texts = dict(base.components.values_list("component_id", "text")) if base else {}
        for component_id in Component.objects.filter(is_active=True).values_list("pk", flat=True):
            texts.setdefault(component_id, "")
        StandardComponent.objects.bulk_create(
            StandardComponent(standard=draft, component_id=cid, text=text) for cid, text in texts.items()
        )
    return draft


def _check_value(code: str, value: int | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        return _("Isi dengan angka 0 atau lebih.")
    if code == JANGKA_WAKTU and value > MAX_DAYS:
        return _("Terlalu lama.")
    if value > MAX_COST:
        return _("Terlalu besar.")
    return None


def standard_update(
    *,
    actor: User,
    standard_id: int,
    texts: Mapping[str, str] | None = None,
    values: Mapping[str, int | None] | None = None,
    expected_revision: int | None = None,
) -> ServiceStandard:
    """Change component texts (by component code) and the structured values of "jangka_waktu" (working days)
    and "biaya" (Rupiah, 0 = free) of a draft or a version under consultation. A published or superseded
    version is never changed; ``expected_revision`` refuses an edit made over someone else's newer one."""
    texts, values = dict(texts or {}), dict(values or {})
    catalogue = {c.code: c for c in Component.objects.filter(code__in=texts)}
    errors: dict[str, str] = {}
    for code, text in texts.items():
        if code not in catalogue:
            errors[code] = _("Komponen tidak dikenal.")
        elif len(text or "") > TEXT_MAX:
            errors[code] = _("Paling banyak %(n)s karakter.") % {"n": f"{TEXT_MAX:,}".replace(",", ".")}
    for code, value in values.items():
        if code not in STRUCTURED:
            errors[f"{code}_value"] = _("Komponen ini tidak punya nilai angka.")
        elif message := _check_value(code, value):
            errors[f"{code}_value"] = message
    if errors:
        raise InvalidInput(_("Periksa isian standar pelayanan."), errors=errors)
    with transaction.atomic():
        standard = _locked_standard(actor, standard_id)
        org_id = standard.service.organisation_id
        _require(actor, org_id, DRAFTING_ROLES, _("Anda tidak berwenang menyusun standar ini."))
        if not standard.is_editable:
            raise TransitionNotAllowed(
                _("Standar yang sudah diterbitkan tidak dapat diubah. Buat draf versi baru.")
            )
        if expected_revision is not None and expected_revision != standard.revision:
            raise Conflict(_("Draf ini sudah diubah orang lain. Muat ulang halaman lalu periksa lagi."))
        rows = {r.component_id: r for r in standard.components.all()}
        changed = []
        for code, text in texts.items():
            text = (text or "").strip().replace("\r\n", "\n")
            row = rows.get(catalogue[code].pk)
            if row is None:
                StandardComponent.objects.create(standard=standard, component=catalogue[code], text=text)
            elif row.text != text:
                row.text = text
                changed.append(row)
        StandardComponent.objects.bulk_update(changed, ["text"])
        fields = []
        for code, value in values.items():
            setattr(standard, STRUCTURED[code], value)
            fields.append(STRUCTURED[code])
        _touch(standard, actor, fields)
    return standard


def standard_update_component(
    *,
    actor: User,
    standard_id: int,
    code: str,
    text: str,
    value: int | None | _Keep = KEEP,
    expected_revision: int | None = None,
) -> ServiceStandard:
    """Change one component's text (and, for "jangka_waktu" and "biaya", its number) of an editable version."""
    values = {} if isinstance(value, _Keep) else {code: value}
    return standard_update(
        actor=actor,
        standard_id=standard_id,
        texts={code: text},
        values=values,
        expected_revision=expected_revision,
    )


def standard_open_consultation(
    *, actor: User, standard_id: int, closes_on: dt.date, opens_on: dt.date | None = None
) -> ServiceStandard:
    """Put a draft to public consultation (UU 25/2009 Pasal 20(2)) from ``opens_on`` (today by default) to
    ``closes_on`` inclusive, at most 90 days; the public comments on the portal meanwhile."""
    today = clock.today()
    opens_on = opens_on or today
    errors = {}
    if opens_on < today:
        errors["opens_on"] = _("Tanggal mulai tidak boleh sebelum hari ini.")
    if closes_on < opens_on or closes_on < today:
        errors["closes_on"] = _("Tanggal selesai harus sesudah tanggal mulai.")
    elif (closes_on - opens_on).days > CONSULTATION_MAX_DAYS:
        errors["closes_on"] = _("Konsultasi publik paling lama %(n)s hari.") % {"n": CONSULTATION_MAX_DAYS}
    if errors:
        raise InvalidInput(_("Periksa jadwal konsultasi publik."), errors=errors)
    with transaction.atomic():
        standard = _locked_standard(actor, standard_id)
        _require(
            actor,
            standard.service.organisation_id,
            DRAFTING_ROLES,
            _("Anda tidak berwenang membuka konsultasi publik standar ini."),
        )
        if standard.status != Status.DRAFT:
            raise TransitionNotAllowed(_("Hanya draf yang dapat dibuka untuk konsultasi publik."))
        standard.status = Status.KONSULTASI
        standard.consultation_opens_on = opens_on
        standard.consultation_closes_on = closes_on
        _touch(standard, actor, ["status", "consultation_opens_on", "consultation_closes_on"])
    return standard


def consultation_is_open(standard: ServiceStandard, today: dt.date | None = None) -> bool:
    today = today or clock.today()
    return (
        standard.status == Status.KONSULTASI
        and standard.consultation_opens_on is not None
        and standard.consultation_closes_on is not None
        and standard.consultation_opens_on <= today <= standard.consultation_closes_on
    )


def consultation_comment_add(
    *, standard_id: int, text: str, name: str = "", component_code: str | None = None
) -> ConsultationComment:
    """A comment from anyone on a standard whose public consultation is open today; a name is optional."""
    text = (text or "").strip()
    name = " ".join((name or "").split())
    errors = {}
    if len(text) < COMMENT_MIN:
        errors["text"] = _("Tulis masukan Anda (paling sedikit %(n)s karakter).") % {"n": COMMENT_MIN}
    elif len(text) > COMMENT_MAX:
        errors["text"] = _("Paling banyak %(n)s karakter.") % {"n": f"{COMMENT_MAX:,}".replace(",", ".")}
    if len(name) > 100:
        errors["name"] = _("Paling banyak %(n)s karakter.") % {"n": 100}
    component = None
    if component_code:
        component = Component.objects.filter(code=component_code, is_active=True).first()
        if component is None:
            errors["component"] = _("Komponen tidak dikenal.")
    if errors:
        raise InvalidInput(_("Periksa masukan Anda."), errors=errors)
    with transaction.atomic():
        standard = ServiceStandard.objects.select_for_update().filter(pk=standard_id).first()
        if standard is None or standard.status == Status.DRAFT:
            raise NotFound(_("Standar pelayanan tidak ditemukan."))
        if not consultation_is_open(standard):
            raise Conflict(_("Konsultasi publik untuk standar ini tidak sedang dibuka."))
        return ConsultationComment.objects.create(
            standard=standard, component=component, name=name, text=text, created_at=clock.now()
        )


def consultation_comment_hide(*, actor: User, comment_id: int, hidden: bool = True) -> ConsultationComment:
    """Hide (or show again) a consultation comment, e.g. abuse or personal data; it is kept, never deleted."""
    with transaction.atomic():
        comment = (
            ConsultationComment.objects.select_for_update()
            .select_related("standard__service")
            .filter(pk=comment_id)
            .first()
        )
        if comment is None or not sees(actor, comment.standard.service.organisation_id):
            raise NotFound(_("Masukan tidak ditemukan."))
        _require(
            actor,
            comment.standard.service.organisation_id,
            DRAFTING_ROLES,
            _("Anda tidak berwenang mengatur masukan konsultasi ini."),
        )
        if comment.is_hidden != hidden:
            comment.is_hidden = hidden
            comment.save(update_fields=["is_hidden"])
    return comment


def missing_for_publication(standard: ServiceStandard) -> dict[str, str]:
    """What a version still lacks before it can be published: every active component's text, and the
    numbers of the time limit and the cost. Keys are component codes (``<code>_value`` for numbers)."""
    filled = {
        code
        for code, text in standard.components.values_list("component__code", "text")
        if (text or "").strip()
    }
    missing = {
        c.code: _("Wajib diisi sebelum diterbitkan.")
        for c in Component.objects.filter(is_active=True)
        if c.code not in filled
    }
    for code, field in STRUCTURED.items():
        if getattr(standard, field) is None:
            missing[f"{code}_value"] = _("Wajib diisi sebelum diterbitkan.")
    return missing


def standard_publish(*, actor: User, standard_id: int, decree: str = "") -> ServiceStandard:
    """Publish a complete draft, or a version whose public consultation has closed (pimpinan or admin). The
    version in force until now becomes superseded in the same transaction: one published version per service."""
    decree = " ".join((decree or "").split())
    if len(decree) > 200:
        raise InvalidInput(
            _("Periksa data penetapan."), errors={"decree": _("Paling banyak %(n)s karakter.") % {"n": 200}}
        )
    with transaction.atomic():
        standard = _locked_standard(actor, standard_id)
        service = Service.objects.select_for_update().get(pk=standard.service_id)
        _require(
            actor,
            service.organisation_id,
            PUBLISHING_ROLES,
            _("Hanya pimpinan atau admin organisasi yang dapat menerbitkan standar pelayanan."),
        )
        if not standard.is_editable:
            raise TransitionNotAllowed(_("Versi ini sudah diterbitkan atau sudah diganti."))
        if standard.status == Status.KONSULTASI and standard.consultation_closes_on >= clock.today():
            raise Conflict(
                _(
                    "Konsultasi publik masih berlangsung sampai %(date)s. Terbitkan setelah konsultasi ditutup."
                )
                % {"date": date_format(standard.consultation_closes_on, "j F Y")}
            )
        missing = missing_for_publication(standard)
        if missing:
            raise InvalidInput(_("Lengkapi semua komponen sebelum menerbitkan."), errors=missing)
        now = clock.now()
        ServiceStandard.objects.filter(service=service, status=Status.PUBLISHED).update(
            status=Status.SUPERSEDED, superseded_at=now
        )
        standard.status = Status.PUBLISHED
        standard.published_at = now
        standard.published_by = actor
        standard.decree = decree
        _touch(standard, actor, ["status", "published_at", "published_by", "decree"])
    return standard
