"""The pure statistics module: percentiles, shares, suppression and the spike rule."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from tuntas.insights import stats

weighted = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), min_size=1, max_size=30)


def _expand(pairs):
    return sorted(v for v, w in pairs for _ in range(w))


def test_percentile_hand_computed():
    values = [(1, 1), (2, 1), (3, 1), (4, 1), (10, 1)]
    assert stats.percentile(values, 50) == 3
    assert stats.percentile(values, 90) == 10
    assert stats.percentile([(5, 3), (1, 1)], 50) == 5  # 1,5,5,5: rank 2 is 5
    assert stats.percentile([], 50) is None


@given(weighted, st.floats(1, 100))
def test_percentile_is_nearest_rank_of_expanded_list(pairs, p):
    flat = _expand(pairs)
    assert stats.percentile(pairs, p) == flat[max(1, math.ceil(p / 100 * len(flat))) - 1]


@given(weighted)
def test_percentiles_are_monotone_and_observed(pairs):
    med, p90, top = (stats.percentile(pairs, p) for p in (50, 90, 100))
    assert med <= p90 <= top == max(v for v, _ in pairs)
    assert med in {v for v, _ in pairs}


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_share_percent_rounds_half_up(part, whole):
    part = min(part, whole)
    assert stats.share_percent(part, whole) == math.floor(100 * part / whole + 0.5)
    assert stats.share_percent(1, 0) is None


def test_suppression_hides_one_and_two_only():
    assert [stats.suppressed(n) for n in range(5)] == [0, None, None, 3, 4]


def test_spike_on_constructed_series():
    series = [4, 5, 3, 4, 6, 4, 5, 14, 5]
    assert stats.spikes(series) == [7]


def test_no_spike_without_enough_history_or_below_min_count():
    assert stats.spikes([0, 0, 0, 0, 0, 30]) == []  # five months of history, six needed
    assert stats.spikes([0, 0, 0, 0, 0, 0, 4]) == []  # 4 < min_count
    rule = stats.SpikeRule(baseline_months=2, ratio=1.5, sigmas=0, min_count=1)
    assert stats.spikes([2, 2, 4], rule) == [2]


@given(st.lists(st.integers(0, 50), min_size=7, max_size=24))
def test_a_flat_or_falling_month_is_never_a_spike(series):
    for i in stats.spikes(series):
        window = series[max(0, i - 6) : i]
        assert series[i] > 2 * (sum(window) / len(window))
