"""The follow-up maths (tracking.py), pure: moves, TGR balance and the follow-up rate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuntas.followup import tracking as t

counts = st.fixed_dictionaries({s: st.integers(0, 500) for s in t.STATUSES})
money = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


@given(counts)
def test_rate_is_settled_share_between_0_and_100(c):
    rate = t.follow_up_rate(c)
    total = sum(c.values())
    if total == 0:
        assert rate is None
        assert t.all_settled(c)
    else:
        assert Decimal(0) <= rate <= Decimal(100)
        assert (rate == 100) == t.all_settled(c)
        assert abs(rate - Decimal(c[t.SESUAI] + c[t.TIDAK_DAPAT]) * 100 / total) <= Decimal("0.005")


@given(counts, st.sampled_from([t.BELUM_DITINDAKLANJUTI, t.BELUM_SESUAI]))
def test_one_more_open_recommendation_never_raises_the_rate(c, status):
    before = t.follow_up_rate(c)
    after = t.follow_up_rate({**c, status: c[status] + 1})
    assert before is None or after <= before


def test_rate_examples():
    assert t.follow_up_rate(
        {t.SESUAI: 2, t.TIDAK_DAPAT: 1, t.BELUM_SESUAI: 1, t.BELUM_DITINDAKLANJUTI: 2}
    ) == Decimal("50.00")
    assert t.follow_up_rate({t.SESUAI: 1, t.BELUM_SESUAI: 2}) == Decimal("33.33")
    assert t.follow_up_rate({t.SESUAI: 2, t.BELUM_SESUAI: 1}) == Decimal("66.67")


@given(st.sampled_from(t.STATUSES), st.booleans(), st.booleans(), st.sampled_from(t.CLAIMS), money, money)
def test_review_moves(status, waiting, accept, claim, amount, paid):
    try:
        new, still_waiting = t.after_review(
            status, waiting, accept=accept, claim=claim, tgr_amount=amount, tgr_paid=paid
        )
    except t.MoveNotAllowed:
        assert t.is_final(status) or not waiting or (accept and claim == t.DONE and paid < amount)
        return
    assert not t.is_final(status) and waiting and not still_waiting
    if not accept:
        assert new == t.BELUM_SESUAI
    elif claim == t.CANNOT:
        assert new == t.TIDAK_DAPAT
    else:
        assert new == t.SESUAI and paid >= amount


@given(st.sampled_from(t.STATUSES), st.booleans())
def test_respond_only_when_open_and_not_waiting(status, waiting):
    if t.is_final(status) or waiting:
        with pytest.raises(t.MoveNotAllowed):
            t.after_respond(status, waiting)
    else:
        assert t.after_respond(status, waiting) == (status, True)


@given(money, st.lists(money, max_size=6))
def test_tgr_outstanding_never_negative_and_adds_up(amount, instalments):
    rest = t.tgr_outstanding(amount, instalments)
    assert rest >= 0
    assert rest == max(Decimal(0), amount - sum(instalments, Decimal(0)))
    assert t.tgr_outstanding(None, instalments) == 0
