"""Text as it is compared: invisible characters removed, look-alike letters seen for what
they are.

Names and figures are read from ``strip_invisible(text)``: zero-width spaces and joiners,
soft hyphens, direction marks, embeddings, overrides and isolates (every format character)
change nothing a reader sees, so they must change nothing factcheck compares: a
direction-wrapped "40" is 40 and "Ma<zero-width joiner>ria" is "Maria".

A word that mixes scripts (Latin letters with Cyrillic or Greek look-alikes, as in a spoofed
name) is found with ``mixed_script_words``; ``fold_lookalikes`` writes its look-alike letters
as the Latin letters they imitate, one character for one, so offsets hold. Names are found in
the folded text but keep their own spelling, so a spoofed name is reported as a spelling
variant of the real one (kind ``script``), and the renderers show its foreign letters as
``‹U+0430›``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from functools import cache

LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
    "і": "i", "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l", "к": "k",
    "м": "m", "н": "h", "т": "t", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y",
    "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ρ": "p", "υ": "u", "ι": "i", "κ": "k", "τ": "t",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]+")
_ASTRAL_FORMAT = [0x110BD, 0x110CD, *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4),
                  *range(0x1D173, 0x1D17B), 0xE0001, *range(0xE0020, 0xE0080)]  # fmt: skip


@cache
def _format_characters() -> dict[int, None]:
    """A ``str.translate`` table deleting every format character (category Cf)."""
    bmp = [c for c in range(0x10000) if unicodedata.category(chr(c)) == "Cf"]
    astral = [c for c in _ASTRAL_FORMAT if c <= sys.maxunicode]
    return dict.fromkeys(bmp + astral)


def strip_invisible(text: str) -> str:
    """``text`` without format characters (zero-width, direction and soft-hyphen marks)."""
    if text.isascii():
        return text
    return text.translate(_format_characters())


def script_of(char: str) -> str | None:
    """'LATIN', 'CYRILLIC', 'GREEK'… for a letter; None for anything else."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


def mixes_scripts(word: str) -> bool:
    """Whether ``word`` has Latin letters and letters of another script."""
    if word.isascii():
        return False
    scripts = {script_of(ch) for ch in word} - {None}
    return "LATIN" in scripts and len(scripts) > 1


def mixed_script_words(text: str) -> list[tuple[int, int]]:
    """Spans of the words in ``text`` that mix Latin with another script."""
    if text.isascii():
        return []
    return [m.span() for m in _LETTERS.finditer(text) if mixes_scripts(m.group())]


def rewrite_mixed_script_words(text: str, rewrite: Callable[[str], str]) -> str:
    """``text`` with each word that mixes Latin with another script replaced by
    ``rewrite(word)``; other text is left as it is."""
    spans = mixed_script_words(text)
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], rewrite(text[start:end])]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def fold_lookalikes(text: str) -> str:
    """``text`` with the look-alike letters of mixed-script words written in Latin, one
    character for one (offsets are unchanged); other text is left as it is."""
    return rewrite_mixed_script_words(
        text, lambda word: "".join(LOOKALIKES.get(ch, ch) for ch in word)
    )
