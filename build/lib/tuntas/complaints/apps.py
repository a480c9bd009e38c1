from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "tuntas.complaints"
    label = "complaints"
