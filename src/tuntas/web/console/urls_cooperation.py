"""Console URLs of cooperation: included into the console namespace; names start with "cooperation_"."""

urlpatterns = []
