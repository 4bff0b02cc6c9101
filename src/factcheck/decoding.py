"""Bytes to text: decode what can be decoded, refuse the rest with a named reason.

A byte-order mark decides the encoding (UTF-32 before UTF-16, whose mark is a prefix of
UTF-32's) and the bytes must then be valid in it: an odd-length UTF-16 file, a UTF-8 mark
followed by Latin-1 bytes or a lone surrogate is refused, never guessed at. Without a mark,
UTF-16 is recognised by its zero bytes, then UTF-8 is tried, then charset detection. Text made
only of whitespace, control and format characters (zero-width spaces, direction marks) is empty.
"""

from __future__ import annotations

import unicodedata

from .errors import InputError

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
)
UNIT = {"UTF-8": 1, "UTF-16": 2, "UTF-32": 4}
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"})


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` (the contents of ``name``) or raise ``InputError`` saying why not."""
    if not data.strip():
        raise InputError(f"{name}: empty (no text to check)")
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            return _readable(_strict(data[len(bom) :], codec, label, name, len(bom)), name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _readable(_strict(data, utf16, "UTF-16", name, 0), name)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _readable(_detected(data, name), name)


def _strict(data: bytes, codec: str, label: str, name: str, offset: int) -> str:
    unit = UNIT[label]
    if len(data) % unit:
        raise InputError(
            f"{name}: not valid {label}: {len(data) + offset:,} bytes is not a whole number of "
            f"{unit}-byte code units (the file is cut or is not {label})"
        )
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {label}: {exc.reason} at byte {exc.start + offset:,}"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the zero bytes fall on one side of every code unit, as
    they do in UTF-16 text of a Latin script; None otherwise."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    units = len(sample) // 2
    if odd >= 0.4 * units and even == 0:
        return "utf-16-le"
    if even >= 0.4 * units and odd == 0:
        return "utf-16-be"
    return None


def _detected(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:  # short texts are ambiguous: prefer the web's usual legacy encoding
        near = [m for m in matches if m.chaos <= best.chaos + 0.1]
        best = next((m for m in near if m.encoding == "cp1252"), best)
    if best is None:
        raise InputError(f"{name}: not a text file (no text encoding fits)")
    return str(best)


def _readable(text: str, name: str) -> str:
    if _control_ratio(text) > 0.05:
        raise InputError(f"{name}: not a text file (mostly control characters)")
    return text


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls / max(min(len(text), 100_000), 1)


def blank(text: str) -> bool:
    """Whether ``text`` has nothing to read: only whitespace, control characters and invisible
    format characters (zero-width spaces and joiners, direction marks, byte-order marks)."""
    if not text.strip():
        return True
    return not any(not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE for ch in text)


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in ``text`` (a string that is not valid Unicode
    and cannot be written as UTF-8), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None
