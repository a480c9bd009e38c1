"""Portal URLs of cooperation: included into the portal namespace; names start with "cooperation_"."""

urlpatterns = []
