"""Webhook subscriptions and deliveries: an organisation's admin subscribes an endpoint to event types
(``webhooks.EVENT_TYPES``); each timeline event of a type becomes one payload per subscription whose
organisation may know of it, queued in the outbox in the transaction that wrote the event (the
``complaints.hooks`` event hook), signed and sent by ``notify.channels.WebhookChannel`` with retries, every
attempt recorded. "Kirim peristiwa uji" and "Kirim ulang" go through the same outbox.
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.core import clock as time
from tuntas.core.errors import InvalidInput, NotFound, NotPermitted
from tuntas.core.site import absolute_url
from tuntas.directory.access import memberships_of, roles_in
from tuntas.directory.models import Organisation, Role, User
from tuntas.interop import webhooks
from tuntas.interop.models import WebhookDelivery, WebhookSubscription
from tuntas.notify.channels import encode
from tuntas.notify.models import DeliveryAttempt, OutboxMessage
from tuntas.notify.services import outbox_enqueue_raw

log = logging.getLogger(__name__)

MANAGING_ROLES = frozenset({Role.ADMIN, Role.PIMPINAN})


def can_manage(user: User, organisation: Organisation) -> bool:
    """An organisation's admin or pimpinan manages its subscriptions (a superuser everywhere)."""
    return bool(roles_in(user, organisation.pk) & MANAGING_ROLES)


def managed_organisations(user: User) -> list[Organisation]:
    if user.is_superuser:
        return list(Organisation.objects.filter(is_active=True).order_by("name"))
    ids = set(memberships_of(user).filter(role__in=MANAGING_ROLES).values_list("organisation_id", flat=True))
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(url: str, event_types: list[str]) -> tuple[str, list[str]]:
    errors = {}
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        errors["url"] = _("Tulis alamat lengkap, diawali https://.")
    elif parts.scheme == "http" and not (
        _loopback(parts.hostname) or getattr(settings, "TUNTAS_WEBHOOK_ALLOW_HTTP", False)
    ):
        errors["url"] = _("Gunakan https:// (isi pengaduan tidak dikirim tanpa enkripsi).")
    unknown = webhooks.unknown_types(event_types)
    if unknown:
        errors["event_types"] = _("Jenis peristiwa tidak dikenal: %(names)s.") % {"names": ", ".join(unknown)}
    elif not event_types:
        errors["event_types"] = _("Pilih sedikitnya satu jenis peristiwa.")
    if errors:
        raise InvalidInput(_("Periksa kembali isian yang ditandai."), errors=errors)
    return url, sorted(set(event_types))


def subscription_create(
    *, actor: User, organisation_id: int, name: str, url: str, event_types: list[str]
) -> WebhookSubscription:
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    if organisation is None:
        raise NotFound(_("Organisasi tidak ditemukan."))
    if not can_manage(actor, organisation):
        raise NotPermitted(_("Hanya admin atau pimpinan organisasi ini yang mengatur webhook-nya."))
    name = (name or "").strip()
    if not name:
        raise InvalidInput(_("Beri nama penerima ini."), errors={"name": _("Wajib diisi.")})
    url, event_types = _check(url, event_types)
    return WebhookSubscription.objects.create(
        organisation=organisation,
        name=name[:120],
        url=url,
        event_types=event_types,
        secret=secrets.token_urlsafe(32),
        created_at=time.now(),
        created_by=actor,
    )


def _managed(actor: User, subscription_id: int, *, lock: bool = False) -> WebhookSubscription:
    qs = WebhookSubscription.objects.select_related("organisation")
    if lock:
        qs = qs.select_for_update()
    sub = qs.filter(pk=subscription_id).first()
    if sub is None or not can_manage(actor, sub.organisation):
        raise NotFound(_("Langganan webhook tidak ditemukan."))
    return sub


def subscription_update(
    *, actor: User, subscription_id: int, url: str, event_types: list[str], is_active: bool
) -> WebhookSubscription:
    url, event_types = _check(url, event_types)
    with transaction.atomic():
        sub = _managed(actor, subscription_id, lock=True)
        sub.url, sub.event_types, sub.is_active = url, event_types, is_active
        sub.save(update_fields=["url", "event_types", "is_active"])
    return sub


def subscription_rotate_secret(*, actor: User, subscription_id: int) -> WebhookSubscription:
    """A new signing key; deliveries not yet sent are signed with it too (the key is read when sending)."""
    with transaction.atomic():
        sub = _managed(actor, subscription_id, lock=True)
        sub.secret = secrets.token_urlsafe(32)
        sub.save(update_fields=["secret"])
    return sub


def _queue(
    sub: WebhookSubscription,
    *,
    event_type: str,
    body: str,
    delivery_id: uuid.UUID,
    event: Event | None,
    complaint: Complaint | None = None,
    replay_of: WebhookDelivery | None = None,
) -> WebhookDelivery:
    """One payload (JSON text) for ``sub``: its outbox message and the delivery row tying them."""
    message = outbox_enqueue_raw(
        channel=OutboxMessage.Channel.WEBHOOK,
        recipient=sub.url,
        template=webhooks.TEMPLATE,
        subject=event_type,
        body=body,
        complaint=complaint if complaint is not None else (event.complaint if event is not None else None),
        event=event,
    )
    return WebhookDelivery.objects.create(
        subscription=sub,
        message=message,
        uuid=delivery_id,
        replay_of=replay_of,
        event_type=event_type,
        event=event,
        created_at=message.created_at,
    )


def _receivers(event: Event, event_type: webhooks.EventType) -> list[WebhookSubscription]:
    """Active subscriptions to ``event_type`` whose organisation may know of ``event``: its own handling
    ("own"), or a complaint it handles or handled ("handled"), as its staff see it in the console."""
    if event_type.scope == "own":
        if not event.handling_id:
            return []
        org_ids = {event.handling.organisation_id}
    else:
        org_ids = set(
            Handling.objects.filter(complaint_id=event.complaint_id).values_list("organisation_id", flat=True)
        )
    subs = WebhookSubscription.objects.filter(is_active=True, organisation_id__in=org_ids).select_related(
        "organisation"
    )
    return [s for s in subs if event_type.name in s.event_types]


def event_added(event: Event) -> None:
    """The ``complaints.hooks`` event hook: inside the writing transaction, so a payload is queued exactly
    when its event commits."""
    event_type = webhooks.type_of(event.kind)
    if event_type is None:
        return
    receivers = _receivers(event, event_type)
    if not receivers:
        return
    complaint = event.complaint
    identity = getattr(complaint, "identity", None) if complaint.privacy == "public" else None
    url = absolute_url(reverse("console:complaint", kwargs={"complaint_id": complaint.pk}))
    for sub in receivers:
        delivery_id = uuid.uuid4()
        body = webhooks.payload(
            delivery_id=str(delivery_id),
            event_type=event_type.name,
            organisation=sub.organisation.slug,
            event=event,
            complaint_url=url,
            reporter_name=identity.name if identity is not None else "",
        )
        _queue(
            sub, event_type=event_type.name, body=encode(body).decode(), delivery_id=delivery_id, event=event
        )
        log.info("webhook queued type=%s subscription=%s event=%s", event_type.name, sub.pk, event.pk)


def send_test(*, actor: User, subscription_id: int) -> WebhookDelivery:
    with transaction.atomic():
        sub = _managed(actor, subscription_id)
        delivery_id = uuid.uuid4()
        body = webhooks.test_payload(
            delivery_id=str(delivery_id), organisation=sub.organisation.slug, sent_at=time.now()
        )
        return _queue(
            sub,
            event_type=webhooks.TEST_TYPE,
            body=encode(body).decode(),
            delivery_id=delivery_id,
            event=None,
        )


def replay(*, actor: User, delivery_id: int) -> WebhookDelivery:
    """Send a delivery again as a new outbox message with the same payload (same ``id``): for a receiver
    that lost it or was down past the last retry."""
    with transaction.atomic():
        original = (
            WebhookDelivery.objects.select_related("message", "subscription").filter(pk=delivery_id).first()
        )
        if original is None:
            raise NotFound(_("Kiriman tidak ditemukan."))
        sub = _managed(actor, original.subscription_id)
        return _queue(
            sub,
            event_type=original.event_type,
            body=original.message.body,
            delivery_id=original.uuid,
            event=original.event,
            complaint=original.message.complaint,
            replay_of=original,
        )


def signing_secret(message: OutboxMessage) -> str | None:
    """The ``notify`` signer hook: a payload message is signed with its subscription's key (None: not ours)."""
    if message.template != webhooks.TEMPLATE:
        return None
    delivery = WebhookDelivery.objects.select_related("subscription").filter(message_id=message.pk).first()
    if delivery is None or not delivery.subscription.is_active:
        return ""
    return delivery.subscription.secret


# --- reading ---------------------------------------------------------------------------------------------


def subscriptions_for(user: User) -> list[WebhookSubscription]:
    orgs = managed_organisations(user)
    return list(
        WebhookSubscription.objects.filter(organisation__in=orgs)
        .select_related("organisation")
        .order_by("organisation__name", "name", "id")
    )


def subscription_for(user: User, subscription_id: int) -> WebhookSubscription:
    return _managed(user, subscription_id)


def deliveries_of(subscription: WebhookSubscription, limit: int = 50) -> list[WebhookDelivery]:
    """The newest deliveries with their message's state and the last attempt's error (one query)."""
    last_error = DeliveryAttempt.objects.filter(message_id=OuterRef("message_id"), ok=False).order_by("-id")
    return list(
        subscription.deliveries.select_related("message", "message__complaint")
        .annotate(last_error=Subquery(last_error.values("error")[:1]))
        .order_by("-id")[:limit]
    )
