"""The labelled complaint texts shipped with the app (``data/complaints.csv``, see ``data/README.md``)."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tuntas.triage.train import Example

DATA_FILE = Path(__file__).parent / "data" / "complaints.csv"
COLUMNS = ("id", "split", "organisation", "category", "maladministration", "text")


@dataclass(frozen=True)
class LabelledText:
    id: str
    split: str  # "train" | "test"
    organisation: str
    category: str  # "" = no category of the regency applies (a report outside its remit)
    maladministration: str
    text: str

    def example(self) -> Example:
        return Example(self.text, self.organisation, self.category, self.maladministration)


def split_of(identifier: str) -> str:
    """The rule the split column was made with: one id in five, by the SHA-256 of the id, is held out."""
    return "test" if int(hashlib.sha256(identifier.encode()).hexdigest(), 16) % 5 == 0 else "train"


def load(path: Path = DATA_FILE) -> list[LabelledText]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: expected the columns {', '.join(COLUMNS)}")
        return [LabelledText(**row) for row in reader]


def examples(rows: list[LabelledText], split: str) -> list[Example]:
    return [r.example() for r in rows if r.split == split]
