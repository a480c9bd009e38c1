"""Console URLs of compliance: included into the console namespace; names start with "compliance_"."""

urlpatterns = []
