"""Portal URLs of compliance: included into the portal namespace; names start with "compliance_"."""

from django.urls import path

from tuntas.web.portal import views_compliance

urlpatterns = [
    path("hasil-kepatuhan/", views_compliance.results, name="compliance_results"),
]
