"""The demo loader: a year of responses for the Kotabaru demo services, grades spread from A to D."""

from __future__ import annotations

from tuntas.demo.standards import load_standards_demo
from tuntas.demo.surveys import load_surveys_demo
from tuntas.standards.models import Service
from tuntas.surveys.models import Response, Survey
from tuntas.surveys.selectors import ikm_for_service


def test_demo_gives_each_published_service_a_year_of_responses_once(db, client):
    load_standards_demo()
    first = load_surveys_demo()
    assert first["surveys"] == 4
    assert 250 <= first["responses"] == Response.objects.count() <= 400
    assert load_surveys_demo() == {"surveys": 0, "responses": 0}
    assert Survey.objects.count() == 4
    grades = {s.slug: ikm_for_service(s).grade_code for s in Service.objects.filter(surveys__isnull=False)}
    assert grades == {
        "penerbitan-ktp-el": "A",
        "penerbitan-kartu-keluarga": "B",
        "nib-usaha-mikro-kecil": "C",
        "surat-keterangan-domisili": "D",
    }
    html = client.get("/survei/hasil/").content.decode()
    assert "Penerbitan KTP-el" in html and "Pemerintah Desa Stagen" in html


def test_demo_is_deterministic(db):
    load_standards_demo()
    load_surveys_demo()
    values = sorted(Response.objects.values_list("survey__service__slug", "answers__value"))
    Response.objects.all().delete()
    Survey.objects.all().delete()
    load_surveys_demo()
    assert sorted(Response.objects.values_list("survey__service__slug", "answers__value")) == values
