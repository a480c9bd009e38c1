from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "tuntas.channels"
    label = "channels"
    verbose_name = _("Kanal pengaduan: email, WhatsApp dan SMS")

    def ready(self) -> None:
        from tuntas.channels.services import reply_address  # noqa: PLC0415
        from tuntas.complaints.hooks import register_reporter_reply_to  # noqa: PLC0415

        # '' while no TUNTAS_MAILBOX_ADDRESS is set: the reporter's mail then has no Reply-To.
        register_reporter_reply_to(reply_address)
