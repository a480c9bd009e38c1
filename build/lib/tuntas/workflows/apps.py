from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "tuntas.workflows"
    label = "workflows"
