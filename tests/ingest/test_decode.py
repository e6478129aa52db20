"""Bytes to text: encodings are detected, never assumed; binary and corrupt input is refused."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode, looks_binary

LATIN = "The café’s “crème brûlée” costs €5 — a naïve price, said the façade’s owner."


def test_utf8_and_bom_variants() -> None:
    assert decode(LATIN.encode("utf-8"), "a") == LATIN
    assert decode(b"\xef\xbb\xbf" + LATIN.encode("utf-8"), "a") == LATIN
    assert decode(LATIN.encode("utf-16"), "a") == LATIN  # Python writes a BOM


def test_windows_1252_without_a_declaration() -> None:
    assert decode(LATIN.encode("cp1252"), "a") == LATIN


def test_latin1_without_a_declaration() -> None:
    text = "Señor Núñez visited the Zürich office on Tuesday with his daughter Zoë."
    assert decode(text.encode("latin-1"), "a") == text


def test_declared_charset_wins_over_guessing() -> None:
    text = "Ministr řekl, že vláda podpoří přístav v Gdyni i příští rok."
    data = text.encode("cp1250")
    assert decode(data, "a", declared="windows-1250") == text


def test_declared_latin1_is_read_as_windows_1252() -> None:
    # WHATWG: the iso-8859-1 label means windows-1252, so 0x93/0x94 are curly quotes.
    assert decode("“quoted”".encode("cp1252"), "a", declared="ISO-8859-1") == "“quoted”"


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Президент заявил, что правительство поддержит порт в следующем году. " * 3
    assert decode(text.encode("cp1251"), "a") == text


def test_bytes_undefined_in_windows_1252_are_undecodable() -> None:
    data = b"The pier will close on Tuesday for repairs. \x81\x8d\x9d and more text."
    with pytest.raises(InputError, match="undecodable"):
        decode(data, "a")


def test_corrupt_utf8_is_reported_with_its_position() -> None:
    good = "Crème brûlée and café. ".encode() * 3
    data = good + b"\xe9\xff broken" + " café".encode()
    with pytest.raises(InputError, match=rf"invalid UTF-8 at byte {len(good)}\b"):
        decode(data, "a")


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError, match="binary"):
        decode(data, "img.txt")


def test_text_with_tabs_and_form_feeds_is_not_binary() -> None:
    assert not looks_binary(b"Column\tvalue\r\n\x0cNext page\n" * 50)
