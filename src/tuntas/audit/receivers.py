"""What is audited without the feature's own call: sign-in, failed sign-in and sign-out (Django's auth
signals), every reveal of a confidential reporter's identity (the IDENTITY_VIEWED timeline event, so no
path that reveals can skip it) and every change of a membership's role (admin or code alike)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from tuntas.audit.models import AuditEntry
from tuntas.audit.services import audit_record
from tuntas.audit.two_factor import note_free_at_sign_in
from tuntas.complaints.models import Event
from tuntas.directory.models import Membership

A = AuditEntry.Action


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:  # noqa: ANN001, ARG001
    audit_record(A.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:  # noqa: ANN001, ARG001
    if user is not None:
        audit_record(A.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:  # noqa: ANN001, ARG001
    # Django has already replaced the password with asterisks; only the username tried is kept.
    tried = str(credentials.get("username", ""))[:150]
    # Linked to the account that was tried, when there is one: its auditors see attempts on it.
    account = get_user_model().objects.filter(username=tried).first() if tried else None
    audit_record(A.LOGIN_FAILED, actor=account, actor_name=tried, request=request, detail={"username": tried})


@receiver(post_save, sender=Event)
def _identity_revealed(sender, instance: Event, created: bool, **kwargs) -> None:  # noqa: ANN001, ARG001
    if not created or instance.kind != Event.Kind.IDENTITY_VIEWED:
        return
    handling = instance.handling
    audit_record(
        A.IDENTITY_REVEALED,
        actor=instance.actor,
        organisation=handling.organisation if handling is not None else None,
        target=instance.complaint.tracking_code,
        detail={"complaint_id": instance.complaint_id, "event_id": instance.pk},
    )


def _membership_detail(m: Membership) -> dict:
    return {"user": m.user.username, "organisation": m.organisation_id, "role": m.role, "active": m.is_active}


@receiver(pre_save, sender=Membership)
def _remember_role(sender, instance: Membership, **kwargs) -> None:  # noqa: ANN001, ARG001
    old = (
        Membership.objects.filter(pk=instance.pk).values("role", "is_active").first() if instance.pk else None
    )
    instance._audit_before = old  # noqa: SLF001


@receiver(post_save, sender=Membership)
def _role_saved(sender, instance: Membership, created: bool, **kwargs) -> None:  # noqa: ANN001, ARG001
    if kwargs.get("raw"):
        return  # fixtures and loaddata
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        action = A.ROLE_GRANTED
    elif before == {"role": instance.role, "is_active": instance.is_active}:
        return
    else:
        action = A.ROLE_CHANGED if instance.is_active else A.ROLE_REVOKED
    detail = _membership_detail(instance)
    if before is not None and not created:
        detail["before"] = before
    audit_record(action, organisation=instance.organisation, target=instance.user.username, detail=detail)


@receiver(post_delete, sender=Membership)
def _role_deleted(sender, instance: Membership, **kwargs) -> None:  # noqa: ANN001, ARG001
    # No organisation link: the row may be going because its organisation is being deleted.
    audit_record(A.ROLE_REVOKED, target=instance.user.username, detail=_membership_detail(instance))


user_logged_in.connect(note_free_at_sign_in, dispatch_uid="tuntas-two-factor-free")
