"""The IKM maths of PermenPANRB 14/2017 (tuntas.surveys.ikm): a hand-computed example and properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuntas.surveys import ikm

ELEMENTS = [f"U{n}" for n in range(1, 10)]
BANDS = [
    ikm.Band("A", "Sangat Baik", Decimal("88.31"), Decimal("100.00")),
    ikm.Band("B", "Baik", Decimal("76.61"), Decimal("88.30")),
    ikm.Band("C", "Kurang Baik", Decimal("65.00"), Decimal("76.60")),
    ikm.Band("D", "Tidak Baik", Decimal("25.00"), Decimal("64.99")),
]

# Five respondents, answers U1..U9:
#        U1 U2 U3 U4 U5 U6 U7 U8 U9
# R1      4  4  3  4  3  4  4  3  3
# R2      3  3  3  4  3  3  4  2  3
# R3      4  3  2  4  3  3  3  3  2
# R4      3  3  3  4  4  4  4  3  3
# R5      2  3  2  4  3  3  3  2  3
# sums   16 16 13 20 16 17 18 13 14   (total 143)
# NRR   3.2 3.2 2.6 4.0 3.2 3.4 3.6 2.6 2.8
# NIK    80  80  65 100  80  85  90  65  70   (NRR x 25)
# NRR tertimbang = sum(NRR x 1/9) = 28.6 / 9 = 3.17777...
# IKM = 3.17777... x 25 = 79.4444... -> 79.44, grade B (76.61-88.30).
# (With the weight rounded to 0,111 as in the regulation's worked table: 28.6 x 0.111 x 25 = 79.365.)
EXAMPLE = [
    (4, 4, 3, 4, 3, 4, 4, 3, 3),
    (3, 3, 3, 4, 3, 3, 4, 2, 3),
    (4, 3, 2, 4, 3, 3, 3, 3, 2),
    (3, 3, 3, 4, 4, 4, 4, 3, 3),
    (2, 3, 2, 4, 3, 3, 3, 2, 3),
]

responses = st.lists(st.tuples(*[st.integers(1, 4)] * 9), min_size=1, max_size=40)


def index(rows):  # noqa: ANN001, ANN201
    return ikm.index_from_responses(rows, ELEMENTS)


def test_hand_computed_example():
    result = index(EXAMPLE)
    assert [e.nrr for e in result.elements] == [
        Fraction(x) for x in ("3.2", "3.2", "2.6", "4", "3.2", "3.4", "3.6", "2.6", "2.8")
    ]
    assert [ikm.to_decimal(e.nik) for e in result.elements] == [
        Decimal(x) for x in ("80.00", "80.00", "65.00", "100.00", "80.00", "85.00", "90.00", "65.00", "70.00")
    ]
    assert result.nrr_weighted == Fraction(143, 45)
    assert ikm.to_decimal(result.nrr_weighted, ikm.THREE) == Decimal("3.178")
    assert result.exact == Fraction(3575, 45)
    assert result.ikm == Decimal("79.44")
    assert ikm.grade(result.ikm, BANDS).code == "B"


def test_totals_give_the_same_index_as_responses():
    totals = {"U1": (16, 5), "U2": (16, 5), "U3": (13, 5), "U4": (20, 5), "U5": (16, 5)}
    totals |= {"U6": (17, 5), "U7": (18, 5), "U8": (13, 5), "U9": (14, 5)}
    assert ikm.index_from_totals(totals, ELEMENTS).exact == index(EXAMPLE).exact


def test_no_respondents_is_no_index():
    assert index([]) is None
    assert ikm.index_from_totals({}, ELEMENTS) is None


@pytest.mark.parametrize("bad", [(4,) * 8, (4,) * 10, (0,) + (4,) * 8, (5,) + (4,) * 8, (True,) + (4,) * 8])
def test_a_partial_or_out_of_scale_response_is_refused(bad):
    with pytest.raises(ValueError):
        index([bad])


def test_impossible_totals_are_refused():
    with pytest.raises(ValueError):
        ikm.index_from_totals({"U1": (9, 2)}, ["U1"])


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.305", "A"),  # rounds half up to 88.31
        ("88.3049", "B"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
    ],
)
def test_grade_cut_offs(value, code):
    assert ikm.grade(Decimal(value), BANDS).code == code


def test_a_value_in_a_gap_between_bands_takes_the_band_below():
    gappy = [b for b in BANDS if b.code != "C"]
    assert ikm.grade(Decimal("70"), gappy).code == "D"
    assert ikm.grade(Decimal("20"), gappy) is None


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [(Fraction(12345, 1000), "12.35"), (Fraction(12344999, 1000000), "12.34"), (Fraction(-5, 1000), "-0.01")],
)
def test_rounding_is_half_up_on_the_exact_value(fraction, expected):
    assert ikm.to_decimal(fraction) == Decimal(expected)


@given(responses)
def test_ikm_lies_between_25_and_100(rows):
    result = index(rows)
    assert 25 <= result.exact <= 100
    assert Decimal("25.00") <= result.ikm <= Decimal("100.00")


@given(st.integers(1, 50))
def test_everyone_answering_4_scores_100_and_1_scores_25(n):
    assert index([(4,) * 9] * n).ikm == Decimal("100.00")
    assert index([(1,) * 9] * n).ikm == Decimal("25.00")


@given(responses, st.data())
def test_raising_one_answer_raises_the_index(rows, data):
    r = data.draw(st.integers(0, len(rows) - 1))
    e = data.draw(st.integers(0, 8))
    if rows[r][e] == 4:
        return
    better = [list(row) for row in rows]
    better[r][e] += 1
    assert index(better).exact > index(rows).exact
    assert index(better).ikm >= index(rows).ikm


@given(responses, st.randoms(use_true_random=False))
def test_order_of_respondents_does_not_matter(rows, rnd):
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert index(shuffled).exact == index(rows).exact


@given(responses)
def test_ikm_is_the_mean_answer_times_25(rows):
    total = sum(sum(row) for row in rows)
    assert index(rows).exact == Fraction(total, 9 * len(rows)) * 25


@given(st.integers(2500, 10000))
def test_every_two_decimal_value_gets_the_band_that_holds_it(cents):
    value = Decimal(cents) / 100
    band = ikm.grade(value, BANDS)
    assert band.low <= value <= band.high
