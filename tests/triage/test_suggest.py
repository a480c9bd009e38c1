import csv

import pytest
from django.core.management import call_command

from tuntas.triage.evaluate import evaluate, report
from tuntas.triage.suggest import suggest
from tuntas.triage.train import Example, train

TINY = [
    Example("jalan rusak berlubang parah", "dinas-pupr", "jalan-jembatan", "pengabaian_kewajiban_hukum"),
    Example(
        "jembatan kayu lapuk dan jalan longsor", "dinas-pupr", "jalan-jembatan", "pengabaian_kewajiban_hukum"
    ),
    Example("aspal jalan mengelupas belum diperbaiki", "dinas-pupr", "jalan-jembatan", "penundaan_berlarut"),
    Example("air pdam tidak mengalir seminggu", "pdam-kotabaru", "air-bersih", "tidak_memberikan_pelayanan"),
    Example("tagihan pdam naik meteran air", "pdam-kotabaru", "air-bersih", "penyimpangan_prosedur"),
    Example("pipa air bocor belum diperbaiki", "pdam-kotabaru", "air-bersih", "penundaan_berlarut"),
    Example(
        "ktp el belum dicetak berbulan bulan",
        "disdukcapil",
        "administrasi-kependudukan",
        "penundaan_berlarut",
    ),
    Example(
        "akta kelahiran dan kk belum terbit", "disdukcapil", "administrasi-kependudukan", "penundaan_berlarut"
    ),
    Example(
        "petugas minta uang pelicin ktp", "disdukcapil", "administrasi-kependudukan", "permintaan_imbalan"
    ),
]


@pytest.fixture(scope="module")
def model():
    return train(TINY)


def test_suggests_the_unit_whose_words_the_complaint_uses(model):
    found = suggest(model, "jln rusak prh di desa kami")
    assert found["organisation"][0].label == "dinas-pupr"
    assert found["category"][0].label == "jalan-jembatan"
    found = suggest(model, "banyu PDAM kada mengalir")
    assert found["organisation"][0].label == "pdam-kotabaru"


def test_three_suggestions_per_target_most_confident_first(model):
    found = suggest(model, "ktp sy blm jadi")
    assert set(found) == {"organisation", "category", "maladministration"}
    for suggestions in found.values():
        assert len(suggestions) == 3
        confidences = [s.confidence for s in suggestions]
        assert confidences == sorted(confidences, reverse=True)
        assert 0 < sum(confidences) <= 1 + 1e-9


def test_the_matching_terms_come_from_the_text(model):
    top = suggest(model, "Air PDAM di rumah tidak mengalir")["organisation"][0]
    assert top.label == "pdam-kotabaru"
    assert top.terms
    assert any("pdam" in t or "air" in t for t in top.terms)
    normalised = "air pdam rumah tidak mengalir"
    assert all(set(t.split()) <= set(normalised.split()) for t in top.terms)


def test_a_target_with_one_label_always_suggests_it():
    one = train([Example("jalan rusak", "dinas-pupr"), Example("jembatan putus", "dinas-pupr")])
    assert [s.label for s in suggest(one, "apa saja")["organisation"]] == ["dinas-pupr"]
    assert set(suggest(one, "apa saja")) == {"organisation"}


def test_training_needs_a_text():
    with pytest.raises(ValueError):
        train([Example("   ", "dinas-pupr")])


def test_evaluation_counts_top1_and_top3_and_the_confusions(model):
    held_out = [
        Example("jalan berlubang", "dinas-pupr", "jalan-jembatan", None),
        Example("air mati", "pdam-kotabaru", "air-bersih", None),
        Example("ktp belum dicetak", "pdam-kotabaru", "administrasi-kependudukan", None),  # a wrong routing
    ]
    scores = {s.target: s for s in evaluate(model, TINY, held_out)}
    assert set(scores) == {"organisation", "category"}  # no maladministration label held out
    org = scores["organisation"]
    assert org.n == 3
    assert org.top1 == pytest.approx(2 / 3)
    assert org.top3 == 1.0
    assert org.confusions == (("pdam-kotabaru", "disdukcapil", 1),)
    assert org.baseline == pytest.approx(1 / 3)  # three labels tie at 3 examples; the first seen (PUPR) wins
    lines = report(list(scores.values()))
    assert any(line.startswith("organisation") and "66.7%" in line for line in lines)
    assert "  pdam-kotabaru -> disdukcapil: 1" in lines


def test_eval_triage_command_trains_on_the_train_split_and_scores_the_test_split(tmp_path, capsys):
    data = tmp_path / "tiny.csv"
    with data.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "split", "organisation", "category", "maladministration", "text"])
        for i, e in enumerate(TINY):
            w.writerow([f"t{i}", "train", e.organisation, e.category, e.maladministration, e.text])
        w.writerow(
            ["x1", "test", "dinas-pupr", "jalan-jembatan", "pengabaian_kewajiban_hukum", "jalan rusak"]
        )
        w.writerow(
            ["x2", "test", "disdukcapil", "administrasi-kependudukan", "penundaan_berlarut", "ktp blm jd"]
        )
    call_command("eval_triage", "--data", str(data))
    out = capsys.readouterr().out
    assert "trained on 9 texts" in out and "held out: 2" in out
    for target in ("organisation", "category", "maladministration"):
        assert any(line.startswith(target) and line.split()[1] == "2" for line in out.splitlines())
