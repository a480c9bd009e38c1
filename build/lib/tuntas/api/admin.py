from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tuntas.api.models import ApiToken
from tuntas.api.tokens import token_generate, token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued here or with ``manage.py create_api_token``; the token is shown once, only its hash
    is kept, and a token is revoked rather than edited."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    raw_id_fields = ["user"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        if obj is not None:  # an issued token cannot be moved to another user
            return [*self.readonly_fields, "user"]
        return self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        if obj is None:
            return ["user", "name"]
        return ["user", "name", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:  # noqa: ANN001
        raw = None
        if not change:
            raw, obj.prefix, obj.key_hash = token_generate()
        super().save_model(request, obj, form, change)
        if raw is not None:
            messages.warning(
                request,
                _("Salin token ini sekarang; token tidak akan ditampilkan lagi: %(token)s") % {"token": raw},
            )

    @admin.action(description=_("Cabut token terpilih"))
    def revoke(self, request: HttpRequest, queryset) -> None:  # noqa: ANN001
        for token in queryset:
            token_revoke(token=token)
        self.message_user(request, _("Token dicabut."), messages.SUCCESS)
