"""Console URLs of service standards: included into the console namespace; names start with "standards"."""

from django.urls import path

from tuntas.web.console.standards import views as v

urlpatterns = [
    path("standar/", v.index, name="standards"),
    path("standar/layanan/baru/", v.service_create, name="standards_service_create"),
    path("standar/layanan/<int:service_id>/", v.service, name="standards_service"),
    path("standar/layanan/<int:service_id>/draf-baru/", v.draft_new, name="standards_draft_new"),
    path("standar/versi/<int:standard_id>/", v.version, name="standards_version"),
    path("standar/versi/<int:standard_id>/konsultasi/", v.open_consultation, name="standards_consultation"),
    path("standar/versi/<int:standard_id>/terbitkan/", v.publish, name="standards_publish"),
    path("standar/masukan/<int:comment_id>/sembunyikan/", v.comment_hide, name="standards_comment_hide"),
]
