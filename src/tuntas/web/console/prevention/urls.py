"""Console URL of the prevention hub."""

from django.urls import path

from tuntas.web.console.prevention import views as v

urlpatterns = [
    path("pencegahan/", v.prevention, name="prevention"),
]
