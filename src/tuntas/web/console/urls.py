from django.urls import path

from tuntas.web.console import views_auth, views_complaint, views_handling, views_inbox

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
    path("penanganan/<int:handling_id>/tugaskan/", views_handling.assign, name="assign"),
    path("penanganan/<int:handling_id>/ambil/", views_handling.take, name="take"),
    path("penanganan/<int:handling_id>/catatan/", views_handling.note, name="note"),
    path("penanganan/<int:handling_id>/balas/", views_handling.reply, name="reply"),
]
