"""Portal URLs of compliance: included into the portal namespace; names start with "compliance_"."""

urlpatterns = []
