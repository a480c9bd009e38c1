"""Indonesian stemming with PySastrawi (Nazief-Adriani / enhanced confix stripping, with its own dictionary of
root words), after the informal spelling is normalised: "dibenerin" and "diperbaiki" both become "baik".

Sastrawi's own CachedStemmer keeps every word it ever saw in an unbounded dict; a long-running worker
indexing years of complaints should not grow without limit, so each word goes through an LRU cache of
fixed size instead. Stemming one unseen word costs tens of microseconds to a few milliseconds (it tries
many affix combinations against the dictionary); a cache hit costs a dict lookup.
"""

from __future__ import annotations

import functools

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from tuntas.triage.normalise import lexicon, tokenise

CACHE_SIZE = 50_000


@functools.cache
def _stemmer() -> Stemmer:
    return Stemmer(ArrayDictionary(StemmerFactory().get_words_from_file()))


@functools.lru_cache(maxsize=CACHE_SIZE)
def stem_word(word: str) -> str:
    """The root of one word. An informal single word is first spelled formally ("dibenerin" -> "diperbaiki");
    numbers and words of fewer than four letters are kept as they are (codes, units: "rt", "km", "bos")."""
    lex = lexicon()
    formal = lex.informal.get(word)
    if formal is not None and len(formal) == 1:
        word = formal[0]
    if word in lex.stem_overrides:
        return lex.stem_overrides[word]
    if len(word) < 4 or not word.replace("-", "").isalpha():
        return word
    return _stemmer().stem_word(word) or word


def stems(text: str, *, keep_stop_words: bool = False) -> list[str]:
    """The stems of the meaningful words of ``text``, in order (see ``normalise.tokenise``)."""
    return [stem_word(w) for w in tokenise(text, keep_stop_words=keep_stop_words)]


def stemmed_text(text: str) -> str:
    """``stems`` joined by spaces: what a search index or a vectoriser stores."""
    return " ".join(stems(text))


def cache_info() -> functools._CacheInfo:
    return stem_word.cache_info()
