from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "tuntas.directory"
    label = "directory"
