"""Portal URLs of villages: included into the portal namespace; names start with "village_"."""

from django.urls import path

from tuntas.web.portal import views_villages as v

urlpatterns = [
    path("desa-anti-maladministrasi/", v.programmes, name="village_programmes"),
    path("desa-anti-maladministrasi/<slug:slug>/", v.programme, name="village_programme"),
    path(
        "desa-anti-maladministrasi/<slug:slug>/<slug:village_slug>/sertifikat.pdf",
        v.certificate,
        name="village_certificate",
    ),
]
