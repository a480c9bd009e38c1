from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "tuntas.notify"
    label = "notify"
