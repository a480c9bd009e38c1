"""Training the routing and category suggestion model: pure functions over labelled texts, no Django.

One TF-IDF vocabulary over the normalised, stemmed words of the texts (single stems and pairs of adjacent
stems, so "air tidak alir" keeps its negation), and one small multinomial logistic regression per target
(receiving organisation, category, maladministration type). Logistic regression because its probabilities
are usable as a confidence and its weights, read against the words of a text, say why it chose a label.
A few hundred to a few tens of thousands of texts train in seconds on one core, and the model is a few
megabytes at most: right for a 2-core server that also serves the application.

Where the trained model is stored and when it is retrained belong to the task queue (later); here training
is a plain function from examples to a ``TriageModel``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from threadpoolctl import threadpool_limits

from tuntas.triage.stem import stems

TARGETS: tuple[str, ...] = ("organisation", "category", "maladministration")

# Regularisation: the texts are short and the vocabulary sparse, so a fairly weak penalty fits best; class
# weights keep the rare units (BPKAD, a kecamatan) from being drowned by the frequent ones (PUPR, PDAM).
C = 10.0
MAX_ITER = 2000
# BLAS threads: one. The fits are small, and on a busy 2-core server a thread per core for BLAS fights the
# web workers and itself (measured: 20 s with the default threads against 1.5 s with one, at load 10).
BLAS_THREADS = 1


@dataclass(frozen=True)
class Example:
    """One labelled text. A label that is None is unknown (the example does not train that target); the
    empty string is a real label ("no category")."""

    text: str
    organisation: str | None = None
    category: str | None = None
    maladministration: str | None = None
    weight: float = 1.0

    def label(self, target: str) -> str | None:
        return getattr(self, target)


def features(text: str) -> list[str]:
    """The vectoriser's terms for ``text``: its stems and each pair of adjacent stems. Numbers are left out:
    "3 bulan" and "5 bulan" say the same to a router, and amounts would only learn the examples' figures."""
    found = [s for s in stems(text) if not s.isdigit()]
    return found + [f"{a} {b}" for a, b in zip(found, found[1:], strict=False)]


@dataclass
class TriageModel:
    vectoriser: TfidfVectorizer
    classifiers: dict[str, LogisticRegression]
    # A target whose examples all share one label has no classifier: it always suggests that label.
    constants: dict[str, str] = field(default_factory=dict)
    examples: int = 0

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(t for t in TARGETS if t in self.classifiers or t in self.constants)


def train(examples: Iterable[Example]) -> TriageModel:
    """Fit the vocabulary on every example's text and one classifier per target on the examples that carry
    that target's label. Raises ValueError when no example has any text."""
    examples = [e for e in examples if e.text.strip()]
    if not examples:
        raise ValueError("no examples to train on")
    with threadpool_limits(BLAS_THREADS):
        return _train(examples)


def _train(examples: list[Example]) -> TriageModel:
    vectoriser = TfidfVectorizer(analyzer=features, sublinear_tf=True)
    matrix = vectoriser.fit_transform([e.text for e in examples])
    classifiers: dict[str, LogisticRegression] = {}
    constants: dict[str, str] = {}
    for target in TARGETS:
        rows = [i for i, e in enumerate(examples) if e.label(target) is not None]
        labels = [examples[i].label(target) for i in rows]
        if not labels:
            continue
        if len(set(labels)) == 1:
            constants[target] = labels[0]
            continue
        classifier = LogisticRegression(C=C, max_iter=MAX_ITER, class_weight="balanced")
        with warnings.catch_warnings():
            # A bootstrap has about one example per label, which scikit-learn takes for a regression target.
            warnings.filterwarnings("ignore", message="The number of unique classes", category=UserWarning)
            classifier.fit(matrix[rows], labels, sample_weight=[examples[i].weight for i in rows])
        classifiers[target] = classifier
    return TriageModel(vectoriser, classifiers, constants, examples=len(examples))
