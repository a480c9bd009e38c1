"""Console URLs of surveys: included into the console namespace; names start with "survey_"."""

from django.urls import path

from tuntas.web.console.surveys import views as v

urlpatterns = [
    path("survei/", v.index, name="survey_index"),
    path("survei/baru/", v.survey_open, name="survey_open"),
    path("survei/<int:survey_id>/", v.survey_detail, name="survey_detail"),
    path("survei/<int:survey_id>/tutup/", v.survey_close, name="survey_close"),
    path("survei/unit/<int:organisation_id>/", v.organisation_results, name="survey_organisation"),
]
