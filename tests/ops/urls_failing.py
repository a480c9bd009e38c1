"""A URL configuration with a view that fails, for the server error page."""

from django.urls import path

from tuntas.urls import handler404  # noqa: F401 - handler404 is read from this module
from tuntas.urls import urlpatterns as base


def boom(request):  # noqa: ANN001, ANN201
    raise RuntimeError("pelapor sentinel.boom@contoh.id gagal")


handler500 = "tuntas.ops.views.server_error"
urlpatterns = [path("boom/", boom), *base]
