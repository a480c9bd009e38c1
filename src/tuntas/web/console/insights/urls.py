"""Console URLs of the statistics dashboard."""

from django.urls import path

from tuntas.web.console.insights import views as v

urlpatterns = [
    path("statistik/", v.dashboard, name="statistics"),
]
