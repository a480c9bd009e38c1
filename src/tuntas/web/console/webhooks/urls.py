"""Console URLs of an organisation's webhook subscriptions."""

from django.urls import path

from tuntas.web.console.webhooks import views as v

urlpatterns = [
    path("webhook/", v.webhook_list, name="webhooks"),
    path("webhook/<int:subscription_id>/", v.webhook_detail, name="webhook"),
]
