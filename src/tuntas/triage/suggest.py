"""Suggestions for one complaint: the likely receiving organisations, categories and maladministration types,
each with a confidence and the words of the complaint that explain it.

The explanation is read off the model: for the suggested label, each term present in the text contributes
its TF-IDF weight times the classifier's weight for that label; the terms that push hardest towards the
label are shown as normalised words rather than stems ("air tidak mengalir" for "banyu kada mengalir", not
"air tidak alir").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tuntas.triage.normalise import tokenise
from tuntas.triage.stem import stem_word
from tuntas.triage.train import TriageModel

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

TOP = 3
TERMS = 5


@dataclass(frozen=True)
class Suggestion:
    label: str
    confidence: float  # the model's probability, 0..1
    terms: tuple[str, ...]  # the words of the text that speak for this label, strongest first


def _surface(text: str) -> dict[str, str]:
    """Stem (and stem pair) -> the words of ``text`` it came from, first occurrence."""
    words = tokenise(text)
    stemmed = [stem_word(w) for w in words]
    out: dict[str, str] = {}
    for i, s in enumerate(stemmed):
        out.setdefault(s, words[i])
        if i + 1 < len(stemmed):
            out.setdefault(f"{s} {stemmed[i + 1]}", f"{words[i]} {words[i + 1]}")
    return out


def _explain(
    model: TriageModel, target: str, row: csr_matrix, label_index: int, surface: dict[str, str]
) -> tuple[str, ...]:
    classifier = model.classifiers[target]
    coef = classifier.coef_
    # Two classes: scikit-learn keeps one weight row, for the second class; the first is its negative.
    weights = (coef[0] if label_index == 1 else -coef[0]) if coef.shape[0] == 1 else coef[label_index]
    columns = row.indices
    contributions = row.data * weights[columns]
    order = np.argsort(-contributions)
    names = model.vectoriser.get_feature_names_out()
    terms: list[str] = []
    covered: set[str] = set()
    for j in order:
        if contributions[j] <= 0 or len(terms) >= TERMS:
            break
        shown = surface.get(names[columns[j]], names[columns[j]])
        # A pair adds nothing when both its words are already shown, nor a word inside a shown pair.
        if set(shown.split()) <= covered:
            continue
        covered.update(shown.split())
        terms.append(shown)
    return tuple(terms)


def suggest(model: TriageModel, text: str, *, top: int = TOP) -> dict[str, list[Suggestion]]:
    """Up to ``top`` suggestions per target, most likely first."""
    row = model.vectoriser.transform([text])
    surface = _surface(text)
    result: dict[str, list[Suggestion]] = {}
    for target, label in model.constants.items():
        result[target] = [Suggestion(label, 1.0, ())]
    for target, classifier in model.classifiers.items():
        probabilities = classifier.predict_proba(row)[0]
        best = np.argsort(-probabilities)[:top]
        result[target] = [
            Suggestion(
                str(classifier.classes_[k]),
                float(probabilities[k]),
                _explain(model, target, row, int(k), surface),
            )
            for k in best
        ]
    return result
