from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_templates(sender, using: str = "default", **kwargs) -> None:  # noqa: ANN001
    """After every migrate (``make run`` migrates first): copy new shipped message templates into rows."""
    from django.db import connections

    from tuntas.notify.message_templates import sync_message_templates
    from tuntas.notify.models import MessageTemplate

    # Migrating backwards or to an earlier state may leave the table absent: nothing to sync into then.
    if MessageTemplate._meta.db_table not in connections[using].introspection.table_names():
        return
    sync_message_templates(using=using)


class NotifyConfig(AppConfig):
    name = "tuntas.notify"
    label = "notify"
    verbose_name = _("Notifikasi")

    def ready(self) -> None:
        post_migrate.connect(_sync_templates, sender=self, dispatch_uid="tuntas.notify.sync_templates")
