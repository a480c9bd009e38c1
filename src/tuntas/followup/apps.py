from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "tuntas.followup"
    label = "followup"
    verbose_name = _("Tindak lanjut temuan: LHP, rekomendasi dan produk Ombudsman")
