"""Console URLs of villages: included into the console namespace; names start with "village_"."""

from django.urls import path

from tuntas.web.console.villages import views as v

urlpatterns = [
    path("dam/", v.index, name="village_index"),
    path("dam/program/<int:programme_id>/", v.dashboard, name="village_dashboard"),
    path("dam/program/<int:programme_id>/putaran/", v.round_open, name="village_round_open"),
    path("dam/putaran/<int:round_id>/tutup/", v.round_close, name="village_round_close"),
    path("dam/desa/<int:participation_id>/", v.participation, name="village_participation"),
    path("dam/desa/<int:participation_id>/komitmen/", v.commit, name="village_commit"),
    path("dam/desa/<int:participation_id>/mulai/", v.start, name="village_start"),
    path("dam/penilaian/<int:assessment_id>/jawaban/", v.answers, name="village_answers"),
    path("dam/penilaian/<int:assessment_id>/ajukan/", v.submit, name="village_submit"),
    path("dam/penilaian/<int:assessment_id>/verifikasi/<int:level>/", v.verify, name="village_verify"),
    path("dam/penilaian/<int:assessment_id>/tetapkan/", v.designate, name="village_designate"),
    path("dam/bukti/<int:evidence_id>/", v.evidence, name="village_evidence"),
]
