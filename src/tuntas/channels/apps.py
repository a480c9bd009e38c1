from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "tuntas.channels"
    label = "channels"
    verbose_name = _("Kanal pengaduan: email, WhatsApp dan SMS")
