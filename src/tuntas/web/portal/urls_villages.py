"""Portal URLs of villages: included into the portal namespace; names start with "village_"."""

urlpatterns = []
