"""Indonesian text normalisation for complaint writing: one canonical spelling for search and routing.

Complaints arrive as "jln ke desa kami rusak prh bangeeet, udh 3bln gak dibenerin" as often as in formal
Indonesian; both must reach the same tokens. The steps, in order: Unicode folding (accents, curly quotes,
dashes) and lower-casing; apostrophes inside words dropped ("jum'at"); every other punctuation a space;
a letter repeated three or more times shrunk ("bangeeet" -> "banget", "maaaf" -> "maaf"); "anak2" written
out as the reduplication "anak-anak"; letters and digits split ("3bln" -> "3 bln"); then each informal or
Banjar word replaced by its formal spelling from ``lexicon.yaml``.

Pure Python, no Django: the lexicon is data shipped with the app. ``normalise`` is idempotent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")

# Characters NFKD does not fold to ASCII but which complaint texts carry from phones and word processors.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[a-z])'(?=[a-z])")
_NOT_WORD = re.compile(r"[^a-z0-9\-]+")
_HYPHENS = re.compile(r"-{2,}")
_RUN = re.compile(r"([a-z])\1{2,}")
_REDUPLICATED_2 = re.compile(r"^([a-z]{2,})2$")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")


@dataclass(frozen=True)
class Lexicon:
    informal: dict[str, tuple[str, ...]]
    doubled: frozenset[str]
    stop_words: frozenset[str]
    stem_overrides: dict[str, str]


@functools.cache
def lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The shipped lexicon (read once per process)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(
        informal={str(k): tuple(str(v).split()) for k, v in data["informal"].items()},
        doubled=frozenset(data["doubled"]),
        stop_words=frozenset(data["stop_words"]),
        stem_overrides={str(k): str(v) for k, v in data["stem_overrides"].items()},
    )


def fold(text: str) -> str:
    """Lower-case ASCII with accents removed and typographic punctuation made plain."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.encode("ascii", "ignore").decode("ascii").lower()


def _shrink_runs(word: str, doubled: frozenset[str]) -> str:
    if not _RUN.search(word):
        return word
    double = _RUN.sub(r"\1\1", word)
    return double if double in doubled else _RUN.sub(r"\1", word)


def _pieces(word: str, lex: Lexicon) -> list[str]:
    """One raw word (letters, digits, hyphens) -> its normalised words."""
    word = _shrink_runs(word, lex.doubled)
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        # A reduplication ("anak-anak", "berminggu-minggu") stays one word, for the stemmer to read;
        # any other hyphenated word ("ktp-el", "non-asn") is its parts.
        if len(parts) == 2 and parts[0].endswith(parts[1]) and not parts[1].isdigit():
            return [f"{_replace_one(parts[0], lex)}-{_replace_one(parts[1], lex)}"]
        return [w for p in parts for w in _pieces(p, lex)]
    reduplicated = _REDUPLICATED_2.match(word)
    if reduplicated:
        base = _replace_one(reduplicated.group(1), lex)
        return [f"{base}-{base}"]
    words = _LETTER_DIGIT.sub(" ", word).split()
    return [w for piece in words for w in lex.informal.get(piece, (piece,))]


def _replace_one(word: str, lex: Lexicon) -> str:
    replaced = lex.informal.get(word, (word,))
    return replaced[0] if len(replaced) == 1 else word


def words(text: str) -> list[str]:
    """The normalised words of ``text``, stop words included, in order."""
    lex = lexicon()
    text = _APOSTROPHE_IN_WORD.sub("", fold(text))
    text = _HYPHENS.sub(" ", _NOT_WORD.sub(" ", text))
    out: list[str] = []
    for raw in text.split():
        raw = raw.strip("-")
        if raw:
            out.extend(_pieces(raw, lex))
    return out


def normalise(text: str) -> str:
    """``text`` in canonical spelling: the normalised words joined by single spaces."""
    return " ".join(words(text))


def is_stop_word(word: str) -> bool:
    return word in lexicon().stop_words


def tokenise(text: str, *, keep_stop_words: bool = False) -> list[str]:
    """The words of ``text`` that carry meaning for search and routing (stop words dropped)."""
    found = words(text)
    if keep_stop_words:
        return found
    stop = lexicon().stop_words
    return [w for w in found if w not in stop]
