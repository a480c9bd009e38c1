from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuntas.audit.models import AuditEntry, AuthenticatorDevice


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "action", "actor_name", "organisation", "target", "ip")
    list_filter = ("action",)
    search_fields = ("actor_name", "target")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:  # noqa: ANN001, ARG002
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001, ARG002
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001, ARG002
        return False


if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)  # django-otp's own page: English only, and it can show the secret's QR


@admin.register(AuthenticatorDevice)
class AuthenticatorDeviceAdmin(admin.ModelAdmin):
    """Seen and deleted, never made or edited here: the owner sets one up in the console."""

    list_display = ("owner", "state", "last_used")
    fields = ("owner", "state", "last_used")
    readonly_fields = ("owner", "state", "last_used")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    list_select_related = ("user",)

    @admin.display(description=_("pemilik"))
    def owner(self, obj: AuthenticatorDevice) -> str:
        return f"{obj.user.get_full_name() or obj.user.get_username()} ({obj.user.get_username()})"

    @admin.display(description=_("keadaan"))
    def state(self, obj: AuthenticatorDevice) -> str:
        return str(_("aktif")) if obj.confirmed else str(_("belum selesai dipasang"))

    @admin.display(description=_("terakhir dipakai"))
    def last_used(self, obj: AuthenticatorDevice) -> object:
        return obj.last_used_at or "—"

    def has_add_permission(self, request) -> bool:  # noqa: ANN001, ARG002
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001, ARG002
        return False
