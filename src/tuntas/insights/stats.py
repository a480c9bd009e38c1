"""The statistics maths of the dashboards, as plain Python (no Django): percentiles over weighted values,
shares, small-count suppression and the spike rule.

Percentile: the nearest-rank definition (the smallest value with at least p% of the observations at or below
it), so every reported median/p90 is a number of working days that really occurred; with weights, a value
observed n times counts n times (the database groups identical durations and hands us the counts).

Spike rule (data, not code: ``SpikeRule``): a month's count is a spike when there are at least
``baseline_months`` earlier months to compare with, the count is at least ``min_count``, and it exceeds both
``ratio`` x the baseline mean and the baseline mean + ``sigmas`` x its standard deviation (population). Both
tests together keep a unit going from 1 to 3 complaints, or a noisy series, from raising alarms.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SUPPRESS_BELOW = 3  # public figures: a count of 1 or 2 in a cell is shown as "<3"


def percentile(values: Iterable[tuple[int, int]], p: float) -> int | None:
    """Nearest-rank ``p``-th percentile (0 < p <= 100) of (value, weight) pairs; None when there are none."""
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    pairs = sorted((v, w) for v, w in values if w > 0)
    total = sum(w for _, w in pairs)
    if total == 0:
        return None
    rank = max(1, math.ceil(p / 100 * total))
    seen = 0
    for value, weight in pairs:
        seen += weight
        if seen >= rank:
            return value
    return pairs[-1][0]  # pragma: no cover - seen reaches total >= rank


def share_percent(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` as a whole percent, rounded half up; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)


def suppressed(n: int, below: int = SUPPRESS_BELOW) -> int | None:
    """The count as published: None (shown as "<3") for 1..below-1, so no one is re-identified; 0 stays."""
    return None if 0 < n < below else n


@dataclass(frozen=True)
class SpikeRule:
    baseline_months: int = 6
    ratio: float = 2.0
    sigmas: float = 2.0
    min_count: int = 5


DEFAULT_SPIKE_RULE = SpikeRule()


def is_spike(history: Sequence[int], current: int, rule: SpikeRule = DEFAULT_SPIKE_RULE) -> bool:
    """Whether ``current`` is a spike against the last ``rule.baseline_months`` values of ``history``."""
    window = list(history[-rule.baseline_months :])
    if len(window) < rule.baseline_months or current < rule.min_count:
        return False
    mean = sum(window) / len(window)
    sd = math.sqrt(sum((x - mean) ** 2 for x in window) / len(window))
    return current > rule.ratio * mean and current > mean + rule.sigmas * sd


def spikes(series: Sequence[int], rule: SpikeRule = DEFAULT_SPIKE_RULE) -> list[int]:
    """The indexes of the months in ``series`` that are spikes against the months before them."""
    return [i for i in range(len(series)) if is_spike(series[:i], series[i], rule)]
