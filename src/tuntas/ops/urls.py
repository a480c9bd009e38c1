from django.urls import path

from tuntas.ops.metrics import metrics_view

app_name = "ops"

urlpatterns = [
    path("metrics", metrics_view, name="metrics"),
]
