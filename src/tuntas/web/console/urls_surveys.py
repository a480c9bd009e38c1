"""Console URLs of surveys: included into the console namespace; names start with "survey_"."""

urlpatterns = []
