"""Bytes to text: binary detection and encoding detection (never assumed)."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_LATIN_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii",
                 "windows-1252", "cp1252", "x-cp1252", "iso_8859-1"}
# A well-formed multi-byte UTF-8 character.
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB (UTF-16 with a BOM is text)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(head) // 100)


def decode(data: bytes, source: str | None, declared: str | None = None) -> str:
    """Decode ``data``: a BOM, then strict UTF-8, then a declared charset, then detection.

    Mostly-ASCII text that is not UTF-8 is Windows-1252 (the web's Latin default) or it is
    corrupt; other text goes to charset detection.
    """
    if looks_binary(data):
        raise InputError(source, "looks like a binary file, not text, HTML or JSON")
    for name, bom in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                raise InputError(source, f"undecodable bytes after a {name.upper()} byte order "
                                         "mark; convert the file to UTF-8") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    if declared:
        try:
            return data.decode(_whatwg(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    if _mostly_utf8(data):
        raise InputError(source, f"invalid UTF-8 at byte {first_bad:,} in otherwise UTF-8 "
                                 "text; repair the file or re-save it as UTF-8")
    if _mostly_ascii(data):
        return _decode_latin(data, source)
    return _detect(data, source)


def _whatwg(label: str) -> str:
    """Browsers read the Latin-1 and ASCII labels as Windows-1252 (WHATWG Encoding)."""
    name = label.strip().lower()
    return "cp1252" if name in _LATIN_LABELS else name


def _mostly_ascii(data: bytes) -> bool:
    high = sum(1 for b in data[:65536] if b >= 0x80)
    return high <= 0.2 * min(len(data), 65536)


def _mostly_utf8(data: bytes) -> bool:
    """Well-formed UTF-8 characters outnumber the bytes that are not (a damaged UTF-8 file,
    not a legacy encoding, where such sequences are rare)."""
    valid = len(_UTF8_SEQ.findall(data))
    return valid > 0 and valid >= data.decode("utf-8", "replace").count("\ufffd")


def _decode_latin(data: bytes, source: str | None) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InputError(source, f"undecodable bytes: 0x{data[err.start]:02x} at byte "
                                 f"{err.start:,} is neither UTF-8 nor Windows-1252; convert "
                                 "the file to UTF-8") from None


def _detect(data: bytes, source: str | None) -> str:
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot detect the text encoding; convert it to UTF-8")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 1000):
        raise InputError(
            source, f"undecodable bytes (best guess {best.encoding}); convert to UTF-8")
    return text
