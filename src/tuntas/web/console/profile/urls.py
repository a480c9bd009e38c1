"""Console URLs of the units' public profiles."""

from django.urls import path

from tuntas.web.console.profile import views as v

urlpatterns = [
    path("profil/", v.profiles, name="profiles"),
    path("profil/<int:organisation_id>/", v.profile, name="profile"),
]
