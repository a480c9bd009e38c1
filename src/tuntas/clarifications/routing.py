"""Where a request may go: receivers for a sender, units for a receiver. Decided by the directory (data)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tuntas.complaints.models import Complaint
from tuntas.directory.models import Organisation, Role

# Village governments (kinds with a village_type) are many (200 in a regency) and reached through their
# kecamatan or DPMD; they are offered only when the complaint is about them.
NOT_VILLAGE = Q(kind__village_type="")


def _active() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).select_related("kind", "parent")


def receiver_choices(sender: Organisation, complaint: Complaint) -> list[Organisation]:
    """Organisations with a focal point, the sender's sibling and child units (the Inspektorat or the
    coordinator asking an OPD), the organisations handling the complaint and the one complaint is about."""
    focal = Q(memberships__role=Role.FOCAL_POINT, memberships__is_active=True)
    related = Q(handlings__complaint=complaint)
    if complaint.reported_organisation_id:
        related |= Q(pk=complaint.reported_organisation_id)
    near = Q(parent_id=sender.pk)
    if sender.parent_id:
        near |= Q(parent_id=sender.parent_id)
    near &= NOT_VILLAGE
    return list(_active().filter(focal | related | near).exclude(pk=sender.pk).distinct().order_by("name"))


def unit_choices(receiver: Organisation, complaint: Complaint) -> list[Organisation]:
    """The units a receiver may forward to: units under it or beside it (a Pemkab's OPD, Inspektorat,
    coordinator), and the organisation the complaint is about."""
    near = Q(parent_id=receiver.pk)
    if receiver.parent_id:
        near |= Q(parent_id=receiver.parent_id)
    near &= NOT_VILLAGE
    if complaint.reported_organisation_id:
        near |= Q(pk=complaint.reported_organisation_id)
    return list(_active().filter(near).exclude(pk=receiver.pk).distinct().order_by("name"))
