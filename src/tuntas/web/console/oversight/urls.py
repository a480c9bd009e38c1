"""Console URLs of the inspectorate's oversight page and its take-over action."""

from django.urls import path

from tuntas.web.console.oversight import views as v

urlpatterns = [
    path("pengawasan/", v.oversight, name="oversight"),
    path("penanganan/<int:handling_id>/ambil-alih/", v.take_over, name="take_over"),
]
