from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "tuntas.web"
    label = "web"
    verbose_name = _("Portal dan konsol")

    def ready(self) -> None:
        from django.contrib import admin

        # The admin is headed with our name, in the viewer's language (Django's default is "Django
        # administration", which reads as a developer tool to a government clerk).
        admin.site.site_header = _("Administrasi Tuntas")
        admin.site.site_title = _("Administrasi Tuntas")
        admin.site.index_title = _("Data dan pengaturan")
