from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "tuntas.web"
    label = "web"
