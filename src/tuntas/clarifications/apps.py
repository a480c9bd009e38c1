from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClarificationsConfig(AppConfig):
    name = "tuntas.clarifications"
    label = "clarifications"
    verbose_name = _("Permintaan klarifikasi")
