from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "tuntas.api"
    label = "api"
