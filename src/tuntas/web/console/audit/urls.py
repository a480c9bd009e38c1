"""Console URL of the audit log."""

from django.urls import path

from tuntas.web.console.audit import views as v

urlpatterns = [
    path("audit/", v.audit_log, name="audit"),
]
