"""Tracking codes and secrets: readable, unambiguous, and the secret only ever stored as a salted hash."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from tuntas.core import codes

SYMBOL = f"[{re.escape(codes.ALPHABET)}]"


def cycling(chars: str):
    it = itertools.cycle(chars)
    return lambda alphabet: next(it)


def test_alphabet_leaves_out_characters_misheard_or_misread():
    assert not set("01ILOU") & set(codes.ALPHABET)
    assert len(set(codes.ALPHABET)) == len(codes.ALPHABET) == 30


def test_tracking_code_has_the_prefix_and_two_groups():
    assert codes.tracking_code("ktb", cycling("7K3MQ9")) == "KTB-7K3M-Q9"
    assert re.fullmatch(rf"KTB-{SYMBOL}{{4}}-{SYMBOL}{{2}}", codes.tracking_code("KTB"))


def test_secret_is_ten_symbols_in_three_groups():
    assert re.fullmatch(rf"{SYMBOL}{{4}}-{SYMBOL}{{4}}-{SYMBOL}{{2}}", codes.tracking_secret())


def test_random_secrets_differ():
    assert len({codes.tracking_secret() for _ in range(200)}) == 200


@given(st.text(alphabet=codes.ALPHABET, min_size=6, max_size=6), st.sampled_from(["KTB", "OKS", "TNT"]))
def test_format_code_accepts_any_spelling_of_a_code(body, prefix):
    canonical = f"{prefix}-{body[:4]}-{body[4:]}"
    assert codes.format_code(canonical) == canonical
    assert codes.format_code(canonical.lower().replace("-", " ")) == canonical


def test_stored_hash_does_not_contain_the_secret():
    secret = "H7QK-M2XP-9T"
    stored = codes.hash_secret(secret)
    assert "H7QKM2XP9T" not in stored.upper() and secret not in stored
    assert stored.startswith("pbkdf2_sha256$")


def test_hashing_the_same_secret_twice_gives_different_salts():
    assert codes.hash_secret("H7QK-M2XP-9T") != codes.hash_secret("H7QK-M2XP-9T")


def test_secret_matches_in_any_spelling():
    stored = codes.hash_secret("H7QK-M2XP-9T")
    assert codes.secret_matches("h7qk m2xp 9t", stored)
    assert codes.secret_matches("H7QKM2XP9T", stored)


def test_wrong_secret_does_not_match():
    stored = codes.hash_secret("H7QK-M2XP-9T")
    assert not codes.secret_matches("H7QK-M2XP-9V", stored)
    assert not codes.secret_matches("", stored)


def test_secret_is_compared_in_constant_time(monkeypatch):
    calls = []
    original = hmac.compare_digest

    def spy(a, b):  # noqa: ANN001
        calls.append((a, b))
        return original(a, b)

    monkeypatch.setattr(codes.hmac, "compare_digest", spy)
    stored = codes.hash_secret("H7QK-M2XP-9T")
    assert codes.secret_matches("H7QK-M2XP-9T", stored)
    assert not codes.secret_matches("2222-2222-22", stored)
    assert len(calls) == 2


def test_older_unsalted_hashes_still_match():
    legacy = hashlib.sha256(b"H7QKM2XP9T").hexdigest()
    assert codes.secret_matches("h7qk-m2xp-9t", legacy)
    assert not codes.secret_matches("2222-2222-22", legacy)


def test_non_ascii_guess_is_a_mismatch_not_an_error():
    assert not codes.secret_matches("ñ7QK-M2XP-9T", codes.hash_secret("H7QK-M2XP-9T"))
