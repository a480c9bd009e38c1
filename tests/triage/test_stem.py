from hypothesis import given
from hypothesis import strategies as st

from tuntas.triage.stem import CACHE_SIZE, cache_info, stem_word, stemmed_text, stems

lower_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)


@given(lower_words)
def test_stemming_a_stem_gives_the_stem(word):
    once = stem_word(word)
    assert stem_word(once) == once


def test_affixes_are_removed():
    assert stem_word("jalannya") == "jalan"
    assert stem_word("pelayanan") == "layan"
    assert stem_word("dipungut") == stem_word("pungutan") == "pungut"
    assert stem_word("berminggu-minggu") == "minggu"


def test_known_mistakes_of_the_stemmer_are_corrected():
    assert stem_word("kerusakan") == stem_word("rusak") == "rusak"


def test_informal_words_are_spelled_formally_before_stemming():
    assert stem_word("dibenerin") == stem_word("diperbaiki")
    assert stem_word("nunggu") == stem_word("menunggu")


def test_short_words_and_numbers_are_kept():
    assert stem_word("rt") == "rt"
    assert stem_word("2025") == "2025"


def test_informal_and_formal_complaints_share_stems():
    formal = set(stems("Jalannya rusak parah"))
    informal = set(stems("jln rusak prh"))
    assert informal == formal == {"jalan", "rusak", "parah"}
    assert set(stems("banyu PDAM kada mengalir")) == set(stems("Air PDAM tidak mengalir"))


def test_stemmed_text_joins_the_stems():
    assert stemmed_text("Pengaduan pelayanan KTP-el") == "adu layan ktp el"


def test_the_cache_is_bounded():
    stem_word("perbaikan")
    info = cache_info()
    assert info.maxsize == CACHE_SIZE
    assert info.currsize <= CACHE_SIZE
