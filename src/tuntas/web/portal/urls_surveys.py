"""Portal URLs of surveys: included into the portal namespace; names start with "survey_"."""

urlpatterns = []
