import re

from tuntas.triage.normalise import lexicon


def test_informal_keys_are_single_lower_case_words():
    for key in lexicon().informal:
        assert re.fullmatch(r"[a-z0-9]+", key), key


def test_no_replacement_is_itself_replaced():
    """Otherwise normalising twice would change the text again."""
    lex = lexicon()
    for key, words in lex.informal.items():
        for word in words:
            assert word not in lex.informal, (key, word)


def test_stop_words_are_formal_and_negations_are_not_stop_words():
    lex = lexicon()
    assert not lex.stop_words & set(lex.informal)
    assert "tidak" not in lex.stop_words and "belum" not in lex.stop_words


def test_doubled_words_have_a_double_letter():
    for word in lexicon().doubled:
        assert re.search(r"([a-z])\1", word), word
