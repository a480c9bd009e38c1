from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "tuntas.audit"
    label = "audit"
    verbose_name = _("Log audit tindakan petugas")

    def ready(self) -> None:
        from tuntas.audit import receivers  # noqa: F401, PLC0415 - connects the signal receivers
