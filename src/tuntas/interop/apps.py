from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "tuntas.interop"
    label = "interop"
    verbose_name = _("Interoperabilitas: SP4N-LAPOR!, Open311, webhook, impor")

    def ready(self) -> None:
        from tuntas.complaints.hooks import register_event_added
        from tuntas.interop.services_webhooks import event_added, signing_secret
        from tuntas.notify.channels import register_webhook_signer

        register_event_added(event_added)
        register_webhook_signer(signing_secret)
