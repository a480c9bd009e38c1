"""Console URLs of the inbox."""

from django.urls import path

from tuntas.web.console.inbox import bulk
from tuntas.web.console.inbox import views as v

urlpatterns = [
    path("", v.inbox, name="inbox"),
    path("tugaskan/", bulk.assign, name="inbox_assign"),
]
