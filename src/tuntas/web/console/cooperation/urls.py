"""Console URLs of cooperation: included into the console namespace; names start with "cooperation"."""

from django.urls import path

from tuntas.web.console.cooperation import views as v

urlpatterns = [
    path("kerja-sama/", v.index, name="cooperation"),
    path("kerja-sama/<int:agreement_id>/", v.agreement, name="cooperation_agreement"),
    path("kerja-sama/<int:agreement_id>/ubah/", v.agreement_edit, name="cooperation_agreement_edit"),
    path("kerja-sama/<int:agreement_id>/dokumen/", v.document, name="cooperation_document"),
    path("kerja-sama/<int:agreement_id>/pelatihan/", v.trainings, name="cooperation_trainings"),
    path("kerja-sama/<int:agreement_id>/dampak/", v.report, name="cooperation_report"),
    path("kerja-sama/bidang/<int:area_id>/", v.area, name="cooperation_area"),
    path("kerja-sama/kegiatan/<int:activity_id>/", v.activity, name="cooperation_activity"),
    path("kerja-sama/kegiatan/<int:activity_id>/kemajuan/", v.progress, name="cooperation_progress"),
    path("kerja-sama/pelatihan/<int:training_id>/", v.training, name="cooperation_training"),
    path("kerja-sama/pelatihan/<int:training_id>/peserta/", v.participants, name="cooperation_participants"),
    path("kerja-sama/pelatihan/<int:training_id>/presensi/", v.attendance, name="cooperation_attendance"),
    path("kerja-sama/pelatihan/<int:training_id>/materi/", v.materials, name="cooperation_materials"),
    path("kerja-sama/berkas/<int:upload_id>/", v.upload, name="cooperation_upload"),
]
