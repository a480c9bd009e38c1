"""Console URLs of clarifications: included into the console namespace; names start with "clarification_"."""

from django.urls import path

from tuntas.web.console.clarifications import views as v

urlpatterns = [
    path("klarifikasi/", v.request_list, name="clarification_list"),
    path("pengaduan/<int:complaint_id>/klarifikasi/baru/", v.request_create, name="clarification_create"),
    path("klarifikasi/<int:request_id>/", v.request_detail, name="clarification_detail"),
    path("klarifikasi/<int:request_id>/teruskan/", v.request_route, name="clarification_route"),
    path("klarifikasi/penerusan/<int:routing_id>/jawab/", v.routing_answer, name="clarification_answer"),
    path("klarifikasi/<int:request_id>/balas/", v.request_reply, name="clarification_reply"),
    path("klarifikasi/<int:request_id>/terima/", v.request_accept, name="clarification_accept"),
    path("klarifikasi/<int:request_id>/kembalikan/", v.request_return, name="clarification_return"),
    path("klarifikasi/<int:request_id>/tarik/", v.request_withdraw, name="clarification_withdraw"),
    path("klarifikasi/dokumen/<int:document_id>/", v.document, name="clarification_document"),
    path(
        "klarifikasi/<int:request_id>/lampiran/<int:attachment_id>/",
        v.complaint_attachment,
        name="clarification_attachment",
    ),
]
