from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running a deployment: health and readiness, worker heartbeat, doctor, metrics, logs, error reports."""

    name = "tuntas.ops"
    label = "ops"
    verbose_name = _("Operasional")

    def ready(self) -> None:
        from huey.contrib.djhuey import HUEY

        from tuntas.ops import joblog, startup

        joblog.connect(HUEY)
        startup.warn_at_start()
