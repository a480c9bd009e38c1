"""An organisation's public profile (its page on the portal), kept by its own admin and pimpinan.

Only the profile fields are written here; the name, kind, parent and region belong to the directory admin.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tuntas.core import clock as time
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.directory.models import Membership, Organisation, Role, User

PROFILE_ROLES = (Role.ADMIN, Role.PIMPINAN)
LIMITS = {"description": 3000, "opening_hours": 1000, "maklumat": 3000, "address": 300, "phone": 40}


@dataclass(frozen=True)
class ProfileInput:
    description: str = ""
    opening_hours: str = ""
    maklumat: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


def editable_organisations(user: User) -> QuerySet[Organisation]:
    """The units whose page the user keeps: where they are admin or pimpinan (every unit for a superuser)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.filter(is_active=True)
    ids = Membership.objects.filter(user=user, is_active=True, role__in=PROFILE_ROLES).values(
        "organisation_id"
    )
    return Organisation.objects.filter(pk__in=ids, is_active=True)


def _clean(data: ProfileInput) -> dict[str, str]:
    values = {f: " ".join(getattr(data, f).split()) for f in ("address", "phone", "email", "website")}
    values |= {
        f: getattr(data, f).strip().replace("\r\n", "\n")
        for f in ("description", "opening_hours", "maklumat")
    }
    errors = {}
    for field, limit in LIMITS.items():
        if len(values[field]) > limit:
            errors[field] = _("Paling banyak %(n)s karakter.") % {"n": limit}
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            errors["email"] = _("Alamat email tidak valid.")
    if values["website"]:
        try:
            URLValidator(schemes=["http", "https"])(values["website"])
        except ValidationError:
            errors["website"] = _("Alamat situs harus diawali http:// atau https://.")
        if len(values["website"]) > 200:
            errors["website"] = _("Paling banyak %(n)s karakter.") % {"n": 200}
    if errors:
        raise InvalidInput(_("Periksa kembali isian yang ditandai."), errors=errors)
    return values


def profile_update(*, actor: User, organisation_id: int, data: ProfileInput) -> Organisation:
    """The unit's admin or pimpinan updates its public page; anyone else is refused (a unit they cannot
    keep is not found)."""
    if not editable_organisations(actor).filter(pk=organisation_id).exists():
        if Organisation.objects.filter(pk=organisation_id).exists() and actor.is_authenticated:
            raise NotPermitted(_("Hanya admin atau pimpinan unit ini yang dapat mengubah profilnya."))
        raise NotFound(_("Unit tidak ditemukan."))
    values = _clean(data)
    with transaction.atomic():
        org = Organisation.objects.select_for_update().get(pk=organisation_id)
        for field, value in values.items():
            setattr(org, field, value)
        org.profile_updated_at = time.now()
        org.save(update_fields=[*values, "profile_updated_at"])
    return org
