from django.urls import include, path

from tuntas.web.portal import (
    views,
    views_escalate,
    views_standards,
    views_statistics,
    views_track,
    views_units,
)

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("lapor/", views.submit, name="submit"),
    path("lapor/terkirim/", views.submitted, name="submitted"),
    path("wilayah/<str:kecamatan_code>/desa/", views.region_children, name="region_children"),
    path("lacak/", views_track.track, name="track"),
    path("lacak/<str:tracking_code>/", views_track.detail, name="track_detail"),
    path("lacak/<str:tracking_code>/balas/", views_track.reply, name="track_reply"),
    path("lacak/<str:tracking_code>/terima/", views_track.accept, name="track_accept"),
    path("lacak/<str:tracking_code>/nilai/", views_track.rate, name="track_rate"),
    path("lacak/<str:tracking_code>/cabut/", views_track.withdraw, name="track_withdraw"),
    path("lacak/<str:tracking_code>/ajukan/", views_escalate.escalate, name="track_escalate"),
    path("lacak/<str:tracking_code>/lampiran/<int:pk>/", views_track.attachment, name="track_attachment"),
    path("lacak/<str:tracking_code>/keluar/", views_track.forget, name="track_forget"),
    path("standar-pelayanan/", views_standards.standards_list, name="standards"),
    path(
        "standar-pelayanan/<slug:org_slug>/<slug:service_slug>/",
        views_standards.standard_detail,
        name="standard_detail",
    ),
    path(
        "standar-pelayanan/<slug:org_slug>/<slug:service_slug>/poster.pdf",
        views_standards.standard_poster,
        name="standard_poster",
    ),
    path(
        "standar-pelayanan/<slug:org_slug>/<slug:service_slug>/konsultasi/",
        views_standards.consultation,
        name="standard_consultation",
    ),
    path("unit/", views_units.unit_list, name="units"),
    path("unit/<slug:slug>/", views_units.unit_detail, name="unit_detail"),
    path("statistik/", views_statistics.statistics, name="statistics"),
    # Open data: stable URLs for harvesters (CKAN, Satu Data Indonesia); described in docs/open-data.md.
    path("data/", views_statistics.open_data, name="open_data"),
    path("data/pengaduan-agregat.<str:fmt>", views_statistics.aggregate_data, name="data_agregat"),
    path("data/pengaduan-publik.<str:fmt>", views_statistics.public_complaints_data, name="data_publik"),
    # Each prevention/coordination app owns its own URL module, included at the root of this namespace.
    path("", include("tuntas.web.portal.urls_clarifications")),
    path("", include("tuntas.web.portal.urls_surveys")),
    path("", include("tuntas.web.portal.urls_compliance")),
    path("", include("tuntas.web.portal.urls_villages")),
    path("", include("tuntas.web.portal.urls_cooperation")),
]
