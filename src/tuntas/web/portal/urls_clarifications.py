"""Portal URLs of clarifications: included into the portal namespace; names start with "clarification_"."""

urlpatterns = []
