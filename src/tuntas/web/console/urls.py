from django.urls import include, path

from tuntas.web.console import (
    views_auth,
    views_complaint,
    views_deliveries,
    views_handling,
    views_hub,
    views_inbox,
    views_oversight,
    views_preview,
    views_profile,
    views_standards,
)

app_name = "console"
urlpatterns = [
    path("masuk/", views_auth.LoginView.as_view(), name="login"),
    path("keluar/", views_auth.LogoutView.as_view(), name="logout"),
    path("", views_inbox.inbox, name="inbox"),
    path("pengaduan/<int:complaint_id>/", views_complaint.complaint, name="complaint"),
    path("pengaduan/<int:complaint_id>/identitas/", views_complaint.identity, name="identity"),
    path("lampiran/<int:attachment_id>/", views_complaint.attachment, name="attachment"),
    path(
        "penanganan/<int:handling_id>/aksi/<slug:transition>/",
        views_handling.transition,
        name="transition",
    ),
    path(
        "penanganan/<int:handling_id>/pratinjau/<slug:transition>/",
        views_preview.transfer_preview,
        name="transfer_preview",
    ),
    path("penanganan/<int:handling_id>/tugaskan/", views_handling.assign, name="assign"),
    path("penanganan/<int:handling_id>/ambil/", views_handling.take, name="take"),
    path("penanganan/<int:handling_id>/catatan/", views_handling.note, name="note"),
    path("penanganan/<int:handling_id>/balas/", views_handling.reply, name="reply"),
    path("standar/", views_standards.index, name="standards"),
    path("standar/layanan/baru/", views_standards.service_create, name="standards_service_create"),
    path("standar/layanan/<int:service_id>/", views_standards.service, name="standards_service"),
    path(
        "standar/layanan/<int:service_id>/draf-baru/", views_standards.draft_new, name="standards_draft_new"
    ),
    path("standar/versi/<int:standard_id>/", views_standards.version, name="standards_version"),
    path(
        "standar/versi/<int:standard_id>/konsultasi/",
        views_standards.open_consultation,
        name="standards_consultation",
    ),
    path("standar/versi/<int:standard_id>/terbitkan/", views_standards.publish, name="standards_publish"),
    path(
        "standar/masukan/<int:comment_id>/sembunyikan/",
        views_standards.comment_hide,
        name="standards_comment_hide",
    ),
    path("pengiriman/", views_deliveries.deliveries, name="deliveries"),
    path("pencegahan/", views_hub.prevention, name="prevention"),
    path("pengawasan/", views_oversight.oversight, name="oversight"),
    path("penanganan/<int:handling_id>/ambil-alih/", views_oversight.take_over, name="take_over"),
    path("profil/", views_profile.profiles, name="profiles"),
    path("profil/<int:organisation_id>/", views_profile.profile, name="profile"),
    # Each prevention/coordination app owns its own URL module, included at the root of this namespace.
    path("", include("tuntas.web.console.urls_clarifications")),
    path("", include("tuntas.web.console.urls_surveys")),
    path("", include("tuntas.web.console.urls_compliance")),
    path("", include("tuntas.web.console.urls_villages")),
    path("", include("tuntas.web.console.urls_cooperation")),
]
