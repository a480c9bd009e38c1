"""Console URLs of clarifications: included into the console namespace; names start with "clarification_"."""

urlpatterns = []
