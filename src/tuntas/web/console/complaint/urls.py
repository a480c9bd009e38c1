"""Console URLs of one complaint: its page, the identity block, attachments and the handling actions."""

from django.urls import path

from tuntas.web.console.complaint import handling, preview, views

urlpatterns = [
    path("pengaduan/<int:complaint_id>/", views.complaint, name="complaint"),
    path("pengaduan/<int:complaint_id>/identitas/", views.identity, name="identity"),
    path("lampiran/<int:attachment_id>/", views.attachment, name="attachment"),
    path(
        "penanganan/<int:handling_id>/aksi/<slug:transition>/",
        handling.transition,
        name="transition",
    ),
    path(
        "penanganan/<int:handling_id>/pratinjau/<slug:transition>/",
        preview.transfer_preview,
        name="transfer_preview",
    ),
    path("penanganan/<int:handling_id>/tugaskan/", handling.assign, name="assign"),
    path("penanganan/<int:handling_id>/ambil/", handling.take, name="take"),
    path("penanganan/<int:handling_id>/catatan/", handling.note, name="note"),
    path("penanganan/<int:handling_id>/balas/", handling.reply, name="reply"),
]
