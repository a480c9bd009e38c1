"""Console URL of the inbox."""

from django.urls import path

from tuntas.web.console.inbox import views as v

urlpatterns = [
    path("", v.inbox, name="inbox"),
]
