from django.apps import AppConfig


class StandardsConfig(AppConfig):
    name = "tuntas.standards"
    label = "standards"
