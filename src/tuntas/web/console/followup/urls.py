"""Console URLs of follow-up records: included into the console namespace; names start with "followup_"."""

from django.urls import path

from tuntas.web.console.followup import views as v

urlpatterns = [
    path("tindak-lanjut/", v.followup_list, name="followup_list"),
    path("tindak-lanjut/baru/", v.followup_new, name="followup_new"),
    path("tindak-lanjut/produk-ombudsman/", v.followup_products, name="followup_products"),
    path("tindak-lanjut/tingkat/", v.followup_rates, name="followup_rates"),
    path("tindak-lanjut/<int:recommendation_id>/", v.followup_detail, name="followup_detail"),
    path("tindak-lanjut/<int:recommendation_id>/jawab/", v.followup_respond, name="followup_respond"),
    path("tindak-lanjut/<int:recommendation_id>/nilai/", v.followup_review, name="followup_review"),
    path("tindak-lanjut/bukti/<int:evidence_id>/", v.followup_evidence, name="followup_evidence"),
]
