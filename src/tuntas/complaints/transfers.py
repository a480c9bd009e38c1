"""The record of a move between organisations: what kind of move it was, the TRANSFERRED event that links
both handlings, and the notice to the receiving organisation.

Used by ``services_handling`` (moves that are SOP transitions: disposisi, teruskan, limpah, eskalasi,
kembalikan) and ``services_transfer`` (moves that are not: ambil alih, the reporter's escalation). It writes
no handling state.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tuntas.complaints.events import event_add
from tuntas.complaints.models import Complaint, Event, Handling
from tuntas.complaints.notifications import complaint_summary, notify_staff_about
from tuntas.directory.models import Organisation
from tuntas.notify.models import OutboxMessage
from tuntas.notify.services import outbox_enqueue

# A transition closing with this reason sends the handling back to its sender (see opd.yaml "kembalikan").
RETURN_REASON = "dikembalikan"

DISPOSISI, TERUSKAN, LIMPAH, ESKALASI = "disposisi", "teruskan", "limpah", "eskalasi"
KEMBALIKAN, AMBIL_ALIH, ESKALASI_PELAPOR = "kembalikan", "ambil_alih", "eskalasi_pelapor"
MOVE_LABELS = {
    DISPOSISI: _("Disposisi dari koordinator pengaduan"),
    TERUSKAN: _("Diteruskan dari unit lain"),
    LIMPAH: _("Dilimpahkan oleh pengawas dengan arahan"),
    ESKALASI: _("Dilimpahkan ke pengawas"),
    KEMBALIKAN: _("Dikembalikan: bukan wewenang unit pengirim"),
    AMBIL_ALIH: _("Diambil alih oleh pengawas"),
    ESKALASI_PELAPOR: _("Diajukan pelapor ke pengawas"),
}


def dispose_move(sender: Organisation, receiver: Organisation) -> str:
    """Name an SOP disposal by who sends it where (the kinds' roles): from the complaint coordinator it is
    disposisi, down from oversight limpah, up to it eskalasi."""
    if sender.kind.is_complaint_coordinator:
        return DISPOSISI
    if sender.kind.is_oversight and not receiver.kind.is_oversight:
        return LIMPAH
    if receiver.kind.is_oversight:
        return ESKALASI
    return TERUSKAN


def _ref(org: Organisation) -> dict:
    return {"id": org.pk, "name": org.name}


def transfer_recorded(
    *,
    complaint: Complaint,
    move: str,
    sender: Handling | None,
    receiver: Handling,
    actor_user=None,  # noqa: ANN001 - a User or None
    actor_kind: str = "",
    reason: str = "",
) -> Event:
    """The internal TRANSFERRED event on the receiving handling (the reason may be internal, so it is never
    public) and an email to the receiving organisation's address, if it has one. The email names only the
    tracking code, the kind of move and the sender: what the complaint says is read in the console."""
    event = event_add(
        complaint=complaint,
        handling=receiver,
        kind=Event.Kind.TRANSFERRED,
        actor=actor_user,
        actor_kind=actor_kind,
        message=reason[:5000],
        payload={
            "move": move,
            "from_handling": sender.pk if sender else None,
            "from_organisation": _ref(sender.organisation) if sender else None,
            "to_handling": receiver.pk,
            "to_organisation": _ref(receiver.organisation),
        },
    )
    org = receiver.organisation
    # Plain values only: the mailbox (like staff) may belong to the terlapor, and message templates are
    # editable data, so they must not be able to reach the reporter's identity through a model instance.
    context = {
        "sender": sender.organisation.name if sender else "",
        "move": MOVE_LABELS.get(move, move),  # lazy: rendered in the message's language
        "due_date": receiver.due_date,
    }
    if org.email:
        outbox_enqueue(
            channel=OutboxMessage.Channel.EMAIL,
            recipient=org.email,
            template="handling_received",
            context={
                **context,
                "complaint": complaint_summary(complaint),
                "organisation": {"name": org.name},
            },
            complaint=complaint,
            event=event,
        )
    notify_staff_about(
        complaint=complaint, organisation=org, key="staff_handling_opened", context=context, event=event
    )
    return event
