"""Console URLs of villages: included into the console namespace; names start with "village_"."""

urlpatterns = []
