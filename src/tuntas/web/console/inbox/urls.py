"""Console URLs of the inbox, its downloads and its bulk reassignment."""

from django.urls import path

from tuntas.web.console.inbox import bulk, export
from tuntas.web.console.inbox import views as v

urlpatterns = [
    path("", v.inbox, name="inbox"),
    path("tugaskan/", bulk.assign, name="inbox_assign"),
    path("kotak-masuk/ekspor.csv", export.inbox_csv, name="inbox_export_csv"),
    path("kotak-masuk/ekspor.xlsx", export.inbox_xlsx, name="inbox_export_xlsx"),
]
