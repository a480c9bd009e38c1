"""Console URL of the message deliveries page."""

from django.urls import path

from tuntas.web.console.deliveries import views as v

urlpatterns = [
    path("pengiriman/", v.deliveries, name="deliveries"),
]
