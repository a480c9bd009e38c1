from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "tuntas.sla"
    label = "sla"
