"""Scoring the suggestion model on held-out labelled texts: top-1 and top-3 accuracy per target, against the
baseline of always suggesting the most frequent training label, and the confusions it makes most often."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tuntas.triage.suggest import suggest
from tuntas.triage.train import TARGETS, Example, TriageModel


@dataclass(frozen=True)
class TargetScore:
    target: str
    n: int  # held-out texts carrying this target's label
    top1: float
    top3: float
    baseline: float  # top-1 of always suggesting the most frequent training label
    confusions: tuple[tuple[str, str, int], ...]  # (true label, suggested label, count), most frequent first


def evaluate(model: TriageModel, train: Sequence[Example], test: Sequence[Example]) -> list[TargetScore]:
    """Score ``model`` (trained on ``train``) on ``test``, target by target."""
    suggestions = [suggest(model, e.text, top=3) for e in test]
    scores = []
    for target in TARGETS:
        pairs = [(e.label(target), s.get(target, [])) for e, s in zip(test, suggestions, strict=True)]
        pairs = [(truth, found) for truth, found in pairs if truth is not None]
        if not pairs:
            continue
        top1 = sum(1 for truth, found in pairs if found and found[0].label == truth)
        top3 = sum(1 for truth, found in pairs if truth in {f.label for f in found[:3]})
        frequent = Counter(e.label(target) for e in train if e.label(target) is not None).most_common(1)
        majority = frequent[0][0] if frequent else None
        confusions = Counter(
            (truth, found[0].label if found else "")
            for truth, found in pairs
            if not found or found[0].label != truth
        )
        scores.append(
            TargetScore(
                target=target,
                n=len(pairs),
                top1=top1 / len(pairs),
                top3=top3 / len(pairs),
                baseline=sum(1 for truth, _ in pairs if truth == majority) / len(pairs),
                confusions=tuple((t, p, n) for (t, p), n in confusions.most_common()),
            )
        )
    return scores


def report(scores: Sequence[TargetScore], *, confusions: int = 5) -> list[str]:
    """The scores as lines of text for a terminal."""
    lines = [f"{'target':<20}{'n':>5}{'top-1':>8}{'top-3':>8}{'baseline':>10}"]
    for s in scores:
        lines.append(f"{s.target:<20}{s.n:>5}{s.top1:>8.1%}{s.top3:>8.1%}{s.baseline:>10.1%}")
    for s in scores:
        if s.confusions and confusions:
            lines.append(f"most frequent {s.target} errors (true -> suggested: count):")
            for truth, found, n in s.confusions[:confusions]:
                lines.append(f"  {truth or '(none)'} -> {found or '(none)'}: {n}")
    return lines
