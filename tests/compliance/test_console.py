"""Console pages of compliance: rounds, the overview table, the instrument, htmx saving, review, results."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.compliance.conftest import TODAY, answer_all, png_bytes, review_all, worst_value
from tuntas.compliance import services
from tuntas.compliance.models import Answer, Assessment

HX = {"HTTP_HX_REQUEST": "true"}


def url(a: Assessment, suffix: str = "") -> str:
    return f"/console/kepatuhan/penilaian/{a.pk}/{suffix}"


def finalised(a: Assessment, directory, pick=worst_value) -> Assessment:  # noqa: ANN001
    answer_all(a, directory.petugas_pupr)
    services.assessment_submit(actor=directory.petugas_pupr, assessment_id=a.pk)
    review_all(a, directory.auditor, pick=pick)
    services.assessment_mark_reviewed(actor=directory.auditor, assessment_id=a.pk)
    return services.assessment_finalise(actor=directory.auditor, assessment_id=a.pk)


def test_rounds_page_lists_the_units_assessment(login, directory, pupr_assessment):
    html = login(directory.petugas_pupr).get("/console/kepatuhan/").content.decode()
    assert "Penilaian kepatuhan 2026" in html and url(pupr_assessment) in html


def test_rounds_page_offers_a_new_round_to_managers_only(login, directory):
    assert (
        "/console/kepatuhan/putaran/baru/"
        in login(directory.inspektur).get("/console/kepatuhan/").content.decode()
    )
    assert (
        "/console/kepatuhan/putaran/baru/"
        not in login(directory.petugas_pupr).get("/console/kepatuhan/").content.decode()
    )


def test_manager_opens_a_round_from_the_console(login, directory, frozen):
    from tests.compliance.conftest import scheme

    response = login(directory.inspektur).post(
        "/console/kepatuhan/putaran/baru/",
        {
            "scheme": scheme().pk,
            "name": "Penilaian kepatuhan OPD 2026",
            "year": 2026,
            "period": "",
            "reviewing_organisation": directory.inspektorat.pk,
            "opens_on": TODAY.isoformat(),
            "closes_on": "2026-04-30",
            "organisations": [directory.pupr.pk, directory.disdik.pk],
        },
    )
    assert response.status_code == 302
    assert Assessment.objects.filter(round__name="Penilaian kepatuhan OPD 2026").count() == 2


def test_instrument_groups_indicators_by_dimension(login, directory, pupr_assessment):
    html = login(directory.petugas_pupr).get(url(pupr_assessment)).content.decode()
    for name in ("Dimensi input", "Dimensi proses", "Dimensi output", "Dimensi pengaduan"):
        assert name in html
    assert html.count('class="cz-ind"') == 14 and 'name="files"' in html


def test_other_units_get_404(login, directory, pupr_assessment):
    assert login(directory.petugas_disdik).get(url(pupr_assessment)).status_code == 404


def test_htmx_saves_one_indicator_and_returns_its_fragment(login, directory, pupr_assessment, frozen):
    response = login(directory.petugas_pupr).post(
        url(pupr_assessment, "jawab/pr-maklumat/"), {"value": "ya", "note": "Dipajang di loket"}, **HX
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.strip().startswith(
        '<article class="cz-ind" id="ind-pr-maklumat"'
    )
    assert "Tersimpan." in html
    assert (
        Answer.objects.get(assessment=pupr_assessment, indicator="pr-maklumat").self_note
        == "Dipajang di loket"
    )


def test_htmx_shows_the_error_of_an_invalid_number(login, directory, pupr_assessment, frozen):
    response = login(directory.petugas_pupr).post(
        url(pupr_assessment, "jawab/out-persepsi/"), {"value": "250"}, **HX
    )
    assert response.status_code == 200 and "0 sampai 100" in response.content.decode()


def test_plain_post_saves_and_redirects_to_the_indicator(login, directory, pupr_assessment, frozen):
    response = login(directory.petugas_pupr).post(
        url(pupr_assessment, "jawab/pr-maklumat/"), {"value": "tidak"}
    )
    assert response.status_code == 302 and response["Location"].endswith("#ind-pr-maklumat")


def test_evidence_upload_and_download(login, directory, pupr_assessment, frozen):
    client = login(directory.petugas_pupr)
    upload = SimpleUploadedFile("maklumat.png", png_bytes(), content_type="image/png")
    assert client.post(url(pupr_assessment, "bukti/pr-maklumat/"), {"files": upload}).status_code == 302
    ev = Answer.objects.get(assessment=pupr_assessment, indicator="pr-maklumat").evidence.get()
    assert client.get(f"/console/kepatuhan/bukti/{ev.pk}/").status_code == 200
    assert login(directory.petugas_disdik).get(f"/console/kepatuhan/bukti/{ev.pk}/").status_code == 404


def test_invalid_evidence_shows_a_message(login, directory, pupr_assessment, frozen):
    client = login(directory.petugas_pupr)
    upload = SimpleUploadedFile("virus.png", b"not really a png", content_type="image/png")
    response = client.post(url(pupr_assessment, "bukti/pr-maklumat/"), {"files": upload}, follow=True)
    assert "bukan gambar" in response.content.decode()


def test_reviewer_sees_review_forms_but_no_self_forms(login, directory, submitted):
    html = login(directory.auditor).get(url(submitted)).content.decode()
    assert url(submitted, "nilai/pr-maklumat/") in html and url(submitted, "jawab/pr-maklumat/") not in html
    assert "Kembalikan" in html


def test_unit_does_not_see_reviewer_scores_before_the_review_is_done(login, directory, submitted):
    services.answer_review(
        actor=directory.auditor, assessment_id=submitted.pk, indicator="pr-maklumat", value="tidak"
    )
    html = login(directory.petugas_pupr).get(url(submitted)).content.decode()
    assert "Nilai penilai" not in html


def test_returned_assessment_shows_the_note_and_forms_again(login, directory, submitted):
    client = login(directory.auditor)
    client.post(url(submitted, "kembalikan/"), {"note": "Unggah foto maklumat yang jelas."})
    html = login(directory.petugas_pupr).get(url(submitted)).content.decode()
    assert "Unggah foto maklumat yang jelas." in html and url(submitted, "jawab/pr-maklumat/") in html


def test_result_page_shows_zone_badge_and_dimension_breakdown(login, directory, pupr_assessment):
    final = finalised(pupr_assessment, directory)
    html = login(directory.petugas_pupr).get(url(final)).content.decode()
    assert "cz-band cz-band--merah" in html and "Zona merah · Kualitas Terendah (E)" in html
    assert "Hasil akhir" in html and "Dimensi pengaduan" in html


def test_overview_lists_every_participant_for_the_reviewer(login, directory, round_, pupr_assessment):
    finalised(
        pupr_assessment,
        directory,
        pick=lambda ind: "100" if ind.answer == "number" else ind.choices()[0].code,
    )
    html = login(directory.auditor).get(f"/console/kepatuhan/putaran/{round_.pk}/").content.decode()
    assert "Dinas PUPR" in html and "Dinas Pendidikan" in html and "cz-band--hijau" in html


def test_overview_shows_a_unit_only_its_own_row(login, directory, round_):
    html = login(directory.petugas_pupr).get(f"/console/kepatuhan/putaran/{round_.pk}/").content.decode()
    assert "Dinas PUPR" in html and "Dinas Pendidikan" not in html


def test_round_of_others_is_404(login, directory, make_round):
    other = make_round(orgs=[directory.disdik])
    assert login(directory.petugas_pupr).get(f"/console/kepatuhan/putaran/{other.pk}/").status_code == 404


def test_assessment_page_query_count_does_not_grow_with_answers(
    login, directory, submitted, django_assert_max_num_queries
):
    client = login(directory.auditor)
    with django_assert_max_num_queries(40):
        assert client.get(url(submitted)).status_code == 200
