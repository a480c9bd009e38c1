from django.contrib import admin, messages
from django.utils.translation import gettext as _

from tuntas.interop.models import Open311Client
from tuntas.interop.services import key_hash, open311_client_create


@admin.register(Open311Client)
class Open311ClientAdmin(admin.ModelAdmin):
    list_display = ("name", "key_prefix", "is_active", "created_at", "last_used_at")
    fields = ("name", "is_active")
    readonly_fields = ()

    def save_model(self, request, obj, form, change):  # noqa: ANN001, ANN201
        if change:
            obj.save()
            return
        client, key = open311_client_create(name=obj.name)
        obj.pk, obj.key_hash, obj.key_prefix, obj.created_at = (
            client.pk,
            key_hash(key),
            client.key_prefix,
            client.created_at,
        )
        messages.warning(request, _("Kunci API (hanya ditampilkan sekali): %(key)s") % {"key": key})
