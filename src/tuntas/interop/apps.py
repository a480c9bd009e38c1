from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "tuntas.interop"
    label = "interop"
    verbose_name = _("Interoperabilitas: SP4N-LAPOR!, Open311, webhook, impor")
