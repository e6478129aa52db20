"""Bytes to text: binary detection and encoding detection (never assumed)."""

from __future__ import annotations

from charset_normalizer import from_bytes

from newsgraph.errors import InputError

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))


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
    """Decode ``data``: BOM, then strict UTF-8, then a declared charset, then detection."""
    if looks_binary(data):
        raise InputError(source, "looks like a binary file, not text, HTML or JSON")
    for name, bom in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "cannot detect the text encoding; convert it to UTF-8")
    text = str(best)
    if text.count("\ufffd") > max(3, len(text) // 1000):
        raise InputError(
            source, f"undecodable bytes (best guess {best.encoding}); convert to UTF-8")
    return text
