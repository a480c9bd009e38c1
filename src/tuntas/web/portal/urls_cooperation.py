"""Portal URLs of cooperation: included into the portal namespace; names start with "cooperation"."""

from django.urls import path

from tuntas.web.portal import views_cooperation

urlpatterns = [
    path("kerja-sama/", views_cooperation.cooperation, name="cooperation"),
]
