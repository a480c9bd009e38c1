"""The shipped questionnaire, elements and grade bands, loaded from YAML by the data migration."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from tuntas.surveys import catalogue
from tuntas.surveys.models import Element, GradeBand, Questionnaire


def test_nine_elements_of_permenpanrb_14_2017_in_order():
    assert list(Element.objects.values_list("code", "name")) == [
        ("U1", "Persyaratan"),
        ("U2", "Sistem, mekanisme dan prosedur"),
        ("U3", "Waktu penyelesaian"),
        ("U4", "Biaya/tarif"),
        ("U5", "Produk spesifikasi jenis pelayanan"),
        ("U6", "Kompetensi pelaksana"),
        ("U7", "Perilaku pelaksana"),
        ("U8", "Penanganan pengaduan, saran dan masukan"),
        ("U9", "Sarana dan prasarana"),
    ]


def test_questionnaire_asks_each_element_with_four_answers_in_two_languages():
    questionnaire = Questionnaire.objects.get(slug=catalogue.QUESTIONNAIRE_SLUG, version=1)
    questions = list(questionnaire.questions.select_related("element"))
    assert [q.element.code for q in questions] == [f"U{n}" for n in range(1, 10)]
    for q in questions:
        assert len(q.labels) == 4 and len(q.labels_en) == 4 and q.text_en
    assert questions[0].labels == ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
    assert set(questionnaire.profile) == {"jenis_kelamin", "usia", "pendidikan", "pekerjaan"}


def test_grade_bands():
    assert list(GradeBand.objects.values_list("code", "label", "low", "high")) == [
        ("A", "Sangat Baik", Decimal("88.31"), Decimal("100.00")),
        ("B", "Baik", Decimal("76.61"), Decimal("88.30")),
        ("C", "Kurang Baik", Decimal("65.00"), Decimal("76.60")),
        ("D", "Tidak Baik", Decimal("25.00"), Decimal("64.99")),
    ]


def test_loading_again_keeps_edits_to_a_questionnaire_in_use():
    q = Questionnaire.objects.get(version=1).questions.first()
    q.text = "Diubah di admin"
    q.save()
    catalogue.load_catalogue(Element, GradeBand, Questionnaire, type(q))
    q.refresh_from_db()
    assert q.text == "Diubah di admin"
    assert Questionnaire.objects.count() == 1


def test_a_questionnaire_missing_an_element_is_refused(tmp_path):
    data = yaml.safe_load(catalogue.CATALOGUE.read_text(encoding="utf-8"))
    data["questionnaires"][0]["questions"].pop()
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="must ask each element once"):
        catalogue.read_catalogue(path)
