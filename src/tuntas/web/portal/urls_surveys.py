"""Portal URLs of surveys: included into the portal namespace; names start with "survey_"."""

from django.urls import path

from tuntas.web.portal import views_surveys as v

# The fixed words (hasil, terima-kasih) come before the organisation slug patterns that would match them.
urlpatterns = [
    path("survei/hasil/", v.survey_results, name="survey_results"),
    path("survei/hasil/<slug:org_slug>/", v.survey_results_org, name="survey_results_org"),
    path(
        "survei/hasil/<slug:org_slug>/<slug:service_slug>/",
        v.survey_results_service,
        name="survey_results_service",
    ),
    path("survei/terima-kasih/", v.survey_thanks, name="survey_thanks"),
    path("survei/<slug:org_slug>/", v.survey_form, name="survey_form_org"),
    path("survei/<slug:org_slug>/qr.svg", v.survey_qr, name="survey_qr_org"),
    path("survei/<slug:org_slug>/poster/", v.survey_poster, name="survey_poster_org"),
    path("survei/<slug:org_slug>/<slug:service_slug>/", v.survey_form, name="survey_form"),
    path("survei/<slug:org_slug>/<slug:service_slug>/qr.svg", v.survey_qr, name="survey_qr"),
    path("survei/<slug:org_slug>/<slug:service_slug>/poster/", v.survey_poster, name="survey_poster"),
]
