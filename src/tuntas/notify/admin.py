"""Admin for the outbox: read-only, to see what was queued and how delivery went.

The recipient is a reporter's email or phone, i.e. part of their identity; it is shown masked here, because
admin access is not the role-checked, logged identity view of the console.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.template import TemplateSyntaxError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tuntas.core import clock as time
from tuntas.core.admin_readonly import ReadOnlyAdmin, ReadOnlyInline
from tuntas.notify.masking import mask
from tuntas.notify.message_templates import preview
from tuntas.notify.models import DeliveryAttempt, DigestRun, MessageTemplate, OutboxMessage


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


class MessageTemplateForm(forms.ModelForm):
    """Refuses a subject or body that does not compile as a Django template, showing the error; a template
    that renders with the sample values is shown as a preview after saving."""

    class Meta:
        model = MessageTemplate
        fields = ("key", "language", "subject", "body", "is_active")
        widgets = {
            "subject": forms.TextInput(attrs={"size": 90}),
            "body": forms.Textarea(attrs={"rows": 16, "cols": 90}),
        }

    def clean(self) -> dict:
        data = super().clean()
        subject, body = data.get("subject"), data.get("body")
        if subject is None or body is None:
            return data
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError(_("Subjek harus satu baris."))
        try:
            preview(subject, body, language=data.get("language") or "id")
        except TemplateSyntaxError as exc:
            raise forms.ValidationError(
                _("Templat tidak dapat dikompilasi: %(error)s"), params={"error": exc}, code="template"
            ) from exc
        except Exception as exc:  # a filter failing on the sample values: still broken for real messages
            raise forms.ValidationError(
                _("Templat gagal dirender: %(error)s"), params={"error": exc}, code="template"
            ) from exc
        return data


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    form = MessageTemplateForm
    list_display = ("key", "language", "subject", "is_active", "customised", "updated_at", "updated_by")
    list_filter = ("language", "is_active", "customised")
    search_fields = ("key", "subject")
    readonly_fields = ("customised", "updated_at", "updated_by", "rendered_preview")
    fields = ("key", "language", "subject", "body", "is_active", *readonly_fields)

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        # The key and language name a message the code sends: fixed once the row exists.
        return ("key", "language", *self.readonly_fields) if obj else self.readonly_fields

    @admin.display(description=_("pratinjau (contoh data)"))
    def rendered_preview(self, obj: MessageTemplate) -> str:
        if obj.pk is None:
            return "-"
        try:
            text = preview(obj.subject, obj.body, language=obj.language)
        except Exception as exc:  # shown, not raised: the page must open to fix the row
            text = str(exc)
        return format_html("<pre>{}</pre>", text)

    def save_model(self, request, obj: MessageTemplate, form, change) -> None:  # noqa: ANN001
        obj.customised = True
        obj.updated_at = time.now()
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(DigestRun)
class DigestRunAdmin(ReadOnlyAdmin):
    list_display = ("date", "organisation", "messages", "created_at")
    list_select_related = ("organisation",)
    date_hierarchy = "date"
