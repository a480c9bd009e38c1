from collections import Counter

import pytest

from tuntas.demo import kotabaru
from tuntas.triage import dataset
from tuntas.triage.bootstrap import maladministration_types

ROUTING_LABELS = {"desa", "kecamatan", "bukan_wewenang"}


def test_the_set_has_at_least_300_distinct_texts():
    rows = dataset.load()
    assert len(rows) >= 300
    assert len({r.text for r in rows}) == len(rows)
    assert len({r.id for r in rows}) == len(rows)


def test_every_row_follows_the_fixed_split_rule():
    rows = dataset.load()
    assert all(r.split == dataset.split_of(r.id) for r in rows)
    assert 0.1 < sum(r.split == "test" for r in rows) / len(rows) < 0.3


@pytest.mark.django_db
def test_labels_are_the_demo_organisations_categories_and_the_sop_maladministration_types():
    rows = dataset.load()
    organisations = {o.slug for o in kotabaru.OPD} | {kotabaru.INSPEKTORAT} | ROUTING_LABELS
    categories = {c.slug for c in kotabaru.CATEGORIES} | {""}
    types = {value for value, _ in maladministration_types()}
    assert {r.organisation for r in rows} <= organisations
    assert {r.category for r in rows} <= categories
    assert {r.maladministration for r in rows} <= types


def test_the_set_covers_every_demo_category_and_unit():
    rows = [r for r in dataset.load() if r.split == "train"]
    assert {c.slug for c in kotabaru.CATEGORIES} <= {r.category for r in rows}
    assert {o.slug for o in kotabaru.OPD} <= {r.organisation for r in rows}
    assert ROUTING_LABELS | {kotabaru.INSPEKTORAT} <= {r.organisation for r in rows}


def test_the_texts_vary_in_length_and_include_informal_and_banjar_writing():
    rows = dataset.load()
    lengths = sorted(len(r.text.split()) for r in rows)
    assert lengths[0] <= 3 and lengths[-1] >= 50
    words = Counter(w for r in rows for w in r.text.lower().split())
    assert all(words[w] for w in ("yg", "udh", "jln", "kada", "handak", "ulun", "banyu"))
