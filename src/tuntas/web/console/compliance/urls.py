"""Console URLs of compliance: included into the console namespace; names start with "compliance_"."""

from django.urls import path

from tuntas.web.console.compliance import views as v

urlpatterns = [
    path("kepatuhan/", v.rounds, name="compliance_rounds"),
    path("kepatuhan/putaran/baru/", v.round_create, name="compliance_round_create"),
    path("kepatuhan/putaran/<int:round_id>/", v.round_detail, name="compliance_round"),
    path("kepatuhan/penilaian/<int:assessment_id>/", v.assessment, name="compliance_assessment"),
    path("kepatuhan/penilaian/<int:assessment_id>/jawab/<slug:code>/", v.answer, name="compliance_answer"),
    path(
        "kepatuhan/penilaian/<int:assessment_id>/nilai/<slug:code>/",
        v.review_answer,
        name="compliance_review",
    ),
    path(
        "kepatuhan/penilaian/<int:assessment_id>/bukti/<slug:code>/",
        v.evidence_add,
        name="compliance_evidence_add",
    ),
    path("kepatuhan/penilaian/<int:assessment_id>/ajukan/", v.submit, name="compliance_submit"),
    path("kepatuhan/penilaian/<int:assessment_id>/kembalikan/", v.return_, name="compliance_return"),
    path(
        "kepatuhan/penilaian/<int:assessment_id>/selesai/", v.mark_reviewed, name="compliance_mark_reviewed"
    ),
    path("kepatuhan/penilaian/<int:assessment_id>/final/", v.finalise, name="compliance_finalise"),
    path("kepatuhan/bukti/<int:evidence_id>/", v.evidence, name="compliance_evidence"),
]
