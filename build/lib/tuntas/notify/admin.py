"""Admin for the outbox: read-only, to see what was queued and how delivery went.

The recipient is a reporter's email or phone, i.e. part of their identity; it is shown masked here, because
admin access is not the role-checked, logged identity view of the console.
"""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from tuntas.notify.masking import mask
from tuntas.notify.models import DeliveryAttempt, OutboxMessage


class DeliveryAttemptInline(ReadOnlyInline):
    model = DeliveryAttempt
    fields = ("started_at", "duration_ms", "ok", "error")
    readonly_fields = fields


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "channel", "masked_recipient", "template", "subject", "status", "attempts")
    list_filter = ("status", "channel", "template")
    list_select_related = ("complaint",)
    search_fields = ("^complaint__tracking_code", "subject")
    date_hierarchy = "created_at"
    show_full_result_count = False
    fields = (
        "channel",
        "masked_recipient",
        "template",
        "subject",
        "body",
        "complaint",
        "event",
        "status",
        "attempts",
        "next_attempt_at",
        "created_at",
        "sent_at",
    )
    readonly_fields = fields
    inlines = (DeliveryAttemptInline,)

    @admin.display(description=_("penerima"))
    def masked_recipient(self, obj: OutboxMessage) -> str:
        return mask(obj.recipient)
