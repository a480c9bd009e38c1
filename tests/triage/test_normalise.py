import string

from hypothesis import given
from hypothesis import strategies as st

from tuntas.triage.normalise import fold, normalise, tokenise, words

# Text as complaints arrive: letters (accented too), digits, punctuation, typographic quotes and dashes.
complaint_text = st.text(
    alphabet=st.sampled_from(string.ascii_letters + string.digits + " .,!?-'’“”–éÉü\n2" + "aaaeeiikkyg"),
    max_size=80,
)


@given(complaint_text)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@given(complaint_text)
def test_normalised_words_are_lower_case_ascii_words(text):
    for word in words(text):
        assert word
        assert set(word) <= set(string.ascii_lowercase + string.digits + "-")
        assert not word.startswith("-") and not word.endswith("-")


@given(complaint_text)
def test_tokenise_keeps_no_stop_word_and_the_order_of_words(text):
    kept = tokenise(text)
    assert "yang" not in kept and "dan" not in kept
    everything = words(text)
    positions = iter(everything)
    assert all(any(w == x for x in positions) for w in kept)  # a subsequence of the words


def test_informal_spellings_become_formal():
    assert normalise("yg tdk sdh blm dgn utk krn") == "yang tidak sudah belum dengan untuk karena"
    assert normalise("gak nggak ga enggak") == "tidak tidak tidak tidak"
    assert normalise("jln jl") == "jalan jalan"


def test_abbreviations_of_people_and_offices_are_written_out():
    assert normalise("Kades dan Sekdes") == "kepala desa dan sekretaris desa"
    assert normalise("bpk pak bu") == "bapak bapak ibu"


def test_banjar_words_become_indonesian():
    assert normalise("banyu kada mengalir tumatan kamis") == "air tidak mengalir sejak kamis"
    assert normalise("ulun handak bapadah") == "saya mau memberi tahu"
    assert normalise("pambakal kadada di kantor") == "kepala desa tidak ada di kantor"


def test_formal_text_is_left_as_it_is():
    text = "jalan poros desa rusak parah dan berlubang sejak tahun lalu"
    assert normalise(text) == text


def test_repeated_letters_shrink_to_the_word():
    assert normalise("bangeeet parahhh") == "sekali parah"
    assert normalise("maaaaf") == "maaf"  # a real double letter is kept
    assert normalise("gaaak") == "tidak"


def test_reduplication_with_2_is_written_out():
    assert normalise("anak2 sekolah") == "anak-anak sekolah"
    assert normalise("org2 kampung") == "orang-orang kampung"


def test_letters_and_numbers_are_split():
    assert normalise("udh 3bln") == "sudah 3 bulan"
    assert normalise("Rp50rb") == "rp 50 ribu"


def test_punctuation_and_unicode_are_folded():
    assert normalise("Jum’at, “Café”—KTP-el!!!") == "jumat cafe ktp el"
    assert fold("ÉCOLE") == "ecole"


def test_informal_and_formal_sentences_share_their_words():
    assert set(tokenise("jln rusak prh")) <= set(tokenise("Jalan rusak parah sekali"))
