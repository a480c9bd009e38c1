"""The site's URLs plus views that fail, under the portal, the console and /api/, for the server error pages."""

from django.urls import path

from tuntas.urls import handler400, handler403, handler404, handler500  # noqa: F401 - read from this module
from tuntas.urls import urlpatterns as base


def boom(request):  # noqa: ANN001, ANN201
    raise RuntimeError("pelapor sentinel.boom@contoh.id gagal")


urlpatterns = [path("boom/", boom), path("console/boom/", boom), path("api/boom/", boom), *base]
