"""The pure email reader: never raises on untrusted bytes; takes the reply above the quote; finds tokens."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tuntas.channels import mail


@given(st.binary(max_size=2000))
def test_any_bytes_give_an_answer_never_an_exception(raw):
    parsed = mail.parse(raw, own_address="pengaduan@contoh.id", max_bytes=10_000)
    assert parsed.external_id
    assert parsed.reason or "@" in parsed.sender


@given(st.text(max_size=300))
def test_any_header_text_gives_an_answer(subject):
    raw = f"From: a@b.id\r\nSubject: {subject}\r\nMessage-ID: <x@b.id>\r\n\r\nisi".encode("utf-8", "replace")
    assert mail.parse(raw, max_bytes=10_000).external_id


def test_the_reply_is_what_comes_before_the_quote():
    raw = b"From: a@b.id\r\nSubject: Re\r\n\r\nMasih rusak.\r\n\r\nOn Mon, 2 Nov 2026 Tuntas wrote:\r\n> lama\r\n"
    assert mail.parse(raw, max_bytes=10_000).text == "Masih rusak."


def test_the_token_is_read_from_the_plus_address():
    raw = b"From: a@b.id\r\nTo: Pengaduan <pengaduan+c12.0123456789abcdef@contoh.id>\r\nSubject: Re\r\n\r\nya\r\n"
    assert mail.parse(raw, max_bytes=10_000).reply_token == "c12.0123456789abcdef"


def test_an_html_only_message_gives_its_text():
    raw = (
        b"From: a@b.id\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        b"<p>Jalan <b>berlubang</b></p>\r\n"
    )
    assert "berlubang" in mail.parse(raw, max_bytes=10_000).text
