from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "tuntas.triage"
    label = "triage"
    verbose_name = _("Triase: normalisasi teks dan saran disposisi")

    def ready(self) -> None:
        from tuntas.complaints.hooks import register_complaint_changed  # noqa: PLC0415
        from tuntas.triage.search import index_complaint  # noqa: PLC0415

        register_complaint_changed(index_complaint)
